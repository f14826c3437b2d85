// Turns flow data into a validated, hashed flow the engine can run. The hashes pin conversations to content.
import { contentHash } from './hash.js';
import { flowSchema, type FlowDefinition, type ParsedFlow, type Step } from './flow-schema.js';

export interface CompiledFlow {
  definition: ParsedFlow;
  /** Hash of the whole flow: a session started on another hash was started on another version. */
  hash: string;
  /** Hash of each step: a session may continue across versions only if its current step is unchanged. */
  stepHashes: Record<string, string>;
}

/** Raised when flow data does not validate; lists every problem with its path. */
export class FlowValidationError extends Error {
  constructor(
    readonly flowId: string,
    readonly problems: string[],
  ) {
    super(`flow "${flowId}" is invalid:\n- ${problems.join('\n- ')}`);
  }
}

export function compileFlow(definition: FlowDefinition): CompiledFlow {
  const parsed = flowSchema.safeParse(definition);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(flow)'}: ${i.message}`);
    throw new FlowValidationError(String((definition as { id?: unknown }).id ?? '?'), problems);
  }
  const flow = parsed.data;
  const stepHashes = Object.fromEntries(Object.entries(flow.steps).map(([id, step]) => [id, contentHash(step)]));
  // The flow's hash covers its steps through their hashes: each step is serialised once (this runs at every start).
  return { definition: flow, hash: contentHash({ ...flow, steps: stepHashes }), stepHashes };
}

export function getStep(flow: CompiledFlow, stepId: string): Step {
  const step = flow.definition.steps[stepId];
  if (!step) throw new Error(`flow "${flow.definition.id}" has no step "${stepId}"`);
  return step;
}

/** The steps a step can lead to, with the reason, for the lint and the diagram. */
export function transitionsOf(step: Step): { to: string; label: string }[] {
  switch (step.type) {
    case 'say':
    case 'callback':
      return [{ to: step.next, label: '' }];
    case 'input':
      return [{ to: step.next, label: `{${step.capture}}` }];
    case 'choice':
      return [
        ...step.options.map((o) => ({ to: o.next, label: `${o.key} ${o.label}` })),
        ...(step.onFreeText ? [{ to: step.onFreeText, label: 'texte libre' }] : []),
      ];
    case 'invoke':
      return Object.entries(step.outcomes).map(([name, o]) => ({ to: o.next, label: name }));
    case 'connect':
      return [
        { to: step.answered, label: 'répond' },
        { to: step.failed, label: 'pas de réponse' },
      ];
    case 'branch':
      return [...Object.entries(step.cases).map(([value, to]) => ({ to, label: `${step.on} = ${value}` })), { to: step.otherwise, label: 'sinon' }];
    case 'end':
      return [];
  }
}

/** Steps that wait for the person: the engine stops there until the next message. */
export const waitsForAnswer = (step: Step): boolean => step.type === 'choice' || step.type === 'input';

/** Steps where a turn stops: a question, or a connection whose outcome the channel reports later. */
export const endsTurn = (step: Step): boolean => waitsForAnswer(step) || step.type === 'connect';
