// Runs one inbound message through the engine: load the snapshot, step, perform invokes, commit atomically,
// then the effects that must follow the commit. Channels call this; it never sees a wire format.
import type { Effect } from '../engine/effects.js';
import type { CompiledFlow } from '../engine/flow.js';
import type { InboundContent, InboundMessage, OutboundMessage } from '../engine/message.js';
import { step, type StepOutput } from '../engine/step.js';
import type { Clock, ConversationStore, FlowService, Logger, ServiceContext, TurnRecord } from './ports.js';
import { KeyedMutex } from './keyed-mutex.js';
import { parseStoredTurn, sessionOf, type TurnOutput, type TurnSession } from './turn-outcome.js';

export interface ConversationServiceDeps {
  store: ConversationStore;
  flows: Map<string, CompiledFlow>;
  mainFlowId: string;
  services: Record<string, FlowService>;
  clock: Clock;
  logger: Logger;
  /**
   * The department a turn belongs to: by the Relais number contacted (`to`), else by what the conversation knows
   * (the person's commune). Without it, nothing is attached to a department.
   */
  departmentOf?: (to: string, vars: Record<string, string>) => string | undefined;
}

export interface HandleOptions {
  /** How a channel counts the cost of a reply (SMS segments), stored in the message log. */
  segmentsOf?: (text: string) => number;
}

export interface HandleResult {
  replies: OutboundMessage[];
  /** What the conversation waits for now, and what the channel must do (connect a call). */
  session: TurnSession;
  /** True when this delivery was already processed: the stored reply is returned and nothing changes. */
  duplicate: boolean;
}

const MAX_COMMIT_ATTEMPTS = 25;
const MAX_INVOKES_PER_TURN = 5;

export type ConversationService = ReturnType<typeof createConversationService>;

export function createConversationService(deps: ConversationServiceDeps) {
  const { store, flows, clock, logger } = deps;
  const locks = new KeyedMutex();
  const mainFlow = flows.get(deps.mainFlowId);
  if (!mainFlow) throw new Error(`unknown main flow "${deps.mainFlowId}"`);

  async function runTurn(inbound: InboundMessage, at: number): Promise<StepOutput & { version: number; flow: CompiledFlow }> {
    const conversationId = `${inbound.channel}:${inbound.from}`;
    const stored = await store.load(conversationId);
    // A conversation whose flow was removed continues on the main flow; the engine sees the hash change.
    const flow = (stored && flows.get(stored.snapshot.flowId)) || mainFlow!;
    let output = step(flow, stored?.snapshot, { type: 'message', content: inbound.content, at, channel: inbound.channel });
    const effects: Effect[] = [...output.effects];
    for (let i = 0; i < MAX_INVOKES_PER_TURN; i++) {
      const invoke = output.effects.find((e) => e.type === 'invoke');
      if (!invoke || invoke.type !== 'invoke') break;
      const result = await callService(invoke.service, invoke.input, { address: inbound.from, channel: inbound.channel });
      output = step(flow, output.snapshot, { type: 'result', result, at });
      effects.push(...output.effects);
    }
    return { snapshot: output.snapshot, effects, version: stored?.version ?? 0, flow };
  }

  async function callService(name: string, input: Record<string, string>, context: ServiceContext) {
    const service = deps.services[name];
    if (!service) {
      logger.error('service.unknown', { service: name });
      return { outcome: 'error' };
    }
    try {
      return await service(input, context);
    } catch (error) {
      logger.error('service.failed', { service: name, error: String(error) });
      return { outcome: 'error' };
    }
  }

  return {
    /** Whether this delivery was already handled (its reply is stored). */
    async isProcessed(providerId: string): Promise<boolean> {
      return (await store.findReply(providerId)) !== undefined;
    },

    /** Handles one delivery. Safe to call again with the same providerId: the first reply is returned. */
    async handle(inbound: InboundMessage, options: HandleOptions = {}): Promise<HandleResult> {
      const conversationId = `${inbound.channel}:${inbound.from}`;
      return locks.run(conversationId, async () => {
        for (let attempt = 1; attempt <= MAX_COMMIT_ATTEMPTS; attempt++) {
          const previous = await store.findReply(inbound.providerId);
          if (previous !== undefined) return { ...parseStoredTurn(previous), duplicate: true };

          const at = clock.now();
          const { snapshot, effects, version, flow } = await runTurn(inbound, at);
          // « Répéter »: what was said last is said again, word for word; the conversation does not move.
          const repeated = effects.some((e) => e.type === 'repeat') ? await store.lastReply(conversationId) : undefined;
          const replies = repeated ? parseStoredTurn(repeated).replies : effects.flatMap((e) => (e.type === 'reply' ? [e.message] : []));
          const session = sessionOf(flow, snapshot, effects);
          const erase = effects.some((e) => e.type === 'erase');
          const optOut = effects.some((e) => e.type === 'optOut') ? 'add' : effects.some((e) => e.type === 'optIn') ? 'remove' : undefined;
          const turn: TurnRecord = {
            conversationId,
            channel: inbound.channel,
            address: inbound.from,
            providerId: inbound.providerId,
            expectedVersion: version,
            snapshot,
            reply: JSON.stringify({ replies, session } satisfies TurnOutput),
            log: erase
              ? []
              : [
                  { direction: 'in', body: describe(inbound.content) },
                  ...replies.map((r) => ({ direction: 'out' as const, body: r.text, segments: options.segmentsOf?.(r.text) })),
                ],
            callbacks: effects.flatMap((e) => (e.type === 'requestCallback' ? [{ stepId: e.stepId, context: JSON.stringify(e.vars) }] : [])),
            signals: effects.flatMap((e) =>
              e.type === 'signal' ? [{ name: e.name, commune: e.vars['commune'], departement: e.vars['departement'], need: e.vars['need'] }] : [],
            ),
            ...(optOut ? { optOut } : {}),
            ...departmentField(deps.departmentOf?.(inbound.to, snapshot.vars)),
            at,
          };
          const result = await store.commitTurn(turn);
          if (result === 'committed') {
            if (erase) await store.eraseContact(inbound.from, inbound.providerId);
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
