// The phone line, under /twilio/voice: the incoming call (POST /twilio/voice), each gather's answer
// (/gather?turn=N), the same answer run again after « un instant » (/resume?turn=N&heard=…), a transfer's outcome (/dial?turn=N), the whisper said to whoever answers a transfer (/whisper),
// and Twilio's status callback (/status). Every request is signed like SMS; each turn has its own id
// (the call's sid and the turn's number), so a retried webhook is answered the same and moves nothing.
import { Hono, type Context } from 'hono';
import { dialOutcome, gatheredContent, parseVoiceCall, sipContext, type VoiceCall } from '../channels/voice/parse.js';
import { renderHold, renderVoiceTurn, renderWhisper, type VoiceRenderContext } from '../channels/voice/render.js';
import { cleanBody, MAX_SPEECH_LENGTH } from '../channels/sms/parse.js';
import type { VoiceSettings } from '../channels/voice/twiml.js';
import { contextVars, isEmptyContext, readLooseContext, type CallContext } from '../conversation/call-context.js';
import type { HandleResult } from '../conversation/conversation-service.js';
import { departmentCalled } from '../directory/departments.js';
import type { InboundContent } from '../engine/message.js';
import type { AppDeps } from './create-app.js';
import { readTwilioWebhook } from './twilio-webhook.js';

const xml = (body: string) => new Response(body, { headers: { 'Content-Type': 'text/xml; charset=utf-8' } });

