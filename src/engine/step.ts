// The flow interpreter: step(flow, snapshot, event) -> { snapshot, effects }. Pure: no I/O, no clock, no randomness.
import type { Effect, ServiceResult, Vars } from './effects.js';
import type { InboundContent } from './message.js';
import { getStep, waitsForAnswer, type CompiledFlow } from './flow.js';
import { initialSnapshot, type Snapshot } from './snapshot.js';
import { offeredOptions, questionMessage, type Reprompt } from './prompt.js';
import { fillTemplate } from './template.js';
import { matchCommand, matchOption } from './nlu/match.js';
import { meaningfulWords, normalizeFrench } from './nlu/normalize.js';
import { pickedNumber } from './nlu/numbers.js';
import { confirmQuestion, confirmVerdict } from './confirm.js';
import type { ParsedFlow, StepOption } from './flow-schema.js';

export type EngineEvent =
  /** `channel` is remembered in the conversation's variables, so that a flow may branch on it. */
  /** `interrupt`: what the conversation recognised in the message that wins over any question (see the flow's `interrupts`). */
  | { type: 'message'; content: InboundContent; at: number; channel?: string; interrupt?: string }
  | { type: 'result'; result: ServiceResult; at: number };

export interface StepOutput {
  snapshot: Snapshot;
  effects: Effect[];
}

/** Auto steps (say, callback, invoke outcomes) chained in one turn beyond this are a flow bug; the lint catches loops. */
const MAX_AUTO_STEPS = 50;
const HOUR_MS = 3_600_000;
/** The ladder's last rung: a person is offered (or, on a channel with a help step, reached). */
const LAST_RUNG = 3;
/**
 * The no-input ladder, one rung per silence: keys only, then a person, then a callback and goodbye. Silence is not a
 * wrong answer: the question is not reworded, the person is helped to answer another way, and let go soon.
 */
const SILENCE_KEYS_ONLY = 1;
const SILENCE_PERSON = 2;
const SILENCE_RELEASE = 3;
/** « Plus lentement » can be asked this many times; each time the channel slows down a notch. */
const MAX_SLOWER = 3;

type BuiltInText = Exclude<keyof ParsedFlow['texts'], 'confirmHeard'>;

