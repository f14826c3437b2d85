// The flow interpreter on the real main flow: commands, tolerant answers, the reprompt ladder, expiry, pinning.
import { describe, expect, it } from 'vitest';
import { accueil } from '../../flows/accueil.js';
import { orientationRelais } from '../../flows/orientation-relais.js';
import { compileFlow } from '../../src/engine/flow.js';
import type { Effect } from '../../src/engine/effects.js';
import { parseSnapshot, type Snapshot } from '../../src/engine/snapshot.js';
import { step } from '../../src/engine/step.js';

const flow = compileFlow(accueil);
const T0 = Date.UTC(2026, 10, 22, 9, 0);
const text = (t: string, at = T0) => ({ type: 'message' as const, content: { type: 'text' as const, text: t }, at });
const replies = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'reply' ? [e.message.text] : []));

/** The engine alone: a free sentence is understood as nothing, as the real service does for unrelated words. */
const notUnderstood = { type: 'result' as const, at: T0, result: { outcome: 'notUnderstood' } };

/** Plays messages in order, round-tripping the snapshot through JSON each turn, as the store does. */
function play(lines: string[], start?: Snapshot) {
  let snapshot = start;
  let last: Effect[] = [];
  for (const line of lines) {
    let out = step(flow, snapshot, text(line));
    last = out.effects;
    if (out.effects.some((e) => e.type === 'invoke' && e.service === 'understand')) {
      out = step(flow, out.snapshot, notUnderstood);
      last = [...last, ...out.effects];
    }
    snapshot = parseSnapshot(JSON.stringify(out.snapshot));
  }
  return { snapshot: snapshot!, effects: last, said: replies(last).join('\n') };
}

