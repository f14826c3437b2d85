// The Hono app, built from its dependencies: no environment, no driver choice, no global state.
// Both runtimes (Node, Workers) call createApp with what they built.
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ConversationService } from '../conversation/conversation-service.js';
import type { Clock, Logger } from '../conversation/ports.js';
import type { HmacSha1 } from '../channels/twilio/signature.js';
import type { OutboxDelivery } from '../conversation/outbox-delivery.js';
import type { MediaFetcher, Transcriber } from '../channels/whatsapp/voice-notes.js';
import type { VoiceWording } from '../../data/voice.fr.js';
import type { VoiceSettings } from '../channels/voice/twiml.js';
import type { CallRepository } from '../db/call-repository.js';
import type { DepartmentConfig } from '../directory/departments.js';
import { handoffRoutes } from './handoff.routes.js';
import { placesApiRoutes, type PlacesApiDeps } from './places-api.routes.js';
import type { WorkspaceDeps } from '../web/context.js';
import { workspaceRoutes } from '../web/workspace.routes.js';
import { orientationLinkRoutes } from '../web/orientation-links.routes.js';
import { smsRoutes } from './sms.routes.js';
import { voiceRoutes } from './voice.routes.js';
import { followUpCallRoutes, type FollowUpCallDeps } from './followup-call.routes.js';
import { metaWhatsAppRoutes, twilioWhatsAppRoutes } from './whatsapp.routes.js';

export interface AppConfig {
  /** The URL Twilio calls (scheme, host, optional prefix): signatures are checked against it, not the Host header. */
  publicBaseUrl?: string;
  /** Without it every Twilio webhook is refused: unsigned webhooks are never accepted. */
  twilioAuthToken?: string;
  /** Meta's WhatsApp Cloud API: without the app secret, Meta webhooks are refused. */
  meta?: { appSecret?: string; verifyToken?: string };
  /** The bearer token departments' platforms use to register hand-offs; without it, hand-offs are refused. */
  handoffApiToken?: string;
}

/** The phone line's settings: the voice and pace, how unsure recognition may be before a confirmation, its wording. */
export interface VoiceConfig {
  settings: VoiceSettings;
  minConfidence: number;
  wording: VoiceWording;
}

export interface AppDeps {
  conversations: ConversationService;
  config: AppConfig;
  clock: Clock;
  logger: Logger;
  /** French texts a channel needs outside any flow (technical error). */
  texts: { technicalError: string; whatsappListButton: string };
  /** Voice-note transcription (OpenAI) and media download; without them, notes get a kind « not yet ». */
  voiceNotes?: { transcribe: Transcriber; fetchMedia: MediaFetcher };
  /** Delivers Meta WhatsApp replies through the Graph API from the outbox (when configured). */
  whatsAppOutbox?: OutboxDelivery;
  /** A native HMAC-SHA1 where the runtime has one (Node); Web Crypto otherwise. */
  hmacSha1?: HmacSha1;
  voice: VoiceConfig;
  /** Calls and hand-offs. */
  calls: CallRepository;
  /** Each department's settings: its Relais number names it when called, with its own voice and pace. */
  departments?: Map<string, DepartmentConfig>;
  /** The department's workspace (/espace) and the platforms' place search (/api/places). */
  workspace?: WorkspaceDeps;
  placesApi?: PlacesApiDeps;
  /** A follow-up call's keys (POST /twilio/followup/gather), when Relais places such calls. */
  followUpCall?: FollowUpCallDeps;
}

/**
 * Request bodies are capped before they are read (by Content-Length, else while streaming): Twilio's form posts are
 * small (a 1,600-character SMS is at most ~20 KB encoded), Meta's batched JSON is bounded, a hand-off is a few fields.
 */
export const BODY_LIMITS = { twilio: 64 * 1024, meta: 1024 * 1024, api: 16 * 1024 } as const;

const limit = (maxSize: number): MiddlewareHandler => {
  // The rest of the body is never read: the connection is closed after the answer, so it cannot be reused mid-body.
  const tooLarge = (c: Context) => c.text(`Request body too large: ${maxSize} bytes at most on this route.`, 413, { Connection: 'close' });
  const streamed = bodyLimit({ maxSize, onError: tooLarge });
  // A declared length is checked from the headers alone, as Hono's bodyLimit does, but without touching the request's
  // body stream first: on Node that would build a full web Request per webhook and read its body through streams
  // (about a tenth of a turn's time); the route then reads the body once, directly. Chunked bodies are counted as
  // they stream, by Hono's bodyLimit.
  return (c, next) => {
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return streamed(c, next);
    return Number.parseInt(length, 10) > maxSize ? Promise.resolve(tooLarge(c)) : next();
  };
};

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use('/twilio/*', limit(BODY_LIMITS.twilio));
  app.use('/meta/*', limit(BODY_LIMITS.meta));
  app.use('/api/*', limit(BODY_LIMITS.api));
  app.get('/health', (c) => c.json({ status: 'ok', twilioWebhooks: deps.config.twilioAuthToken ? 'enabled' : 'refused: TWILIO_AUTH_TOKEN is not set' }));
  app.route('/twilio', smsRoutes(deps));
  app.route('/twilio', twilioWhatsAppRoutes(deps));
  app.route('/twilio', voiceRoutes(deps));
  if (deps.followUpCall) app.route('/twilio', followUpCallRoutes({ ...deps, followUpCall: deps.followUpCall }));
  app.route('/api', handoffRoutes(deps));
  if (deps.placesApi) app.route('/api', placesApiRoutes(deps.placesApi));
  if (deps.workspace) app.route('/espace', workspaceRoutes(deps.workspace));
  if (deps.workspace) app.route('/', orientationLinkRoutes(deps.workspace));
  app.route('/meta', metaWhatsAppRoutes(deps));
  app.notFound((c) => c.json({ error: `no route for ${c.req.method} ${new URL(c.req.url).pathname}` }, 404));
  app.onError((error, c) => {
    deps.logger.error('http.unhandled', { path: new URL(c.req.url).pathname, error: String(error?.stack ?? error) });
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