/** Advances a conversation by one event. A missing snapshot starts the flow. */
export function step(flow: CompiledFlow, previous: Snapshot | undefined, event: EngineEvent): StepOutput {
  const out: Effect[] = [];
  if (event.type === 'message' && event.content.type === 'session-start') {
    return { snapshot: startSession(flow, previous, event.content.known, event, out), effects: out };
  }
  const isNew = previous === undefined;
  let snap: Snapshot = { ...(previous ?? initialSnapshot(flow, event.at)), turn: (previous?.turn ?? 0) + 1 };
  const lastActivityAt = snap.lastActivityAt;
  snap.lastActivityAt = event.at;

  if (event.type === 'result') return { snapshot: applyResult(flow, snap, event.result, out), effects: out };

  const content = event.content;
  const text = content.type === 'text' ? content.text : '';
  const command = text ? matchCommand(text, flow.definition.commands) : undefined;
  const channel = event.channel ?? snap.vars['channel'] ?? '';

  if (snap.optedOut && command !== 'erase') {
    // Opted out: silence, except for the word that opts back in and the one that erases (always honoured).
    if (command !== 'optIn') return { snapshot: { ...snap, turn: snap.turn - 1, lastActivityAt }, effects: [] };
    out.push({ type: 'optIn' }, builtIn(flow, 'optIn', snap.vars));
    return { snapshot: enter(flow, { ...snap, optedOut: false }, flow.definition.menu, out), effects: out };
  }

  if (command) snap = { ...snap, confirming: undefined };
  switch (command) {
    case 'optOut':
      out.push({ type: 'optOut' }, builtIn(flow, 'optOut', snap.vars));
      return { snapshot: { ...snap, optedOut: true }, effects: out };
    case 'erase':
      out.push({ type: 'erase' }, builtIn(flow, 'erase', {}));
      return { snapshot: { ...initialSnapshot(flow, event.at), status: 'ended' }, effects: out };
    case 'help': {
      const helpStep = flow.definition.helpSteps[channel as 'voice'];
      if (helpStep) return { snapshot: enter(flow, snap, helpStep, out), effects: out };
      out.push({ type: 'requestCallback', stepId: snap.stepId, vars: snap.vars }, builtIn(flow, 'help', snap.vars));
      return { snapshot: snap, effects: out };
    }
    case 'repeat':
      out.push({ type: 'repeat' });
      return { snapshot: snap, effects: out };
    case 'info':
      if (!flow.definition.texts.privacy) break;
      out.push(builtIn(flow, 'privacy', snap.vars));
      // Then the question the person was on, so that they go on where they were.
      if (snap.status !== 'active' || !waitsForAnswer(getStep(flow, snap.stepId))) return { snapshot: snap, effects: out };
      return { snapshot: ask(flow, snap, out), effects: out };
    case 'slower': {
      const slower = Math.min(MAX_SLOWER, Number(snap.vars['slower'] ?? 0) + 1);
      out.push({ type: 'repeat' });
      return { snapshot: { ...snap, vars: { ...snap.vars, slower: String(slower) } }, effects: out };
    }
    case 'restart':
    case 'optIn':
      return { snapshot: enter(flow, { ...snap, status: 'active' }, flow.definition.menu, out), effects: out };
  }

  const interrupt = event.interrupt ? flow.definition.interrupts[event.interrupt] : undefined;
  if (isNew) {
    if (event.channel) snap = { ...snap, vars: { ...snap.vars, channel: event.channel } };
    const entered = enter(flow, snap, flow.definition.start, out);
    if (interrupt && entered.status === 'active' && waitsForAnswer(getStep(flow, entered.stepId))) {
      out.pop(); // the first question: the interrupt answers first
      return { snapshot: enter(flow, { ...entered, vars: { ...entered.vars, freeText: text.trim() } }, interrupt.next, out), effects: out };
    }
    // People often say everything in their first message: read it as the answer to the first question,
    // which then need not be shown (the welcome still is). One word says enough when it picks a choice
    // (« Rappelez-moi », « Arnaque ? »); a greeting alone only gets the question.
    const first = getStep(flow, entered.stepId);
    const picksChoice = () => first.type === 'choice' && matchOption(text, offeredOptions(first, entered.vars)) !== undefined;
    const saysMore = text !== '' && (meaningfulWords(normalizeFrench(text)).length >= 2 || pickedNumber(text) !== undefined || picksChoice());
    if (!saysMore || entered.status !== 'active' || !waitsForAnswer(first)) return { snapshot: entered, effects: out };
    out.pop(); // the question just asked, which ask() always pushes last
    return { snapshot: answer(flow, entered, content, out), effects: out };
  }

  if (snap.flowHash !== flow.hash) {
    if (flow.stepHashes[snap.stepId] === snap.stepHash) {
      snap = { ...snap, flowId: flow.definition.id, flowHash: flow.hash };
    } else {
      out.push(builtIn(flow, 'flowChanged', snap.vars));
      const moved = { ...snap, flowId: flow.definition.id, flowHash: flow.hash, status: 'active' as const, confirming: undefined };
      return { snapshot: enter(flow, moved, flow.definition.menu, out), effects: out };
    }
  }

  const current = getStep(flow, snap.stepId);
  if (content.type === 'status') {
    // How a connection went: only the step that asked for it reads it; a late or stray report changes nothing.
    if (current.type !== 'connect' || snap.status !== 'active') return { snapshot: { ...snap, turn: snap.turn - 1, lastActivityAt }, effects: [] };
    return { snapshot: enter(flow, snap, content.status === 'answered' ? current.answered : current.failed, out), effects: out };
  }

  // A scam in progress (or any interrupt the flow declares) wins over the question asked, even after the end.
  if (interrupt && !interrupt.unlessAt.some((prefix) => snap.stepId.startsWith(prefix))) {
    const moved = { ...snap, confirming: undefined, status: 'active' as const, vars: { ...snap.vars, freeText: text.trim() } };
    return { snapshot: enter(flow, moved, interrupt.next, out), effects: out };
  }

  if (snap.status === 'ended') return { snapshot: enter(flow, { ...snap, status: 'active' }, flow.definition.menu, out), effects: out };

  if (snap.status === 'awaiting-result' && current.type === 'invoke') {
    // A result never came back (the service failed mid-turn): ask for it again rather than lose the thread.
    return { snapshot: enter(flow, snap, snap.stepId, out), effects: out };
  }

  const opensNewRequest = current.type === 'input' && current.answersAfterSilence;
  if (event.at - lastActivityAt > flow.definition.sessionTimeoutHours * HOUR_MS && waitsForAnswer(current) && !opensNewRequest) {
    out.push(builtIn(flow, 'resume', snap.vars));
    return { snapshot: ask(flow, { ...snap, attempts: 0, confirming: undefined }, out), effects: out };
  }

  if (content.type === 'silence') {
    if (!waitsForAnswer(current)) return { snapshot: snap, effects: [] };
    return { snapshot: noAnswer(flow, { ...snap, confirming: undefined, silences: (snap.silences ?? 0) + 1 }, out), effects: out };
  }
  // Anything said or typed is an answer again: the no-input ladder starts over.
  if (snap.silences) snap = { ...snap, silences: 0 };

  if (snap.confirming !== undefined) return { snapshot: confirmHeard(flow, snap, content, out), effects: out };

  return { snapshot: answer(flow, snap, content, out), effects: out };
}

