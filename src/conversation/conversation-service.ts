// Runs one inbound message through the engine: load the snapshot, step, perform invokes, commit atomically,
// then the effects that must follow the commit. Channels call this; it never sees a wire format.
import { decodeHtmlEntities } from './html-entities.js';
import type { Effect, ServiceResult, Vars } from '../engine/effects.js';
import type { CompiledFlow } from '../engine/flow.js';
import type { InboundContent, InboundMessage, OutboundMessage } from '../engine/message.js';
import { step, type StepOutput } from '../engine/step.js';
import { initialSnapshot, type Snapshot } from '../engine/snapshot.js';
import { TurnHeld, type Clock, type ConversationStore, type FlowService, type Logger, type ServiceContext, type TurnRecord, type TurnStart } from './ports.js';
import { KeyedMutex } from './keyed-mutex.js';
import { parseStoredTurn, sessionOf, storedTurnOf, type TurnSession } from './turn-outcome.js';
import { factsOfTurn, type ServiceCall } from '../activity/turn-facts.js';

export interface ConversationServiceDeps {
  store: ConversationStore;
  flows: Map<string, CompiledFlow>;
  mainFlowId: string;
  services: Record<string, FlowService>;
  /** Names an interrupt a message raises whatever the step (a scam in progress); the flow says where it leads. */
  interruptOf?: (content: InboundContent) => string | undefined;
  clock: Clock;
  logger: Logger;
  /**
   * The department a turn belongs to: by the Relais number contacted (`to`), else by what the conversation knows
   * (the person's commune). Without it, nothing is attached to a department.
   */
  departmentOf?: (to: string, vars: Record<string, string>) => string | undefined;
  /**
   * The flow this sender must be on, when it is not the stored one (a relay's registered number: relay mode), given
   * the stored conversation's flow. Undefined: the stored flow, else the main one. A switch starts the flow afresh.
   */
  flowFor?: (inbound: InboundMessage, storedFlowId: string | undefined) => Promise<string | undefined>;
}

export interface HandleOptions {
  /**
   * What each of a turn's replies costs on the channel (SMS segments), stored in the message log. Replies sent
   * together in one SMS count it once, on the first of them.
   */
  segmentsOf?: (texts: string[]) => readonly number[];
  /** The channel sends replies itself after the commit (Meta's Graph API): keep them in the outbox until sent. */
  outbox?: { via: string };
  /**
   * The channel would rather hold the turn than wait in silence (the phone): the turn's first service may hold it
   * ({@link TurnHeld}); then nothing is written and the result says `held`.
   */
  mayHold?: boolean;
  /** This turn was held before (the phone said « un instant »): stored with it, so a redelivered first request holds again. */
  afterHold?: boolean;
}

export interface HandleResult {
  replies: OutboundMessage[];
  /** What the conversation waits for now, and what the channel must do (connect a call). */
  session: TurnSession;
  /** True when this delivery was already processed: the stored reply is returned and nothing changes. */
  duplicate: boolean;
  /** The turn was held (see {@link HandleOptions.mayHold}): nothing was written; `session` is the one before it. */
  held?: true;
}

const MAX_COMMIT_ATTEMPTS = 25;
const MAX_INVOKES_PER_TURN = 5;

export type ConversationService = ReturnType<typeof createConversationService>;

