// The flow lint: the shipped flows pass it, and a broken fixture shows every problem it must catch.
import { describe, expect, it } from 'vitest';
import { flowDefinitions } from '../../flows/index.js';
import { compileFlow, FlowValidationError } from '../../src/engine/flow.js';
import { lintFlow } from '../../src/engine/lint.js';
import { flowToMermaid } from '../../src/engine/diagram.js';
import { brokenFlow } from '../fixtures/broken-flow.js';

describe('lintFlow', () => {
  it('passes every shipped flow', () => {
    for (const flow of flowDefinitions) expect(lintFlow(flow)).toEqual([]);
  });

  it('catches each problem of the broken fixture', () => {
    const messages = lintFlow(brokenFlow).map((p) => `${p.stepId}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'menu: leads to unknown step "nowhere"',
        'menu: two options share the key "1"',
        'menu: offers the key "2" after "3": list options in key order',
        'orphan: unreachable from the start or the menu',
        'spin_a: loops without ever waiting for an answer',
        'spin_b: loops without ever waiting for an answer',
        'trap_a: loop without exit: cannot reach the menu or an end',
        'trap_b: loop without exit: cannot reach the menu or an end',
        'lookup: no outcome says anything in French',
        'vague: French text is a placeholder',
        'vague: text reads {inconnu}, which no step captures or provides',
      ]),
    );
  });

  it('reports missing French text and bad ids as schema problems', () => {
    const bad = { ...brokenFlow, steps: { ...brokenFlow.steps, welcome: { type: 'say', text: '  ', next: 'menu' }, 'Bad-Id': { type: 'end', text: 'x' } } };
    const messages = lintFlow(bad).map((p) => p.message);
    expect(messages.some((m) => m.includes('steps.welcome.text: French text is missing'))).toBe(true);
    expect(messages.some((m) => m.includes('snake_case'))).toBe(true);
    expect(() => compileFlow(bad as never)).toThrow(FlowValidationError);
  });

  it('draws a Mermaid diagram with every step and transition', () => {
    const flow = compileFlow(flowDefinitions[0]!);
    const mermaid = flowToMermaid(flow.definition);
    expect(mermaid.startsWith('flowchart TD')).toBe(true);
    for (const id of Object.keys(flow.definition.steps)) expect(mermaid).toContain(`  ${id}`);
    expect(mermaid).toContain('ask_location -->|"{location}"| find_places');
  });
});
