// The scheduler's runner: claims due follow-ups (a lease each), decides whether each may go now, enters its step in
// the person's conversation (so that the answer is read there, after the commands that always win), sends it on the
// conversation's channel, and records the outcome. Injected clock; no Node-only module: Node's timer and the
// Workers' Cron Trigger run the same tick.
import { followUpReasons } from '../../data/followups.fr.js';
import type { SmsSender } from '../channels/sms/twilio-rest.js';
import type { WhatsAppSender } from '../channels/whatsapp/graph-api.js';
import { CUSTOMER_WINDOW_MS, sendWhatsAppFollowUp } from '../channels/whatsapp/follow-up.js';
import { isTwilioWhatsAppNumber } from '../channels/whatsapp/twilio-sender.js';
import type { Clock, ConversationStore, Logger } from '../conversation/ports.js';
import { parseStoredTurn, sessionOf, storedTurnOf } from '../conversation/turn-outcome.js';
import type { ScheduleRepository, ScheduledMessage } from '../db/schedule-repository.js';
import { getStep, waitsForAnswer, type CompiledFlow } from '../engine/flow.js';
import type { ChannelName, OutboundMessage } from '../engine/message.js';
import { initialSnapshot } from '../engine/snapshot.js';
import { step } from '../engine/step.js';
import { fillTemplate } from '../engine/template.js';
import { IN_CONVERSATION_DELAY_MS, IN_CONVERSATION_MS, retryDelayMs, type FollowUpSettings } from './plan.js';
import { nextSendingMoment } from './quiet-hours.js';

/** A short automated call for a person reached by phone only: the TwiML to play, and where its keys are answered. */
export type FollowUpCaller = (to: string, row: ScheduledMessage, text: string) => Promise<{ ok: boolean; status?: number; error?: string }>;

/** A way to write first on WhatsApp, and its approved templates by purpose, for outside the 24-hour window. */
export interface WhatsAppFollowUpChannel {
  sender: WhatsAppSender;
  templates: Record<string, string>;
  /** The setting that names `templates` (for the log), and why a failed send failed (for operators). */
  templatesSetting: string;
  failedReason: string;
  language?: string;
}

export interface FollowUpChannels {
  sms?: SmsSender;
  /** Meta's Graph API (templates: META_TEMPLATES), for a Relais number on Meta's Cloud API. */
  whatsApp?: WhatsAppFollowUpChannel;
  /** Twilio's Messages API (Content templates: TWILIO_WHATSAPP_TEMPLATES), for a Relais WhatsApp number on Twilio. */
  twilioWhatsApp?: WhatsAppFollowUpChannel;
  call?: FollowUpCaller;
}

export type Decision =
  | { action: 'send' }
  | { action: 'defer'; until: number; reason: string }
  | { action: 'close'; status: 'cancelled' | 'expired' | 'failed'; reason: string };

export interface FollowUpRunnerDeps {
  schedule: ScheduleRepository;
  store: ConversationStore;
  flows: Map<string, CompiledFlow>;
  mainFlowId: string;
  clock: Clock;
  logger: Logger;
  settings: FollowUpSettings;
  channels: FollowUpChannels;
  /** Names this runner's leases (a process, a Worker invocation). */
  owner: string;
  /** How a deferral's moment is written for operators (« mardi 1 décembre à 9h »). */
  formatMoment?: (epoch: number) => string;
  /** Why a follow-up is no longer worth sending (its orientation already settled), or undefined: checked before each send. */
  noLongerWanted?: (row: ScheduledMessage) => Promise<string | undefined>;
}

/** The template purpose of each kind (the keys of META_TEMPLATES and TWILIO_WHATSAPP_TEMPLATES). */
export const WHATSAPP_PURPOSES: Record<string, string> = { reminder: 'rappel-atelier', verification: 'suivi', evaluation: 'evaluation' };

export type FollowUpRunner = ReturnType<typeof createFollowUpRunner>;