export function createConversationService(deps: ConversationServiceDeps) {
  const { store, flows, clock, logger } = deps;
  const locks = new KeyedMutex();
  const mainFlow = flows.get(deps.mainFlowId);
  if (!mainFlow) throw new Error(`unknown main flow "${deps.mainFlowId}"`);

  async function runTurn(
    inbound: InboundMessage,
    at: number,
    mayHold: boolean,
    { stored, optedOut }: TurnStart,
  ): Promise<(StepOutput & { version: number; flow: CompiledFlow; previous: Snapshot | undefined; calls: ServiceCall[] }) | { held: TurnSession }> {
    const conversationId = `${inbound.channel}:${inbound.from}`;
    const chosen = await deps.flowFor?.(inbound, stored?.snapshot.flowId);
    const switched = chosen !== undefined && chosen !== stored?.snapshot.flowId && flows.has(chosen);
    // A conversation whose flow was removed continues on the main flow; the engine sees the hash change.
    const flow = (switched ? flows.get(chosen) : stored && flows.get(stored.snapshot.flowId)) || mainFlow!;
    const previous = withNumbersOptOut(inbound, optedOut, flow, switched ? undefined : stored?.snapshot, at);
    const interrupt = deps.interruptOf?.(inbound.content);
    let output = step(flow, previous, { type: 'message', content: inbound.content, at, channel: inbound.channel, ...(interrupt ? { interrupt } : {}) });
    const effects: Effect[] = [...output.effects];
    const calls: ServiceCall[] = [];
    for (let i = 0; i < MAX_INVOKES_PER_TURN; i++) {
      const invoke = output.effects.find((e) => e.type === 'invoke');
      if (!invoke || invoke.type !== 'invoke') break;
      const departement = deps.departmentOf?.(inbound.to, output.snapshot.vars);
      // Only the turn's first service may hold it: one before it may have acted (sent an SMS), and must not run twice.
      const holdable = mayHold && calls.length === 0 ? { mayHold: true } : {};
      const context: ServiceContext = { address: inbound.from, channel: inbound.channel, via: inbound.to, ...departmentField(departement), ...holdable };
      let served: ServiceResult;
      try {
        served = await callService(invoke.service, invoke.input, context);
      } catch (error) {
        if (!(error instanceof TurnHeld)) throw error;
        logger.info('turn.held', { conversationId, service: invoke.service, reason: error.reason });
        return { held: stored ? sessionOf(flow, stored.snapshot, []) : { awaiting: 'input', turn: 0, slower: 0 } };
      }
      const result = plainResult(served);
      calls.push({ service: invoke.service, input: invoke.input, result });
      output = step(flow, output.snapshot, { type: 'result', result, at });
      effects.push(...output.effects);
    }
    return { snapshot: output.snapshot, effects, version: stored?.version ?? 0, flow, previous: stored?.snapshot, calls };
  }

  /**
   * An opt-out belongs to the number, not to one conversation: a written channel's conversation is opted out when
   * the number is on the list (STOP said on the phone, by SMS or on WhatsApp), and back in when it no longer is
   * (START said elsewhere). A call is the person's own doing and is always answered; it starts afresh.
   */
  function withNumbersOptOut(inbound: InboundMessage, listed: boolean, flow: CompiledFlow, snapshot: Snapshot | undefined, at: number): Snapshot | undefined {
    if (inbound.channel === 'voice') return snapshot;
    if (listed === (snapshot?.optedOut ?? false)) return snapshot;
    if (!snapshot) return { ...initialSnapshot(flow, at), vars: { channel: inbound.channel }, optedOut: true };
    return { ...snapshot, optedOut: listed };
  }

  async function callService(name: string, input: Record<string, string>, context: ServiceContext) {
    const service = Object.hasOwn(deps.services, name) ? deps.services[name] : undefined;
    if (!service) {
      logger.error('service.unknown', { service: name });
      return { outcome: 'error' };
    }
    try {
      return await service(input, context);
    } catch (error) {
      if (error instanceof TurnHeld && context.mayHold) throw error;
      logger.error('service.failed', { service: name, error: String(error) });
      return { outcome: 'error' };
    }
  }

  return {
    /** Whether this delivery was already handled (its reply is stored). */
    async isProcessed(providerId: string, address: string): Promise<boolean> {
      return (await store.findReply(providerId, address)) !== undefined;
    },

    /** Handles one delivery. Safe to call again with the same providerId: the first reply is returned. */
    async handle(inbound: InboundMessage, options: HandleOptions = {}): Promise<HandleResult> {
      const conversationId = `${inbound.channel}:${inbound.from}`;
      return locks.run(conversationId, async () => {
        for (let attempt = 1; attempt <= MAX_COMMIT_ATTEMPTS; attempt++) {
          const start = await store.startTurn(conversationId, inbound.providerId, inbound.from);
          if (start.reply !== undefined) return { ...parseStoredTurn(start.reply), duplicate: true };

          const at = clock.now();
          const run = await runTurn(inbound, at, options.mayHold === true, start);
          if ('held' in run) return { replies: [], session: run.held, duplicate: false, held: true };
          const { snapshot, effects, version, flow, previous: before, calls } = run;
          // « Répéter »: what was said last is said again, word for word; the conversation does not move.
          const repeated = effects.some((e) => e.type === 'repeat') ? await store.lastReply(conversationId) : undefined;
          const replies = repeated ? parseStoredTurn(repeated).replies : effects.flatMap((e) => (e.type === 'reply' ? [e.message] : []));
          const session: TurnSession = { ...sessionOf(flow, snapshot, effects), ...(options.afterHold ? { afterHold: true as const } : {}) };
          const costs = options.segmentsOf?.(replies.map((r) => r.text));
          const erase = effects.some((e) => e.type === 'erase');
          const departement = deps.departmentOf?.(inbound.to, snapshot.vars);
          const activity = factsOfTurn({
            channel: inbound.channel,
            opensCall: inbound.content.type === 'session-start',
            previous: before,
            next: snapshot,
            effects,
            calls,
            departement,
            segments: costs?.reduce((a, b) => a + b, 0) ?? 0,
            sessionMs: flow.definition.sessionTimeoutHours * 3_600_000,
            at,
          });
          const optOut = effects.some((e) => e.type === 'optOut') ? 'add' : effects.some((e) => e.type === 'optIn') ? 'remove' : undefined;
          const turn: TurnRecord = {
            conversationId,
            channel: inbound.channel,
            address: inbound.from,
            providerId: inbound.providerId,
            expectedVersion: version,
            snapshot,
            reply: storedTurnOf({ replies, session }, inbound.channel),
            log: erase
              ? []
              : [
                  { direction: 'in', body: describe(inbound.content) },
                  ...replies.map((r, i) => ({ direction: 'out' as const, body: r.text, segments: costs?.[i] })),
                ],
            callbacks: effects.flatMap((e) => (e.type === 'requestCallback' ? [{ stepId: e.stepId, context: JSON.stringify(e.vars) }] : [])),
            signals: effects.flatMap((e) =>
              e.type === 'signal' ? [{ name: e.name, commune: e.vars['commune'], departement: e.vars['departement'], need: e.vars['need'] }] : [],
            ),
            ...(optOut ? { optOut } : {}),
            ...(erase ? { erase: { inboundTexts: await store.inboundTexts(inbound.from) } } : {}),
            ...(options.outbox && replies.length > 0 ? { outbox: { via: options.outbox.via, replies } } : {}),
            ...departmentField(departement),
            activity,
            at,
          };
          const result = await store.commitTurn(turn);
          if (result === 'committed') {
            logger.info('turn.committed', { conversationId, step: snapshot.stepId, turn: snapshot.turn, attempt });
            return { replies, session, duplicate: false };
          }
          if (result === 'duplicate') continue; // the stored reply is read at the top of the loop
          await pause(attempt);
        }
        throw new Error(`conversation ${conversationId}: too many concurrent updates`);
      });
    },
  };
}

/**
 * What services return comes from outside data (place names from open-data files, which sometimes carry HTML
 * entities such as « Clic' &amp; Ressources »): decoded here, once, so that no channel ever shows or says them.
 */
function plainResult(result: ServiceResult): ServiceResult {
  const plain = (vars: Vars): Vars => Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, v.includes('&') ? decodeHtmlEntities(v) : v]));
  return { ...result, ...(result.vars ? { vars: plain(result.vars) } : {}), ...(result.items ? { items: result.items.map(plain) } : {}) };
}

const departmentField = (departement: string | undefined) => (departement ? { departement } : {});

/** Backs off a little more on each conflict, with jitter, so competing writers spread out. */
const pause = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));

function describe(content: InboundContent): string {
  switch (content.type) {
    case 'text':
      return content.text;
    case 'choice':
      return `[choix ${content.choiceId}]`;
    case 'location':
      return `[position ${content.latitude},${content.longitude}]`;
    case 'audio':
      return `[audio ${content.mimeType}]`;
    case 'silence':
      return '[silence]';
    case 'session-start':
      return '[appel]';
    case 'status':
      return `[transfert ${content.status}]`;
  }
}