/**
 * One more rung of the no-input ladder (`snap.silences` already counts this silence): keys only, then a person
 * (once per session, on a channel with a help step), then a callback and goodbye. Without a goodbye text, the
 * question is asked again in its simplest form.
 */
function noAnswer(flow: CompiledFlow, snap: Snapshot, out: Effect[]): Snapshot {
  const silences = snap.silences ?? 1;
  const helpStep = flow.definition.helpSteps[(snap.vars['channel'] ?? '') as 'voice'];
  const canEscalate = helpStep !== undefined && snap.vars['escalated'] !== 'yes';
  const goneSilent = flow.definition.texts.goneSilent;
  if (goneSilent && (silences >= SILENCE_RELEASE || (silences >= SILENCE_PERSON && !canEscalate))) {
    // Still nothing after a person was offered: the person cannot hear us or is gone. Someone will call them back.
    out.push({ type: 'requestCallback', stepId: snap.stepId, vars: snap.vars }, builtIn(flow, 'goneSilent', snap.vars));
    return { ...snap, status: 'ended' };
  }
  if (silences >= SILENCE_PERSON && canEscalate) {
    out.push(builtIn(flow, 'noInput', snap.vars));
    return enter(flow, { ...snap, vars: { ...snap.vars, escalated: 'yes' } }, helpStep, out);
  }
  const rung = silences <= SILENCE_KEYS_ONLY ? 2 : LAST_RUNG;
  return ask(flow, { ...snap, attempts: Math.max(snap.attempts, rung) }, out, 'repeat');
}

/** A new session (an incoming call) starts the flow again, with what is already known and the channel. */
function startSession(flow: CompiledFlow, previous: Snapshot | undefined, known: Vars, event: EngineEvent & { type: 'message' }, out: Effect[]): Snapshot {
  const fresh = initialSnapshot(flow, event.at);
  const vars: Vars = { ...known, ...(event.channel ? { channel: event.channel } : {}) };
  return enter(flow, { ...fresh, turn: (previous?.turn ?? 0) + 1, vars }, flow.definition.start, out);
}

/** Interprets a message as the answer to the current question. */
function answer(flow: CompiledFlow, snap: Snapshot, content: InboundContent, out: Effect[]): Snapshot {
  const current = getStep(flow, snap.stepId);
  if (content.type === 'audio') {
    out.push(builtIn(flow, 'unsupportedContent', snap.vars));
    return ask(flow, snap, out);
  }
  const confirm = flow.definition.texts.confirmHeard;
  if (content.type === 'text' && content.uncertain && confirm && waitsForAnswer(current) && /[\p{L}\p{N}]/u.test(content.text)) {
    const heard = content.text.trim();
    out.push({ type: 'reply', message: confirmQuestion(confirm, heard) });
    return { ...snap, confirming: heard };
  }
  if (current.type === 'choice') {
    const onLocation = flow.definition.onLocation;
    if (content.type === 'location' && onLocation) {
      const vars = { ...snap.vars, [onLocation.capture]: `geo:${content.latitude},${content.longitude}` };
      return enter(flow, { ...snap, vars }, onLocation.next, out);
    }
    if (content.type === 'choice') {
      const picked = offeredOptions(current, snap.vars).find((o) => o.id === content.choiceId || o.key === content.choiceId);
      if (picked) return choose(flow, snap, picked, out);
    } else if (content.type === 'text') {
      const words = meaningfulWords(normalizeFrench(content.text)).length;
      const understand = (s: Snapshot) => enter(flow, { ...s, vars: { ...s.vars, freeText: content.text.trim() } }, current.onFreeText!, out);
      // A sentence may carry more than a choice (a procedure, a town): let the flow's understanding read it first.
      if (current.onFreeText && words >= 3) return understand(snap);
      const option = matchOption(content.text, offeredOptions(current, snap.vars));
      if (option) return choose(flow, snap, option, out);
      if (current.onFreeText && words >= 1 && pickedNumber(content.text) === undefined) return understand(snap);
    }
  } else if (current.type === 'input') {
    const value =
      content.type === 'location'
        ? `geo:${content.latitude},${content.longitude}`
        : content.type === 'text'
          ? content.text.trim()
          : '';
    const acceptable = /[\p{L}\p{N}]/u.test(value) && (!current.accept || content.type === 'location' || new RegExp(current.accept, 'u').test(value));
    if (acceptable) return enter(flow, { ...snap, vars: { ...snap.vars, [current.capture]: value } }, current.next, out);
  } else {
    return enter(flow, snap, flow.definition.menu, out);
  }
  return ask(flow, { ...snap, attempts: snap.attempts + 1 }, out);
}

