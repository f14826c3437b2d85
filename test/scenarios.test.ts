// Runs every transcript in test/scenarios/ through real HTTP, signed like Twilio, on a fresh SQLite file: by SMS,
// and, for the transcripts marked `@telephone`, as phone calls through the TwiML walker, by keypad alone and by
// speech alone. Format: "> " a message sent ("> texte | 74000": what the keypad presses instead), "< " a fragment the
// replies must contain ("<sms " / "<tel " on that channel only), "<! " one they must not, "<=" no reply at all.
// `@telephone` runs it by phone too; `@telephone parole` by speech only (a line with no keypad form).
// On the phone, the first message is the call itself: its fragments are checked against the greeting.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGsm7 } from '../src/channels/sms/gsm7.js';
import { frenchNumberWords } from '../src/channels/voice/french-numbers.js';
import { normalizeFrench } from '../src/engine/nlu/normalize.js';
import { startTestRelais, type TestRelais } from './support/relais.js';
import { expectPhoneFriendly } from './support/voice-checks.js';

interface Turn {
  send: string;
  keys?: string;
  expect: { text: string; only?: 'sms' | 'tel' }[];
  forbid: string[];
  silent: boolean;
}

interface Scenario {
  title: string;
  turns: Turn[];
  phone?: 'keypad-and-speech' | 'speech';
}

const dir = new URL('./scenarios/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));

function parseScenario(text: string): Scenario {
  const scenario: Scenario = { title: '', turns: [] };
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    const last = () => scenario.turns.at(-1)!;
    if (line.startsWith('# ')) scenario.title ||= line.slice(2);
    else if (line.startsWith('@telephone')) scenario.phone = line.includes('parole') ? 'speech' : 'keypad-and-speech';
    else if (line.startsWith('> ')) {
      const [send, keys] = line.slice(2).split(' | ');
      scenario.turns.push({ send: send!, ...(keys ? { keys } : {}), expect: [], forbid: [], silent: false });
    } else if (line.startsWith('<! ')) last().forbid.push(line.slice(3));
    else if (line === '<=') last().silent = true;
    else if (line.startsWith('<sms ')) last().expect.push({ text: line.slice(5), only: 'sms' });
    else if (line.startsWith('<tel ')) last().expect.push({ text: line.slice(5), only: 'tel' });
    else if (line.startsWith('< ')) last().expect.push({ text: line.slice(2) });
  }
  return scenario;
}

// Replies are GSM-7 (ê -> e...); compare on the same footing, ignoring case.
const comparable = (s: string) => toGsm7(s).toLowerCase();
/** How a person says digits on the phone: one by one (« sept quatre zéro zéro zéro »). */
const spokenDigits = (digits: string) => [...digits].map((d) => frenchNumberWords(Number(d))).join(' ');

let relais: TestRelais;
beforeAll(async () => {
  relais = await startTestRelais();
});
afterAll(() => relais.stop());

const scenarios = files.map((file) => ({ file, ...parseScenario(readFileSync(new URL(file, dir), 'utf8')) }));

describe('scenarios over SMS', () => {
  scenarios.forEach(({ file, title, turns }, index) => {
    it(`${file}: ${title}`, async () => {
      const from = `+3361234${String(index).padStart(4, '0')}`;
      for (const turn of turns) {
        const reply = await relais.sms(from, turn.send);
        expect(reply.status, `status after "${turn.send}"`).toBe(200);
        const said = comparable(reply.messages.join('\n'));
        if (turn.silent) expect(reply.messages, `no reply expected after "${turn.send}"`).toEqual([]);
        for (const fragment of turn.expect) if (fragment.only !== 'tel') expect(said, `after "${turn.send}"`).toContain(comparable(fragment.text));
        for (const fragment of turn.forbid) expect(said, `after "${turn.send}"`).not.toContain(comparable(fragment));
      }
      // Each scenario's saved state must still be a snapshot after the round trip through SQLite's JSON text.
      const rows = relais.query<{ snapshot: string }>('select snapshot from conversations where contact_address = ?', from);
      expect(rows).toHaveLength(1);
      expect(normalizeFrench(JSON.parse(rows[0]!.snapshot).flowId)).toBe('accueil');
    });
  });
});

describe('scenarios by phone', () => {
  const byPhone = scenarios.filter((s) => s.phone);
  it('has transcripts marked for the phone', () => expect(byPhone.length).toBeGreaterThanOrEqual(5));
  for (const mode of ['keypad', 'speech'] as const) {
    byPhone.forEach(({ file, title, turns, phone }, index) => {
      if (mode === 'keypad' && phone === 'speech') return;
      it(`${file} (${mode === 'keypad' ? 'keypad only' : 'speech only'}): ${title}`, async () => {
        const from = `+3362${mode === 'keypad' ? '1' : '2'}34${String(index).padStart(4, '0')}`;
        const call = await relais.call(from);
        for (const [i, turn] of turns.entries()) {
          if (i > 0) {
            const digits = /^\d+$/.test(turn.send) ? turn.send : turn.keys;
            if (mode === 'keypad') {
              if (!digits) throw new Error(`${file}: "${turn.send}" has no keypad form (add " | keys", or mark the file @telephone parole)`);
              await call.press(digits.length > 1 && /^\d+$/.test(digits) ? `${digits}#` : digits);
            } else await call.say(/^\d+$/.test(turn.send) ? spokenDigits(turn.send) : turn.send);
          }
          const heard = call.lastHeard().toLowerCase();
          for (const fragment of turn.expect) if (fragment.only !== 'sms') expect(heard, `after "${turn.send}"`).toContain(fragment.text.toLowerCase());
          for (const fragment of turn.forbid) expect(heard, `after "${turn.send}"`).not.toContain(fragment.toLowerCase());
        }
        expectPhoneFriendly(call);
      });
    });
  }
});