export function voiceRoutes(deps: AppDeps): Hono {
  const routes = new Hono();
  const voice = deps.voice;

  /** The voice and pace for this call: the department's own when its number was called, else the defaults. */
  function settingsFor(calledNumber: string): VoiceSettings {
    const department = departmentCalled(deps.departments, calledNumber);
    return {
      ...voice.settings,
      ...(department?.voice ? { voice: department.voice } : {}),
      ...(department?.speechRatePercent ? { ratePercent: department.speechRatePercent } : {}),
    };
  }

  function render(c: Context, call: VoiceCall, result: Pick<HandleResult, 'replies' | 'session'>): Response {
    const base = publicBase(c, deps);
    const turn = result.session.turn;
    const context: VoiceRenderContext = {
      settings: settingsFor(call.to),
      wording: voice.wording,
      urls: {
        gather: `${base}/twilio/voice/gather?turn=${turn}`,
        dial: `${base}/twilio/voice/dial?turn=${turn}`,
        whisper: (text) => `${base}/twilio/voice/whisper?${new URLSearchParams({ text })}`,
      },
    };
    return xml(renderVoiceTurn(result, context));
  }

  /**
   * Runs one turn of the call; a failure still gets a kind sentence and a clean hang-up, never silence. With
   * `holdAt`, a turn that would wait on the understanding model is held instead: « un instant » at once, then a
   * redirect to `holdAt`, which runs the same turn (`afterHold`) under the same id.
   */
  async function turn(c: Context, call: VoiceCall, providerId: string, content: InboundContent, hold: { holdAt?: string; afterHold?: boolean } = {}): Promise<Response> {
    try {
      const inbound = { channel: 'voice' as const, from: call.from, to: call.to, providerId, receivedAt: deps.clock.now(), content };
      const result = await deps.conversations.handle(inbound, { mayHold: hold.holdAt !== undefined, afterHold: hold.afterHold === true });
      deps.logger.info('voice.turn', { callSid: call.callSid, providerId, duplicate: result.duplicate, held: result.held === true, awaiting: result.session.awaiting });
      // Held now, or held the first time and redelivered: the same « un instant » and the same redirect.
      if (hold.holdAt && (result.held || (result.duplicate && result.session.afterHold))) {
        return xml(renderHold(hold.holdAt, result.session.slower, settingsFor(call.to), voice.wording));
      }
      return render(c, call, result);
    } catch (error) {
      deps.logger.error('voice.failed', { callSid: call.callSid, providerId, error: String((error as Error)?.stack ?? error) });
      return render(c, call, { replies: [{ text: deps.texts.technicalError }], session: { awaiting: 'nothing', turn: 0, slower: 0 } });
    }
  }

  /** Reads a signed voice webhook; answers 403 or 400 itself when it cannot be used. */
  async function readCall(c: Context): Promise<{ ok: true; call: VoiceCall; params: Record<string, string> } | { ok: false; response: Response }> {
    const webhook = await readTwilioWebhook(c, deps);
    if (!webhook.ok) return webhook;
    const parsed = parseVoiceCall(webhook.params);
    if (!parsed.ok) return { ok: false, response: c.text(`Bad Twilio Voice webhook: ${parsed.error}`, 400) };
    return { ok: true, call: parsed.value, params: webhook.params };
  }

  routes.post('/voice', async (c) => {
    const read = await readCall(c);
    if (!read.ok) return read.response;
    const { call, params } = read;
    // A retried incoming-call webhook is answered from the store: the hand-off was already taken the first time.
    if (await deps.conversations.isProcessed(call.callSid, call.from)) return turn(c, call, call.callSid, { type: 'session-start', known: {} });
    const at = deps.clock.now();
    const department = departmentCalled(deps.departments, call.to);
    const { context, source } = await callContext(c, call, params, at, department?.code);
    await deps.calls.started({ callSid: call.callSid, address: call.from, calledNumber: call.to, departement: department?.code, contextSource: source, at });
    const known = {
      callerNumber: call.from,
      ...(department ? { calledDepartement: department.code, calledDepartementName: department.name } : {}),
      ...(source ? { transferred: 'yes', ...contextVars(context) } : {}),
    };
    return turn(c, call, call.callSid, { type: 'session-start', known });
  });

  /** The context of a transferred call: a registered hand-off first, else SIP headers, else the URL's query. */
  async function callContext(
    c: Context,
    call: VoiceCall,
    params: Record<string, string>,
    at: number,
    departement: string | undefined,
  ): Promise<{ context: CallContext; source?: 'handoff' | 'sip' | 'query' }> {
    const handoff = await deps.calls.takeHandoff(call.from, call.callSid, at, departement);
    if (handoff) return { context: handoff, source: 'handoff' };
    for (const [source, raw] of [
      ['sip', sipContext(params)],
      ['query', Object.fromEntries(new URL(c.req.url).searchParams)],
    ] as const) {
      const { context, problems } = readLooseContext(raw);
      if (problems.length) deps.logger.warn('voice.context.ignored', { callSid: call.callSid, source, problems });
      if (!isEmptyContext(context)) return { context, source };
    }
    return { context: {} };
  }

  routes.post('/voice/gather', async (c) => {
    const read = await readCall(c);
    if (!read.ok) return read.response;
    const turnId = turnOf(c);
    if (!turnId) return c.text('Bad gather action: the query must name the turn (?turn=N).', 400);
    const content = gatheredContent(read.params, { minConfidence: voice.minConfidence, keys: voice.wording.keys, fillers: voice.wording.fillers });
    // Only words can be held for the model. Twilio's redirect carries no SpeechResult, so what was heard rides in the
    // resume URL: Twilio signs that URL with the request, so it cannot be forged, and nothing is stored meanwhile.
    const holdAt = content.type === 'text' ? resumeUrl(publicBase(c, deps), turnId, content) : undefined;
    return turn(c, read.call, `${read.call.callSid}:${turnId}`, content, holdAt ? { holdAt } : {});
  });

  /** After « un instant »: the held answer (from the signed URL), run again under the gather's own turn id. */
  routes.post('/voice/resume', async (c) => {
    const read = await readCall(c);
    if (!read.ok) return read.response;
    const turnId = turnOf(c);
    const heard = cleanBody(c.req.query('heard') ?? '', MAX_SPEECH_LENGTH);
    if (!turnId || !heard) return c.text('Bad resume action: the query must name the turn (?turn=N) and what was heard (&heard=…).', 400);
    const content: InboundContent = { type: 'text', text: heard, ...(c.req.query('uncertain') === '1' ? { uncertain: true } : {}) };
    return turn(c, read.call, `${read.call.callSid}:${turnId}`, content, { afterHold: true });
  });

  routes.post('/voice/dial', async (c) => {
    const read = await readCall(c);
    if (!read.ok) return read.response;
    const turnId = turnOf(c);
    if (!turnId) return c.text('Bad dial action: the query must name the turn (?turn=N).', 400);
    const outcome = dialOutcome(read.params);
    await deps.calls.transferred(read.call.callSid, outcome.status === 'answered' ? 'answered' : outcome.detail);
    return turn(c, read.call, `${read.call.callSid}:dial:${turnId}`, { type: 'status', status: outcome.status });
  });

  routes.post('/voice/whisper', async (c) => {
    const webhook = await readTwilioWebhook(c, deps);
    if (!webhook.ok) return webhook.response;
    const text = (c.req.query('text') ?? '').slice(0, 300);
    // Here `To` is the agent's number, not Relais': the agent hears the default voice.
    return xml(renderWhisper(text, voice.settings, voice.wording));
  });

  routes.post('/voice/status', async (c) => {
    const read = await readCall(c);
    if (!read.ok) return read.response;
    const status = read.params['CallStatus'] ?? 'unknown';
    const duration = Number.parseInt(read.params['CallDuration'] ?? '', 10);
    const known = await deps.calls.ended(read.call.callSid, status, Number.isFinite(duration) ? duration : undefined, deps.clock.now());
    deps.logger.info('voice.status', { callSid: read.call.callSid, status, duration, known });
    return c.body(null, 204);
  });

  return routes;
}

/** The turn an action URL names (`?turn=N`), part of the turn's id; undefined when missing or malformed. */
function turnOf(c: Context): string | undefined {
  const turn = c.req.query('turn') ?? '';
  return /^\d{1,6}$/.test(turn) ? turn : undefined;
}

/** Where a held turn resumes: the turn, and the words heard as the gather read them. */
function resumeUrl(base: string, turnId: string, content: Extract<InboundContent, { type: 'text' }>): string {
  const query = new URLSearchParams({ turn: turnId, heard: content.text, ...(content.uncertain ? { uncertain: '1' } : {}) });
  return `${base}/twilio/voice/resume?${query}`;
}

/** The public base URL (what Twilio calls): the configured one, else the request's origin. */
function publicBase(c: Context, deps: AppDeps): string {
  return (deps.config.publicBaseUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
}
