// The hashes that pin a conversation to its flow: equal content hashes equal whatever the key order, and an edit
// changes the flow's hash and the edited step's, not the others'.
import { describe, expect, it } from 'vitest';
import { compileFlow } from '../../src/engine/flow.js';
import { contentHash, stableStringify } from '../../src/engine/hash.js';
import { accueil } from '../../flows/accueil.js';

describe('stableStringify', () => {
  it('writes JSON with keys in code-unit order, leaving undefined properties out and undefined items as null', () => {
    expect(stableStringify({ b: 1, a: [undefined, null, { z: undefined, é: 2, B: 3, 10: 4, 9: 5 }], c: 'x"y' })).toBe(
      '{"a":[null,null,{"10":4,"9":5,"B":3,"é":2}],"b":1,"c":"x\\"y"}',
    );
    expect([stableStringify([]), stableStringify({}), stableStringify('s'), stableStringify(undefined)]).toEqual(['[]', '{}', '"s"', 'null']);
  });

  it('hashes equal content equal, whatever the order its keys were written in', () => {
    expect(contentHash({ a: 1, b: { c: [1, 2] } })).toBe(contentHash({ b: { c: [1, 2] }, a: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  });
});

describe('compileFlow hashes', () => {
  const flow = compileFlow(accueil);

  it('changes the flow hash and the edited step hash only', () => {
    const stepId = Object.keys(accueil.steps).find((id) => accueil.steps[id]!.type === 'end')!;
    const edited = compileFlow({ ...accueil, steps: { ...accueil.steps, [stepId]: { type: 'end', text: 'Au revoir, à bientôt !' } } });
    expect(edited.hash).not.toBe(flow.hash);
    const changed = Object.keys(flow.stepHashes).filter((id) => flow.stepHashes[id] !== edited.stepHashes[id]);
    expect(changed).toEqual([stepId]);
  });

  it('changes the flow hash when a setting outside the steps changes', () => {
    expect(compileFlow({ ...accueil, sessionTimeoutHours: 48 }).hash).not.toBe(flow.hash);
    expect(compileFlow(accueil).hash).toBe(flow.hash);
  });
});
