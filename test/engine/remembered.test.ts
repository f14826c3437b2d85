import { describe, expect, it } from 'vitest';
import { remembered } from '../../src/engine/remembered.js';

describe('remembered', () => {
  it('computes a text once, and again after the memory was emptied for being full', () => {
    const computed: string[] = [];
    const upper = remembered((text) => (computed.push(text), text.toUpperCase()), 2);
    expect([upper('a'), upper('a'), upper('b'), upper('a')]).toEqual(['A', 'A', 'B', 'A']);
    expect(computed).toEqual(['a', 'b']);
    upper('c'); // the third distinct text empties the memory
    expect(upper('a')).toBe('A');
    expect(computed).toEqual(['a', 'b', 'c', 'a']);
  });
});
