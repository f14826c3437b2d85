// The SMS segment budget: what each standard journey costs a person, counted from the real /twilio/sms TwiML
// (each <Message> as the network bills it: GSM-7 160/153 characters a segment, UCS-2 70/67). The goals: a first
// contact in 2 segments, finding a place in 6, each procedure step with its « SUITE » in 1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accueil } from '../flows/accueil.js';
import { procedures } from '../data/procedures/index.js';
import { countSegments } from '../src/channels/sms/gsm7.js';
import { renderSmsReplies } from '../src/channels/sms/twiml.js';
import { compileFlow } from '../src/engine/flow.js';
import { questionMessage } from '../src/engine/prompt.js';
import { startTestRelais, type TestRelais } from './support/relais.js';

let relais: TestRelais;
let phone = 0;
beforeAll(async () => {
  relais = await startTestRelais();
});
afterAll(() => relais.stop());

/** Plays a journey by SMS; returns the segments each message sent cost. */
async function journey(lines: string[]): Promise<number[]> {
  const from = `+3366600${String(phone++).padStart(4, '0')}`;
  const costs: number[] = [];
  for (const line of lines) {
    const reply = await relais.sms(from, line);
    expect(reply.status).toBe(200);
    costs.push(reply.messages.reduce((sum, m) => sum + countSegments(m).segments, 0));
  }
  return costs;
}
const total = (costs: number[]) => costs.reduce((a, b) => a + b, 0);

describe('the SMS segment budget', () => {
  it('a first contact: the welcome, the privacy notice and the menu in 2 segments', async () => {
    expect(await journey(['Bonjour'])).toEqual([2]);
  });

  it('finding a place from the menu: 6 segments, the places and what comes next in 3', async () => {
    const costs = await journey(['Bonjour', '1', '74000']);
    expect(costs[2], 'the places and the question after them').toBeLessThanOrEqual(3);
    expect(total(costs)).toBeLessThanOrEqual(6);
  });

  it('finding a place said in the first message: 6 segments at most', async () => {
    expect(total(await journey(['bonjour je cherche une France Services près de chez moi je suis au 73100']))).toBeLessThanOrEqual(6);
  });

  it('a procedure step by step: each step with its « SUITE » in 1 segment', async () => {
    const costs = await journey(['Bonjour', '2', 'déclarer mes revenus', 'suite', 'suite', 'suite', 'suite']);
    // Steps 2 to 4 (the fifth, the last, comes with the official contacts and the offer of help).
    expect(costs.slice(3, 6)).toEqual([1, 1, 1]);
    // The first step comes with what the procedure is (3), the last with the official contacts and help offered (4).
    expect(total(costs)).toBeLessThanOrEqual(13);
  });

  it('every step of every procedure fits one segment with its prompt', () => {
    const flow = compileFlow(accueil);
    const next = flow.definition.steps['explain_next'];
    if (next?.type !== 'choice') throw new Error('explain_next is not a choice');
    const tooLong = procedures.flatMap((p) =>
      p.steps.slice(0, -1).flatMap((stepText, i) => {
        const vars = { stepNumber: String(i + 1), stepTotal: String(p.steps.length), stepText, channel: 'sms' };
        const segments = renderSmsReplies([questionMessage(flow.definition, next, vars, 0)]).segments.reduce((a, b) => a + b, 0);
        return segments > 1 ? [`${p.id} step ${i + 1}: ${segments} segments`] : [];
      }),
    );
    expect(tooLong).toEqual([]);
  });

  // No goal in the issue for this one: the budget is what it costs, the places saying what each offers (« Aide : … »).
  it('learning (the assessment, then places): 19 segments at most', async () => {
    const costs = await journey(['Bonjour', '3', '4', '1', '2', '2', '7', '3', '1', '74000']);
    expect(total(costs)).toBeLessThanOrEqual(19);
    // The places with their opening times, what each offers and what comes next: the longest turn.
    expect(Math.max(...costs)).toBeLessThanOrEqual(5);
  });

  it('a scam check: 9 segments at most', async () => {
    const costs = await journey(['Bonjour', '4', '2']);
    expect(total(costs)).toBeLessThanOrEqual(9);
  });
});
