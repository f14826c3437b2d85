// The interpreter's phone behaviours, without any I/O: a session that starts with what is known, the no-input
// ladder, confirming unsure recognition, the help step and a connection's outcome, « répéter » and « plus lentement »,
// options shown on one channel only, and the lint that keeps written-only wording away from callers.
import { describe, expect, it } from 'vitest';
import { accueil } from '../../flows/accueil.js';
import type { Effect } from '../../src/engine/effects.js';
import { compileFlow } from '../../src/engine/flow.js';
import { lintFlow } from '../../src/engine/lint.js';
import type { InboundContent } from '../../src/engine/message.js';
import { parseSnapshot, type Snapshot } from '../../src/engine/snapshot.js';
import { step } from '../../src/engine/step.js';

const flow = compileFlow(accueil);
const T0 = Date.UTC(2026, 10, 23, 9, 0);
const voiceOf = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'reply' ? [e.message.voice ?? e.message.text] : [])).join('\n');

/** One phone event, the snapshot round-tripped through JSON as the store does. */
function on(snapshot: Snapshot | undefined, content: InboundContent) {
  const out = step(flow, snapshot, { type: 'message', content, at: T0, channel: 'voice' });
  return { snapshot: parseSnapshot(JSON.stringify(out.snapshot)), effects: out.effects, heard: voiceOf(out.effects) };
}
const call = (known: Record<string, string> = {}) => on(undefined, { type: 'session-start', known });
const say = (snapshot: Snapshot, text: string, uncertain = false) => on(snapshot, { type: 'text', text, ...(uncertain ? { uncertain } : {}) });

describe('a session on the phone', () => {
  it('starts afresh at each call, keeping nothing but the turn count', () => {
    const first = say(call().snapshot, '1');
    expect(first.snapshot.stepId).toBe('locate');
    const again = call();
    const next = on(first.snapshot, { type: 'session-start', known: { callerNumber: '+33611' } });
    expect(next.snapshot.stepId).toBe('menu');
    expect(next.snapshot.vars).toEqual({ callerNumber: '+33611', channel: 'voice' });
    expect(next.snapshot.turn).toBe(first.snapshot.turn + 1);
    expect(again.heard).toContain('tapez 0 pour parler à une personne');
  });

  it('skips what a transfer already said: greeted as transferred, straight to the places search', () => {
    const started = call({ transferred: 'yes', location: '74000', handoffNeed: 'lieu', need: 'demarches' });
    // The postal code is named first, so that the greeting says the commune, never « pour 74000 ».
    expect(started.effects.find((e) => e.type === 'invoke')).toMatchObject({ service: 'placeName', input: { query: '74000' } });
    const { effects } = step(flow, started.snapshot, { type: 'result', result: { outcome: 'found', vars: { locationName: 'Annecy' } }, at: T0 });
    expect(voiceOf(effects)).toContain('Le conseiller nous a transmis votre demande pour Annecy.');
    expect(effects.find((e) => e.type === 'invoke')).toMatchObject({ service: 'nearestPlaces', input: { query: '74000', need: 'demarches' } });
  });
});

describe('the no-input ladder', () => {
  it('climbs three rungs at most: keys only, then a person once, then a callback and goodbye', () => {
    let { snapshot } = call();
    const rungs: string[] = [];
    for (let i = 0; i < 2; i++) {
      const out = on(snapshot, { type: 'silence' });
      snapshot = out.snapshot;
      rungs.push(out.heard);
    }
    expect(rungs[0]).toContain("Je n'ai pas entendu votre réponse.\nTapez seulement le chiffre");
    expect(snapshot.stepId).toBe('voice_person');
    expect(snapshot.vars['escalated']).toBe('yes');
    // No department here: the person step offers a callback; a third silence releases the line.
    snapshot = step(flow, snapshot, { type: 'result', result: { outcome: 'none' }, at: T0 }).snapshot;
    expect(snapshot.stepId).toBe('voice_callback_offer');
    snapshot = on(snapshot, { type: 'silence' }).snapshot;
    expect(snapshot.status).toBe('ended');
  });

  it('ends with a callback request when the line stays silent after a person was offered', () => {
    let snapshot = call().snapshot;
    snapshot = { ...snapshot, silences: 1, vars: { ...snapshot.vars, escalated: 'yes' } };
    const out = on(snapshot, { type: 'silence' });
    expect(out.snapshot.status).toBe('ended');
    expect(out.effects.some((e) => e.type === 'requestCallback')).toBe(true);
    expect(out.heard).toContain('Je ne vous entends plus');
  });

  it('starts the no-input ladder over once the person answers', () => {
    let snapshot = on(call().snapshot, { type: 'silence' }).snapshot;
    expect(snapshot.silences).toBe(1);
    snapshot = say(snapshot, '1').snapshot;
    expect(snapshot.silences).toBe(0);
    const out = on(snapshot, { type: 'silence' });
    expect(out.snapshot.stepId).toBe('locate');
    expect(out.heard).toContain('Tapez les 5 chiffres de votre code postal');
  });
});

