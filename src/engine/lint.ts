// Finds what would strand a person in a flow: unknown targets, unreachable or dead-end steps,
// automatic loops that never wait for an answer, and places with no way out.
import { endsTurn, transitionsOf } from './flow.js';
import { flowSchema, type ParsedFlow } from './flow-schema.js';
import { templateVariables } from './template.js';

export interface LintProblem {
  flowId: string;
  stepId?: string;
  message: string;
}

/** Lints raw flow data: schema problems first, then the graph. */
export function lintFlow(definition: unknown): LintProblem[] {
  const parsed = flowSchema.safeParse(definition);
  const flowId = String((definition as { id?: unknown } | null)?.id ?? '?');
  if (!parsed.success) {
    return parsed.error.issues.map((i) => ({ flowId, message: `${i.path.join('.') || '(flow)'}: ${i.message}` }));
  }
  return lintGraph(parsed.data);
}

function lintGraph(flow: ParsedFlow): LintProblem[] {
  const problems: LintProblem[] = [];
  const at = (stepId: string, message: string) => problems.push({ flowId: flow.id, stepId, message });
  const ids = Object.keys(flow.steps);
  const edges = new Map(ids.map((id) => [id, transitionsOf(flow.steps[id]!).map((t) => t.to)]));

  for (const [id, targets] of edges) {
    for (const to of targets) if (!flow.steps[to]) at(id, `leads to unknown step "${to}"`);
    const step = flow.steps[id]!;
    if (step.type !== 'end' && targets.length === 0) at(id, 'dead end: no way forward');
    if (step.type === 'choice') {
      const keys = step.options.map((o) => o.key);
      const dup = keys.find((k, i) => keys.indexOf(k) !== i);
      if (dup) at(id, `two options share the key "${dup}"`);
      // Options are read and shown in the order written: 1, 2, 3… (0, a person, may close the list).
      const order = keys.map((k) => (k === '0' ? 10 : Number(k)));
      const outOfOrder = order.findIndex((n, i) => i > 0 && n < order[i - 1]!);
      if (outOfOrder > 0) at(id, `offers the key "${keys[outOfOrder]}" after "${keys[outOfOrder - 1]}": list options in key order`);
    }
  }

  const roots = [flow.start, flow.menu, ...Object.values(flow.helpSteps), ...Object.values(flow.interrupts).map((i) => i.next), ...(flow.onLocation ? [flow.onLocation.next] : [])];
  const reachable = reach(roots, (id) => edges.get(id) ?? []);
  for (const id of ids) if (!reachable.has(id)) at(id, 'unreachable from the start or the menu');

  // A cycle of steps that never wait for an answer would spin forever inside one turn.
  const autoEdges = (id: string) => (flow.steps[id] && !endsTurn(flow.steps[id]!) ? (edges.get(id) ?? []) : []);
  for (const id of ids) {
    if (!endsTurn(flow.steps[id]!) && reach(autoEdges(id), autoEdges).has(id)) at(id, 'loops without ever waiting for an answer');
  }

  // Every step must be able to reach an end or the menu, else a person is trapped in a loop with no exit.
  const exits = new Set([flow.menu, ...ids.filter((id) => flow.steps[id]!.type === 'end')]);
  for (const id of ids) {
    const seen = reach([id], (s) => edges.get(s) ?? []);
    if (![...seen].some((s) => exits.has(s))) at(id, 'loop without exit: cannot reach the menu or an end');
  }

  const captured = new Set([
    'items',
    'channel',
    ...Object.values(flow.steps).flatMap((s) =>
      s.type === 'input'
        ? [s.capture]
        : s.type === 'invoke'
          ? [...s.provides, ...Object.values(s.outcomes).flatMap((o) => Object.keys(o.set ?? {}))]
          : s.type === 'choice'
            ? s.options.flatMap((o) => Object.keys(o.set ?? {}))
            : [],
    ),
  ]);
  for (const [id, step] of Object.entries(flow.steps)) {
    if ('text' in step && /\b(TODO|FIXME|lorem)\b/i.test(step.text)) at(id, 'French text is a placeholder');
    if (step.type === 'choice' && step.options.some((o) => !o.label.trim())) at(id, 'an option has no French label');
    if (step.type === 'invoke' && Object.values(step.outcomes).every((o) => !o.text)) at(id, 'no outcome says anything in French');
    for (const name of textsOf(step).flatMap(templateVariables)) {
      if (!captured.has(name)) at(id, `text reads {${name}}, which no step captures or provides`);
    }
  }
  if (flow.helpSteps.voice) lintForTheEar(flow, at);
  return problems;
}