/** The answer to « You said X, is that right? »: yes uses X, no asks the question again, anything else is a new answer. */
function confirmHeard(flow: CompiledFlow, snap: Snapshot, content: InboundContent, out: Effect[]): Snapshot {
  const cleared: Snapshot = { ...snap, confirming: undefined };
  const verdict = confirmVerdict(flow.definition.texts.confirmHeard!, content);
  if (verdict === 'yes') return answer(flow, cleared, { type: 'text', text: snap.confirming! }, out);
  // « No, that is not what I said »: a real misunderstanding, so the ladder climbs (the question in its own words first).
  if (verdict === 'no') return ask(flow, { ...cleared, attempts: cleared.attempts + 1 }, out, 'again');
  return answer(flow, cleared, content, out);
}

/** Feeds a service's result to the invoke step that asked for it. */
function applyResult(flow: CompiledFlow, snap: Snapshot, result: ServiceResult, out: Effect[]): Snapshot {
  const current = getStep(flow, snap.stepId);
  if (snap.status !== 'awaiting-result' || current.type !== 'invoke') return snap;
  if (result.outcome === 'notUnderstood' && snap.asked) {
    // Free text the understanding could not use may still name one of the options of the question asked.
    const asked = getStep(flow, snap.asked.stepId);
    const option = asked.type === 'choice' ? matchOption(snap.vars['freeText'] ?? '', offeredOptions(asked, snap.vars)) : undefined;
    if (option) return choose(flow, { ...snap, status: 'active' }, option, out);
  }
  const outcome = current.outcomes[result.outcome] ?? current.outcomes['error'];
  if (!outcome) {
    out.push(builtIn(flow, 'offerPerson', snap.vars));
    return enter(flow, { ...snap, status: 'active' }, flow.definition.menu, out);
  }
  const vars: Vars = { ...snap.vars, ...result.vars };
  if (current.itemTemplate && result.items) {
    vars['items'] = result.items.map((item, i) => fillTemplate(current.itemTemplate!, { rank: String(i + 1), ...item })).join('\n\n');
  }
  for (const [name, template] of Object.entries(outcome.set ?? {})) vars[name] = fillTemplate(template, vars);
  if (outcome.signal) out.push({ type: 'signal', name: outcome.signal, vars });
  if (outcome.text) out.push(reply(outcome.text, vars, outcome.voice));
  // Coming back to the question just asked and not validly answered (a place not found…) climbs the reprompt
  // ladder instead of starting over. A choice picked cleared `asked`, so its loop (« SUITE ») does not climb.
  const attempts = snap.asked && sameQuestion(flow, outcome.next, snap.asked.stepId) ? snap.asked.attempts + 1 : 0;
  return enter(flow, { ...snap, vars, status: 'active' }, outcome.next, out, attempts);
}