describe('unsure recognition', () => {
  it('says back what it heard; yes uses it, no asks again, another answer is taken as the answer', () => {
    const asked = say(call().snapshot, '1').snapshot;
    const confirming = say(asked, 'Annecy', true);
    expect(confirming.heard).toContain("J'ai compris : « Annecy ». C'est bien ça ?");
    expect(confirming.snapshot.confirming).toBe('Annecy');
    expect(say(confirming.snapshot, 'oui').effects.find((e) => e.type === 'invoke')).toMatchObject({ input: { query: 'Annecy' } });
    const no = say(confirming.snapshot, '2');
    expect(no.snapshot.stepId).toBe('locate');
    expect(no.snapshot.confirming).toBeUndefined();
    expect(say(confirming.snapshot, '74000').effects.find((e) => e.type === 'invoke')).toMatchObject({ input: { query: '74000' } });
  });
});

describe('a person', () => {
  it('goes to the help step on 0, and reads how the connection went', () => {
    const help = say(call({ calledDepartement: '74' }).snapshot, '0');
    expect(help.snapshot.stepId).toBe('voice_person');
    expect(help.effects.find((e) => e.type === 'invoke')).toMatchObject({ service: 'reachPerson', input: { calledDepartement: '74' } });
    const open = step(flow, help.snapshot, { type: 'result', at: T0, result: { outcome: 'open', vars: { transferNumber: '+33450000000', platformName: 'Haute-Savoie' } } });
    expect(open.effects.find((e) => e.type === 'connect')).toMatchObject({ number: '+33450000000', whisper: expect.stringContaining('Appel transmis par Relais') });
    expect(open.snapshot.stepId).toBe('voice_transfer');
    expect(on(open.snapshot, { type: 'status', status: 'failed' }).snapshot.stepId).toBe('voice_callback_offer');
    expect(on(open.snapshot, { type: 'status', status: 'answered' }).snapshot.status).toBe('ended');
    // A stray report anywhere else changes nothing.
    const stray = on(help.snapshot, { type: 'status', status: 'answered' });
    expect(stray.effects).toEqual([]);
  });

  it('keeps the written help (a callback) on SMS', () => {
    const out = step(flow, undefined, { type: 'message', content: { type: 'text', text: 'AIDE' }, at: T0, channel: 'sms' });
    expect(out.effects.some((e) => e.type === 'requestCallback')).toBe(true);
  });
});

describe('yes and no, as people say them', () => {
  const atInternetQuestion = () => say(say(call().snapshot, '3').snapshot, '3').snapshot;
  it.each(["c'est ça", 'oui oui', 'voilà', 'absolument'])('hears « %s » as yes', (answer) => {
    expect(say(atInternetQuestion(), answer).snapshot.vars['internetAtHome']).toBe('yes');
  });
  it.each(['non non', 'pas vraiment', 'ah non'])('hears « %s » as no', (answer) => {
    expect(say(atInternetQuestion(), answer).snapshot.vars['internetAtHome']).toBe('no');
  });
});

describe('répéter and plus lentement', () => {
  it('asks the channel to say the last reply again, without moving', () => {
    const menu = call().snapshot;
    const out = say(menu, 'répéter');
    expect(out.effects).toEqual([{ type: 'repeat' }]);
    expect(out.snapshot.stepId).toBe('menu');
    const slower = say(say(menu, 'plus lentement').snapshot, 'moins vite');
    expect(slower.snapshot.vars['slower']).toBe('2');
  });
});

describe('channels', () => {
  it('offers « par SMS » on the phone only', () => {
    const labels = (channel: string) => {
      const out = step(flow, { ...call().snapshot, stepId: 'after_places', stepHash: flow.stepHashes['after_places']!, vars: { channel } }, { type: 'message', content: { type: 'text', text: 'xyz' }, at: T0, channel });
      return out.effects.flatMap((e) => (e.type === 'reply' ? (e.message.choices ?? []).map((c) => c.label) : []));
    };
    expect(labels('voice')).toContain('Recevoir ces adresses par SMS');
    expect(labels('sms')).not.toContain('Recevoir ces adresses par SMS');
  });

  it('lints written-only wording a caller would hear', () => {
    const broken = { ...accueil, steps: { ...accueil.steps, goodbye: { type: 'end', text: 'Écrivez-nous quand vous voulez.' } } };
    expect(lintFlow(broken).map((p) => `${p.stepId}: ${p.message}`)).toEqual([expect.stringMatching(/^goodbye: a caller hears « Écrivez-nous/)]);
  });
});