export function createFollowUpRunner(deps: FollowUpRunnerDeps) {
  const { schedule, store, settings, logger } = deps;
  const mainFlow = deps.flows.get(deps.mainFlowId)!;
  const conversationIdOf = (row: ScheduledMessage) => `${row.channel}:${row.contactAddress}`;
  /** Who writes back on WhatsApp: the provider of the Relais number the person wrote to (its form tells which). */
  const whatsAppOf = (row: ScheduledMessage) => (row.via === null ? undefined : isTwilioWhatsAppNumber(row.via) ? deps.channels.twilioWhatsApp : deps.channels.whatsApp);
  let ticks = 0;
  const moment = (epoch: number) => (deps.formatMoment ? deps.formatMoment(epoch) : new Date(epoch).toISOString());

  /** Whether this follow-up may go at `at`, and if not, until when or why never. Shared by the runner and the dry run. */
  async function decide(row: ScheduledMessage, at: number): Promise<Decision> {
    if (row.expiresAt !== null && at > row.expiresAt) return { action: 'close', status: 'expired', reason: followUpReasons.expired };
    const unwanted = await deps.noLongerWanted?.(row);
    if (unwanted) return { action: 'close', status: 'cancelled', reason: unwanted };
    if (await store.isOptedOut(row.contactAddress)) return { action: 'close', status: 'cancelled', reason: followUpReasons.stop };
    const next = nextSendingMoment(settings.sendingHours, at);
    if (next === undefined || (row.expiresAt !== null && next > row.expiresAt)) return { action: 'close', status: 'expired', reason: followUpReasons.expired };
    if (next > at) return { action: 'defer', until: next, reason: fillTemplate(followUpReasons.quietHours, { next: moment(next) }) };
    if (!channelReady(row)) return { action: 'close', status: 'failed', reason: followUpReasons.noChannel };
    const stored = await store.load(conversationIdOf(row));
    if (stored) {
      const s = stored.snapshot;
      const flow = deps.flows.get(s.flowId) ?? mainFlow;
      const atQuestion = s.status === 'active' && flow.definition.steps[s.stepId] !== undefined && waitsForAnswer(getStep(flow, s.stepId));
      const busy = atQuestion && s.stepId !== flow.definition.menu && !s.stepId.startsWith('followup_') && at - s.lastActivityAt < IN_CONVERSATION_MS;
      if (busy) return { action: 'defer', until: at + IN_CONVERSATION_DELAY_MS, reason: followUpReasons.inConversation };
    }
    if (row.channel === 'whatsapp') {
      const last = await store.lastInboundAt(conversationIdOf(row));
      const inWindow = last !== undefined && at - last < CUSTOMER_WINDOW_MS;
      const purpose = WHATSAPP_PURPOSES[row.kind] ?? row.kind;
      if (!inWindow && !Object.hasOwn(whatsAppOf(row)?.templates ?? {}, purpose)) return { action: 'close', status: 'failed', reason: followUpReasons.whatsAppWindow };
    }
    return { action: 'send' };
  }

  /**
   * The flow that reads the answer: the one the follow-up names (a relay's check is answered in relay mode, whatever
   * their last conversation on this channel was), else the conversation's, else the main flow.
   */
  function flowOf(row: ScheduledMessage, storedFlowId: string | undefined): CompiledFlow {
    const named = row.payload['followupFlow'];
    return (named && deps.flows.get(named)) || (storedFlowId && deps.flows.get(storedFlowId)) || mainFlow;
  }

  function channelReady(row: ScheduledMessage): boolean {
    if (row.channel === 'sms') return deps.channels.sms !== undefined;
    if (row.channel === 'whatsapp') return whatsAppOf(row) !== undefined;
    if (row.channel === 'voice') return deps.channels.call !== undefined;
    return false;
  }

  /**
   * Enters the follow-up's step in the person's conversation, committed like a turn whose delivery id is the
   * follow-up's key: done once, whatever runner retries it. Returns what to send, or undefined when the
   * conversation says nothing (opted out).
   */
  async function enterConversation(row: ScheduledMessage, at: number): Promise<OutboundMessage[] | undefined> {
    const conversationId = conversationIdOf(row);
    const providerId = `suivi:${row.idempotencyKey}`;
    for (let attempt = 1; attempt <= 5; attempt++) {
      const done = await store.findReply(providerId, row.contactAddress);
      if (done !== undefined) return parseStoredTurn(done).replies;
      const stored = await store.load(conversationId);
      const flow = flowOf(row, stored?.snapshot.flowId);
      const base = stored?.snapshot.flowId === flow.definition.id ? stored.snapshot : { ...initialSnapshot(flow, at), vars: { channel: row.channel } };
      const snapshot = { ...base, vars: { ...base.vars, ...row.payload, followupId: String(row.id) } };
      const output = step(flow, snapshot, { type: 'message', content: { type: 'text', text: '' }, at, channel: row.channel, interrupt: `followup_${row.kind}` });
      const replies = output.effects.flatMap((e) => (e.type === 'reply' ? [e.message] : []));
      if (replies.length === 0) return undefined;
      const result = await store.commitTurn({
        conversationId,
        channel: row.channel,
        address: row.contactAddress,
        providerId,
        expectedVersion: stored?.version ?? 0,
        snapshot: output.snapshot,
        reply: storedTurnOf({ replies, session: sessionOf(flow, output.snapshot, output.effects) }, row.channel as ChannelName),
        log: replies.map((r) => ({ direction: 'out' as const, body: r.text })),
        callbacks: [],
        signals: [],
        ...(row.departement ? { departement: row.departement } : {}),
        at,
      });
      if (result === 'committed') return replies;
    }
    throw new Error('the conversation kept changing');
  }

  async function deliver(row: ScheduledMessage, replies: OutboundMessage[], at: number): Promise<{ ok: boolean; error?: string; optedOut?: boolean }> {
    const text = replies.map((r) => r.text).join('\n\n');
    if (row.channel === 'sms') {
      const result = await deps.channels.sms!.send(row.contactAddress, text);
      return result.ok ? { ok: true } : { ok: false, error: `Twilio ${result.status}: ${result.error ?? ''}`.slice(0, 500) };
    }
    if (row.channel === 'whatsapp') {
      const w = whatsAppOf(row)!;
      const result = await sendWhatsAppFollowUp(
        { phoneNumberId: row.via!, to: row.contactAddress, purpose: WHATSAPP_PURPOSES[row.kind] ?? row.kind, text, lastInboundAt: await store.lastInboundAt(conversationIdOf(row)) },
        {
          sender: w.sender, templates: w.templates, templatesSetting: w.templatesSetting, now: at, logger, isOptedOut: (a) => store.isOptedOut(a),
          ...(w.language ? { language: w.language } : {}),
        },
      );
      if (result === 'sent-text' || result === 'sent-template') return { ok: true };
      if (result === 'refused-opted-out') return { ok: false, optedOut: true };
      return { ok: false, error: result === 'refused-outside-window' ? followUpReasons.whatsAppWindow : w.failedReason };
    }
    const result = await deps.channels.call!(row.contactAddress, row, replies.map((r) => r.voice ?? r.text).join(' '));
    return result.ok ? { ok: true } : { ok: false, error: `Twilio ${result.status ?? 0}: ${result.error ?? ''}`.slice(0, 500) };
  }

  async function handle(row: ScheduledMessage, at: number, owner: string): Promise<'sent' | 'deferred' | 'closed' | 'retry'> {
    const decision = await decide(row, at);
    if (decision.action === 'defer') {
      await schedule.defer(row.id, owner, decision.until, decision.reason);
      return 'deferred';
    }
    if (decision.action === 'close') {
      await schedule.close(row.id, owner, decision.status, decision.reason);
      logger.info('followup.closed', { id: row.id, kind: row.kind, status: decision.status, reason: decision.reason });
      return 'closed';
    }
    const replies = await enterConversation(row, at);
    if (!replies) {
      await schedule.close(row.id, owner, 'cancelled', followUpReasons.nothingToSay);
      return 'closed';
    }
    let outcome: Awaited<ReturnType<typeof deliver>>;
    try {
      outcome = await deliver(row, replies, at);
    } catch (error) {
      outcome = { ok: false, error: String(error) };
    }
    if (outcome.ok) {
      await schedule.sent(row.id, owner, deps.clock.now());
      logger.info('followup.sent', { id: row.id, kind: row.kind, channel: row.channel });
      return 'sent';
    }
    if (outcome.optedOut) {
      await schedule.close(row.id, owner, 'cancelled', followUpReasons.stop);
      return 'closed';
    }
    if (row.attempts >= settings.maxAttempts) {
      await schedule.close(row.id, owner, 'failed', outcome.error ?? followUpReasons.sendFailed);
      logger.error('followup.given_up', { id: row.id, kind: row.kind, attempts: row.attempts, error: outcome.error });
      return 'closed';
    }
    await schedule.retry(row.id, owner, at + retryDelayMs(row.attempts), outcome.error ?? followUpReasons.sendFailed);
    logger.warn('followup.retry', { id: row.id, kind: row.kind, attempts: row.attempts, error: outcome.error });
    return 'retry';
  }

  return {
    decide,

    /** Claims what is due now and handles it; returns how many went out. */
    async runDue(limit = 50): Promise<{ sent: number; claimed: number }> {
      const at = deps.clock.now();
      // Each tick holds its own leases, so two ticks of one isolate (two Cron invocations) are two runners too.
      const owner = `${deps.owner}-${++ticks}`;
      const claimed = await schedule.claimDue(owner, at, settings.leaseMs, limit);
      let sent = 0;
      for (const row of claimed) {
        try {
          if ((await handle(row, at, owner)) === 'sent') sent++;
        } catch (error) {
          // An unexpected failure (the database busy) counts as an attempt, retried with backoff; if even that write
          // fails, the row stays claimed and comes back when its lease passes.
          logger.error('followup.failed', { id: row.id, error: String(error) });
          await schedule.retry(row.id, owner, at + retryDelayMs(row.attempts), String(error).slice(0, 500)).catch(() => undefined);
        }
      }
      return { sent, claimed: claimed.length };
    },

    /** What a runner would do at `at`, without doing it (the dry run). */
    async preview(at: number, limit = 500): Promise<{ row: ScheduledMessage; decision: Decision }[]> {
      const rows = await schedule.dueAt(at, limit);
      const out: { row: ScheduledMessage; decision: Decision }[] = [];
      for (const row of rows) out.push({ row, decision: await decide(row, at) });
      return out;
    },
  };
}