/** Moves to a step and runs every automatic step until one waits for the person or an invoke goes out. */
function enter(flow: CompiledFlow, snap: Snapshot, stepId: string, out: Effect[], attempts = 0): Snapshot {
  let s: Snapshot = { ...snap, status: 'active' };
  let id = stepId;
  for (let hops = 0; hops < MAX_AUTO_STEPS; hops++) {
    const st = getStep(flow, id);
    s = { ...s, stepId: id, stepHash: flow.stepHashes[id]!, attempts: 0 };
    switch (st.type) {
      case 'say':
        out.push(reply(st.text, s.vars, st.voice));
        id = st.next;
        continue;
      case 'callback':
        out.push({ type: 'requestCallback', stepId: id, vars: s.vars }, reply(st.text, s.vars, st.voice));
        id = st.next;
        continue;
      case 'branch':
        id = st.cases[s.vars[st.on] ?? ''] ?? st.otherwise;
        continue;
      case 'connect': {
        const number = fillTemplate(st.number, s.vars).trim();
        if (!number) {
          id = st.failed;
          continue;
        }
        out.push(reply(st.text, s.vars, st.voice), { type: 'connect', number, whisper: fillTemplate(st.whisper, s.vars) });
        return s;
      }
      case 'invoke': {
        const input = Object.fromEntries(Object.entries(st.input).map(([k, v]) => [k, fillTemplate(v, s.vars)]));
        out.push({ type: 'invoke', service: st.service, input });
        return { ...s, status: 'awaiting-result' };
      }
      case 'end':
        out.push(reply(st.text, s.vars, st.voice));
        return { ...s, status: 'ended' };
      case 'input':
        if (st.skipIfKnown && (s.vars[st.capture] ?? '').trim() !== '') {
          id = st.next;
          continue;
        }
        return ask(flow, { ...s, attempts }, out);
      case 'choice':
        return ask(flow, { ...s, attempts }, out);
    }
  }
  throw new Error(`flow "${flow.definition.id}" chains more than ${MAX_AUTO_STEPS} automatic steps from "${stepId}"`);
}

/**
 * Asks the current question at the snapshot's rung of the ladder, and remembers it was asked. At the last rung,
 * a channel with a help step (the phone) goes to a person instead, once per session.
 */
function ask(flow: CompiledFlow, snap: Snapshot, out: Effect[], reprompt?: Reprompt): Snapshot {
  const st = getStep(flow, snap.stepId);
  if (st.type !== 'choice' && st.type !== 'input') return snap;
  const helpStep = flow.definition.helpSteps[(snap.vars['channel'] ?? '') as 'voice'];
  if (snap.attempts >= LAST_RUNG && helpStep && snap.vars['escalated'] !== 'yes') {
    out.push(builtIn(flow, 'offerPerson', snap.vars));
    return enter(flow, { ...snap, vars: { ...snap.vars, escalated: 'yes' } }, helpStep, out);
  }
  out.push({ type: 'reply', message: questionMessage(flow.definition, st, snap.vars, snap.attempts, reprompt) });
  return { ...snap, status: 'active', asked: { stepId: snap.stepId, attempts: snap.attempts } };
}

/** Two steps ask the same question when they are one step, or free inputs filling the same variable. */
function sameQuestion(flow: CompiledFlow, a: string, b: string): boolean {
  if (a === b) return true;
  const [x, y] = [getStep(flow, a), getStep(flow, b)];
  return x.type === 'input' && y.type === 'input' && x.capture === y.capture;
}

/**
 * A valid answer. The question counts as answered (`asked` cleared), so that coming back to it (« SUITE » leads
 * through a service back to the same « SUITE ? ») starts the ladder afresh: only misunderstandings climb it.
 */
function choose(flow: CompiledFlow, snap: Snapshot, option: StepOption, out: Effect[]): Snapshot {
  const set = Object.fromEntries(Object.entries(option.set ?? {}).map(([k, v]) => [k, fillTemplate(v, snap.vars)]));
  return enter(flow, { ...snap, asked: null, vars: { ...snap.vars, ...set } }, option.next, out);
}

function reply(template: string, vars: Vars, voice?: string): Effect {
  const text = fillTemplate(template, vars);
  return { type: 'reply', message: voice ? { text, voice: fillTemplate(voice, vars) } : { text } };
}

/** One of the built-in texts every flow has, with its wording for the ear when the flow gives one. */
function builtIn(flow: CompiledFlow, name: BuiltInText, vars: Vars): Effect {
  const { texts, voiceTexts } = flow.definition;
  return reply(texts[name] ?? '', vars, voiceTexts[name]);
}