describe('step', () => {
  it('welcomes a new person with the privacy notice, then the menu', () => {
    const { said, snapshot } = play(['Bonjour']);
    expect(said).toContain('SUPPRIMER');
    expect(said).toContain('6 mois');
    expect(said).toContain("1 - Un lieu d'aide");
    expect(snapshot.stepId).toBe('menu');
  });

  it.each(['1', 'un', 'Le premier', 'je veux le 1 svp', '  1. ', 'PREMIER', 'trouver un lieu'])('reads "%s" as option 1', (answer) => {
    expect(play(['Bonjour', answer]).snapshot.stepId).toBe('locate');
  });

  it.each(['oui', 'Ouais', "d'accord", 'OK', 'bien sûr', '1'])('reads "%s" as yes', (answer) => {
    expect(play(['Bonjour', '3', '3', answer]).snapshot.vars['internetAtHome']).toBe('yes');
  });

  it('reads a sentence at the menu through the understanding step first', () => {
    const out = step(flow, play(['Bonjour']).snapshot, text("je dois faire ma declaration d'impots"));
    expect(out.effects).toContainEqual({ type: 'invoke', service: 'understand', input: { text: "je dois faire ma declaration d'impots", departement: '', slower: '' } });
  });

  it('falls back to the options when the understanding finds nothing in a sentence', () => {
    expect(play(['Bonjour', 'je voudrais trouver un lieu pres de chez moi']).snapshot.stepId).toBe('locate');
  });

  it('reads a first message that says more than hello as the answer to the menu, without showing the menu', () => {
    const out = step(flow, undefined, text('Bonjour, le 1 svp'));
    const said = replies(out.effects).join('\n');
    expect(said).toContain('ici Relais');
    expect(said).not.toContain('Que souhaitez-vous');
    expect(out.snapshot.stepId).toBe('locate');
  });

  it.each([
    ['Rappelez-moi', 'C\'est noté : une personne de Relais va vous rappeler'],
    ['rappelez moi svp', 'C\'est noté : une personne de Relais va vous rappeler'],
    ['Arnaque ?', 'Bon réflexe de vérifier'],
  ])('reads a first message of one word that picks a choice (« %s ») as that choice', (first, answer) => {
    const out = step(flow, undefined, text(first));
    const said = replies(out.effects).join('\n');
    expect(said).toContain('ici Relais');
    expect(said).toContain(answer);
    expect(out.effects.some((e) => e.type === 'requestCallback')).toBe(first.toLowerCase().startsWith('rappelez'));
  });

  it.each(['Bonjour', 'Allo', 'salut', 'test'])('shows the menu after a first message that picks nothing (« %s »)', (first) => {
    const out = step(flow, undefined, text(first));
    expect(replies(out.effects).join('\n')).toContain('Que souhaitez-vous');
    expect(out.snapshot.stepId).toBe('menu');
  });

  it('skips a question whose answer was already given', () => {
    const { snapshot } = play(['Bonjour']);
    const out = step(flow, { ...snapshot, vars: { location: 'Mende' } }, text('1'));
    expect(out.effects).toContainEqual(expect.objectContaining({ type: 'invoke', service: 'nearestPlaces', input: expect.objectContaining({ query: 'Mende' }) }));
  });

  it('climbs the reprompt ladder: rephrase, numbers only, then a person', () => {
    const first = play(['Bonjour', 'banane']);
    expect(first.said).toContain('Dites-moi ce que vous cherchez');
    const second = play(['Bonjour', 'banane', 'pomme']);
    expect(second.said).toContain('seulement avec le chiffre');
    const third = play(['Bonjour', 'banane', 'pomme', 'poire']);
    expect(third.said).toContain('AIDE');
    expect(play(['Bonjour', 'banane', 'pomme', 'poire', '2']).snapshot.stepId).toBe('explain_ask');
  });

  it('treats an ambiguous answer as no answer rather than guessing', () => {
    expect(play(['Bonjour', '1 ou 2']).snapshot.stepId).toBe('menu');
  });

  it('AIDE and 0 record a callback request wherever the person is', () => {
    for (const word of ['AIDE', 'aide svp', '0', 'Un conseiller']) {
      const { effects, snapshot } = play(['Bonjour', '1', word]);
      expect(effects.some((e) => e.type === 'requestCallback')).toBe(true);
      expect(snapshot.stepId).toBe('locate');
    }
  });

  it('STOP opts out once, then stays silent until START', () => {
    const stopped = play(['Bonjour', 'Arrêt']);
    expect(stopped.effects.some((e) => e.type === 'optOut')).toBe(true);
    expect(stopped.said).toContain('START');
    const silent = play(['Bonjour', 'STOP', 'Bonjour ?', '1']);
    expect(silent.effects).toEqual([]);
    const back = play(['Bonjour', 'stop', 'hello', 'START']);
    expect(back.effects.some((e) => e.type === 'optIn')).toBe(true);
    expect(back.snapshot.optedOut).toBe(false);
    expect(back.said).toContain('Que souhaitez-vous');
  });

  it('SUPPRIMER asks for erasure and starts afresh next time', () => {
    const erased = play(['Bonjour', '1', 'supprimer']);
    expect(erased.effects.some((e) => e.type === 'erase')).toBe(true);
    expect(erased.snapshot.vars).toEqual({});
  });

  it('MENU and RECOMMENCER go back to the menu', () => {
    expect(play(['Bonjour', '1', 'menu']).snapshot.stepId).toBe('menu');
    expect(play(['Bonjour', '2', 'Recommencer']).snapshot.stepId).toBe('menu');
    expect(play(['Bonjour', '3', 'RETOUR']).snapshot.stepId).toBe('menu');
  });

  it('resumes kindly after 24 hours of silence, without reading the message as an answer', () => {
    const { snapshot } = play(['Bonjour', '1']);
    const later = step(flow, snapshot, text('2', T0 + 25 * 3_600_000));
    expect(replies(later.effects).join('\n')).toContain('on reprend');
    expect(later.snapshot.stepId).toBe('locate');
    const soon = step(flow, snapshot, text('74000', T0 + 23 * 3_600_000));
    expect(soon.effects.some((e) => e.type === 'invoke')).toBe(true);
  });

  it('reads a message after days of silence as the answer of a question that opens a new request (a relay’s next person)', () => {
    const relayFlow = compileFlow(orientationRelais);
    const waiting = { ...step(relayFlow, undefined, text('Bonjour')).snapshot, stepId: 'relay_next' };
    const later = step(relayFlow, waiting, text('Une dame à Florac, carte vitale', T0 + 5 * 24 * 3_600_000));
    expect(replies(later.effects).join('\n')).not.toContain('on reprend');
    expect(later.effects).toContainEqual(expect.objectContaining({ type: 'invoke', service: 'relayRead', input: { text: 'Une dame à Florac, carte vitale' } }));
    // A question in the middle of a request is still resumed: an old « 1 » must not pick a place.
    const picking = { ...waiting, stepId: 'relay_pick' };
    expect(replies(step(relayFlow, picking, text('1', T0 + 5 * 24 * 3_600_000)).effects).join('\n')).toContain('on reprend');
  });

  it('captures free input and asks for a lookup, then renders its items', () => {
    const { snapshot, effects } = play(['Bonjour', '1', '74000']);
    expect(effects).toContainEqual(expect.objectContaining({ type: 'invoke', service: 'nearestPlaces', input: expect.objectContaining({ query: '74000' }) }));
    const done = step(flow, snapshot, {
      type: 'result',
      at: T0,
      result: { outcome: 'found', vars: { commune: 'Annecy', precisionNote: '' }, items: [{ name: 'EPN', address: '1 rue A', distance: '1,2', phone: '' }] },
    });
    const said = replies(done.effects).join('\n');
    expect(said).toContain('pour Annecy :');
    expect(said).toContain('1. EPN\n1 rue A (1,2 km)');
    expect(said).not.toContain('Tél');
    expect(done.snapshot.stepId).toBe('after_places');
  });

  it('a place not found goes back to the question one rung higher', () => {
    const { snapshot } = play(['Bonjour', '1', 'Zzzz']);
    const back = step(flow, snapshot, { type: 'result', at: T0, result: { outcome: 'notFound', vars: { heardPlace: 'Zzzz' } } });
    const said = replies(back.effects).join('\n');
    expect(said).toContain('Je ne trouve pas la commune "Zzzz"');
    expect(said).toContain('Dans quelle commune');
    expect(back.snapshot.stepId).toBe('ask_location');
    const again = step(flow, back.snapshot, text('Yyyy'));
    const twice = step(flow, again.snapshot, { type: 'result', at: T0, result: { outcome: 'notFound' } });
    expect(replies(twice.effects).join('\n')).toContain('74000');
  });

  it('keeps an in-flight session when its step is unchanged by a flow edit', () => {
    const { snapshot } = play(['Bonjour', '1']);
    const edited = compileFlow({ ...accueil, steps: { ...accueil.steps, goodbye: { type: 'end', text: 'Au revoir !' } } });
    expect(edited.hash).not.toBe(flow.hash);
    const out = step(edited, snapshot, text('74000'));
    expect(out.effects.some((e) => e.type === 'invoke')).toBe(true);
    expect(out.snapshot.flowHash).toBe(edited.hash);
  });

  it('moves an in-flight session to the menu, saying so, when its step changed', () => {
    const { snapshot } = play(['Bonjour', '1']);
    const edited = compileFlow({
      ...accueil,
      steps: { ...accueil.steps, locate: { ...(accueil.steps['locate'] as object), text: 'Votre code postal ?' } as never },
    });
    const out = step(edited, snapshot, text('2'));
    expect(replies(out.effects).join('\n')).toContain('mis à jour');
    expect(out.snapshot.stepId).toBe('menu');
  });

  it('round-trips a snapshot through JSON unchanged', () => {
    const { snapshot } = play(['Bonjour', '3', 'oui']);
    expect(parseSnapshot(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  it('asks again, kindly, for unsupported content', () => {
    const { snapshot } = play(['Bonjour']);
    const out = step(flow, snapshot, { type: 'message', at: T0, content: { type: 'audio', url: 'x', mimeType: 'audio/ogg' } });
    expect(replies(out.effects).join('\n')).toContain('type de message');
    expect(out.snapshot.stepId).toBe('menu');
  });
});