/** Wording that only makes sense written down: on the phone it must have a voice wording instead. */
const WRITTEN_ONLY = /(?<!\p{L})[éeÉE]crivez(?!\p{L})|(?<!\p{L})[rR]épondez avec|(?<!\p{L})[pP]artagez|\b(?:SUPPRIMER|SUITE|MENU|PLUS|STOP|START|AIDE)\b/u;

/**
 * On a flow the phone runs, every text a caller can hear (steps reachable by phone, branches on the channel
 * followed as the phone takes them) must read aloud: no « écrivez », no command word to type in capitals.
 */
function lintForTheEar(flow: ParsedFlow, at: (stepId: string, message: string) => void): void {
  const next = (id: string): string[] => {
    const step = flow.steps[id];
    if (!step) return [];
    if (step.type === 'branch' && step.on === 'channel') return [step.cases['voice'] ?? step.otherwise];
    if (step.type === 'choice') return step.options.filter((o) => !o.channels || o.channels.includes('voice')).map((o) => o.next);
    return transitionsOf(step).map((t) => t.to);
  };
  const heard = reach([flow.start, flow.menu, flow.helpSteps.voice!], next);
  for (const id of heard) {
    const step = flow.steps[id];
    if (!step) continue;
    for (const text of spokenTextsOf(step)) if (WRITTEN_ONLY.test(text)) at(id, `a caller hears « ${text.slice(0, 50)}… », written for the eye: give it a voice wording`);
  }
  for (const [name, text] of Object.entries(flow.texts)) {
    if (name === 'help' || typeof text !== 'string') continue; // help leads to the phone's help step instead
    const spoken = (flow.voiceTexts as Record<string, unknown>)[name] ?? text;
    if (typeof spoken === 'string' && WRITTEN_ONLY.test(spoken)) at(`texts.${name}`, `a caller hears « ${spoken.slice(0, 50)}… », written for the eye: give it a voice wording in voiceTexts`);
  }
}

/** What a caller hears of a step: each text's voice wording where it has one. */
function spokenTextsOf(step: ParsedFlow['steps'][string]): string[] {
  switch (step.type) {
    case 'choice':
      return [step.voice ?? step.text, step.voiceRephrase ?? step.rephrase, ...step.options.filter((o) => !o.channels || o.channels.includes('voice')).map((o) => o.voiceLabel ?? o.label)];
    case 'input':
      return [step.voice ?? step.text, step.voiceRephrase ?? step.rephrase, step.voiceHint ?? step.hint];
    case 'invoke':
      return Object.values(step.outcomes).flatMap((o) => (o.voice ?? o.text ? [o.voice ?? o.text!] : []));
    case 'branch':
      return [];
    default:
      return [step.voice ?? step.text];
  }
}

/** Every French text of a step, options and outcomes included. */
function textsOf(step: ParsedFlow['steps'][string]): string[] {
  switch (step.type) {
    case 'choice':
      return [step.text, step.rephrase, ...step.options.map((o) => o.label)];
    case 'input':
      return [step.text, step.rephrase, step.hint];
    case 'invoke':
      return Object.values(step.outcomes).flatMap((o) => (o.text ? [o.text] : []));
    case 'branch':
      return [];
    default:
      return [step.text];
  }
}

/** Every step reachable from `from`, the `from` steps included. */
function reach(from: string[], next: (id: string) => string[]): Set<string> {
  const seen = new Set(from);
  const stack = [...from];
  while (stack.length) {
    for (const to of next(stack.pop()!)) if (!seen.has(to)) seen.add(to), stack.push(to);
  }
  return seen;
}
