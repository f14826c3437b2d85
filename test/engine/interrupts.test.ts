// The engine's hooks for what wins over the question asked: an interrupt named by the conversation (a scam in
// progress), a position shared at a choice, and answers an input refuses (« 1 » is not a commune).
import { describe, expect, it } from 'vitest';
import { accueil } from '../../flows/accueil.js';
import { compileFlow } from '../../src/engine/flow.js';
import type { Effect } from '../../src/engine/effects.js';
import { lintFlow } from '../../src/engine/lint.js';
import { step, type EngineEvent } from '../../src/engine/step.js';
import type { Snapshot } from '../../src/engine/snapshot.js';

const flow = compileFlow(accueil);
const T0 = Date.UTC(2026, 10, 22, 9, 0);
const text = (t: string, interrupt?: string): EngineEvent => ({ type: 'message', content: { type: 'text', text: t }, at: T0, ...(interrupt ? { interrupt } : {}) });
const pin: EngineEvent = { type: 'message', content: { type: 'location', latitude: 44.35, longitude: 2.57 }, at: T0, channel: 'whatsapp' };
const said = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'reply' ? [e.message.text] : [])).join('\n');

function at(stepId: string, vars: Record<string, string> = {}): Snapshot {
  const start = step(flow, undefined, text('Bonjour')).snapshot;
  return { ...start, stepId, stepHash: flow.stepHashes[stepId]!, vars: { ...start.vars, ...vars }, status: 'active' };
}

describe('interrupts', () => {
  it('leaves any question for the scam advice when the conversation names a scam in progress', () => {
    for (const stepId of ['menu', 'carer_need', 'after_places', 'q_equipment', 'explain_ask']) {
      const out = step(flow, at(stepId), text('il veut le code', 'scamNow'));
      expect(said(out.effects), stepId).toContain('Ne donnez aucun code');
      expect(said(out.effects)).toContain('0 892 705 705');
    }
  });

  it('wins even over a conversation that had ended, and over the first question of a new one', () => {
    const ended = { ...at('goodbye'), status: 'ended' as const };
    expect(said(step(flow, ended, text('x', 'scamNow')).effects)).toContain('Raccrochez');
    const first = step(flow, undefined, text('la banque veut mon code', 'scamNow'));
    expect(said(first.effects)).toContain('ici Relais');
    expect(said(first.effects)).toContain('Raccrochez');
    expect(said(first.effects)).not.toContain('Que souhaitez-vous');
  });

  it('does not restart the scam journey from inside it', () => {
    const out = step(flow, at('scam_next'), text("oui j'ai donné mon code", 'scamNow'));
    expect(out.snapshot.stepId).not.toBe('scam_now');
  });

  it('ignores an interrupt the flow does not declare', () => {
    expect(step(flow, at('menu'), text('1', 'unknown')).snapshot.stepId).toBe('locate');
  });

  it('rejects a flow whose interrupt leads nowhere', () => {
    const problems = lintFlow({ ...accueil, interrupts: { scam: { next: 'nowhere' } } });
    expect(problems.map((p) => p.message).join()).toContain('unknown step "nowhere"');
  });
});

describe('a position shared at a choice', () => {
  it('is where to look: the places near it, at the menu or before saying who the help is for', () => {
    for (const stepId of ['menu', 'who_for']) {
      const out = step(flow, at(stepId), pin);
      expect(out.snapshot.vars['location']).toBe('geo:44.35,2.57');
      expect(out.effects).toContainEqual(expect.objectContaining({ type: 'invoke', service: 'nearestPlaces' }));
    }
  });

  it('keeps a caregiver on their journey, with the relative’s place remembered', () => {
    const out = step(flow, at('carer_need', { forWhom: 'relative' }), pin);
    expect(out.snapshot.vars['location']).toBe('geo:44.35,2.57');
    expect(out.snapshot.stepId).toBe('carer_need');
  });
});

describe('answers an input refuses', () => {
  it('never takes « 1 » as a commune, and takes a name or a postal code', () => {
    const refused = step(flow, at('carer_where'), text('1'));
    expect(refused.snapshot.stepId).toBe('carer_where');
    expect(refused.snapshot.vars['location']).toBeUndefined();
    expect(step(flow, at('carer_where'), text('48000')).snapshot.vars['location']).toBe('48000');
    expect(step(flow, at('locate'), text('Mende')).snapshot.vars['location']).toBe('Mende');
    expect(step(flow, at('locate'), text('2')).snapshot.stepId).toBe('locate');
  });
});
