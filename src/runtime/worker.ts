// The Cloudflare Workers entry: the same app on D1, with the reference data bundled into the Worker and the places
// imported into D1 read once per isolate. Configuration comes from bindings and secrets, never from process.env.
import type { D1Database, ExecutionContext, ScheduledController } from '@cloudflare/workers-types/index.ts';
import type { Hono } from 'hono';
import { parseDepartments } from '../directory/departments.js';
import { composeRelais, systemClock } from './compose.js';
import { createPlaceRepository } from '../db/place-repository.js';
import { createDepartmentRepository } from '../db/department-repository.js';
import { openD1Database } from './worker/d1.js';
import { readVoiceEnv, voicePartsOf } from './voice-env.js';
import { followUpSettingsOf, followUpTemplatesOf, readFollowUpEnv, schedulerDisabled } from './followup-env.js';
import type { Scheduler } from '../followups/scheduler.js';
import { bundledReferenceData } from './worker/reference-data.js';
import { createWorkerLogger } from './worker/logger.js';
import { fetchChatCompletionsClient } from '../knowledge/understanding/chat-completions.js';
import { dailyBudgetOf, DEFAULT_UNDERSTANDING_MODEL } from './understanding-env.js';

export interface WorkerEnv {
  DB: D1Database;
  PUBLIC_BASE_URL?: string;
  TWILIO_AUTH_TOKEN?: string;
  GEO_API_BASE_URL?: string;
  TWILIO_ACCOUNT_SID?: string;
  TWILIO_API_BASE_URL?: string;
  TWILIO_SMS_FROM?: string;
  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  OPENAI_MODEL?: string;
  OPENAI_DAILY_BUDGET?: string;
  META_APP_SECRET?: string;
  META_VERIFY_TOKEN?: string;
  META_ACCESS_TOKEN?: string;
  META_API_BASE_URL?: string;
  /** The departments' settings, as a JSON array (see README). */
  DEPARTMENTS?: string;
  HANDOFF_API_TOKEN?: string;
  VOICE_NAME?: string;
  VOICE_RATE_PERCENT?: string;
  VOICE_SPEECH_TIMEOUT?: string;
  VOICE_MIN_CONFIDENCE?: string;
  /** Signs the workspace's sessions; without it /espace answers 503. */
  SESSION_SECRET?: string;
  /** Workers static assets: the DSFR files (wrangler.toml, [assets]). */
  ASSETS?: { fetch(request: Request): Promise<Response> };
  /** Follow-ups: sending hours, delays, Meta's and Twilio's WhatsApp templates (see README, « Suivis »); DISABLE_SCHEDULER=1 ignores the cron. */
  FOLLOWUP_HOURS?: string;
  FOLLOWUP_REMINDER_DAYS_BEFORE?: string;
  FOLLOWUP_VERIFICATION_DAYS?: string;
  FOLLOWUP_EVALUATION_DAYS?: string;
  META_TEMPLATES?: string;
  TWILIO_WHATSAPP_TEMPLATES?: string;
  DISABLE_SCHEDULER?: string;
}

/** The daily Cron Trigger (wrangler.toml) also runs the retention purge; the every-minute one sends follow-ups. */
const PURGE_CRON = '17 3 * * *';


interface BuiltRelais {
  app: Hono;
  scheduler: Scheduler;
}

let cached: { binding: D1Database; app: Promise<BuiltRelais> } | undefined;

async function buildApp(env: WorkerEnv): Promise<BuiltRelais> {
  // A bad value is a deployment error: the start fails with the variable named, and the next request retries.
  const voiceEnv = readVoiceEnv(env as unknown as Record<string, unknown>);
  const followUpEnv = readFollowUpEnv(env as unknown as Record<string, unknown>);
  const database = openD1Database(env.DB);
  // The DEPARTMENTS variable seeds the departments table; D1 holds them from then on (edited in Réglages).
  const departmentRepository = createDepartmentRepository(database);
  if (env.DEPARTMENTS) await departmentRepository.seed(parseDepartments(JSON.parse(env.DEPARTMENTS)).values(), Date.now());
  const departments = await departmentRepository.all();
  const { app, scheduler } = composeRelais({
    database,
    ...bundledReferenceData(await createPlaceRepository(database).all()),
    config: {
      publicBaseUrl: env.PUBLIC_BASE_URL || undefined,
      twilioAuthToken: env.TWILIO_AUTH_TOKEN || undefined,
      meta: { appSecret: env.META_APP_SECRET || undefined, verifyToken: env.META_VERIFY_TOKEN || undefined },
      handoffApiToken: voiceEnv.HANDOFF_API_TOKEN,
    },
    voice: voicePartsOf(voiceEnv),
    ...(env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_SMS_FROM
      ? { twilioApi: { baseUrl: env.TWILIO_API_BASE_URL || 'https://api.twilio.com', accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN, from: env.TWILIO_SMS_FROM } }
      : {}),
    ...(env.OPENAI_API_KEY ? { openAi: { apiKey: env.OPENAI_API_KEY, ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}) } } : {}),
    // The same chat completions wire format as the `openai` package, spoken with fetch (the package would not fit).
    ...(env.OPENAI_API_KEY
      ? {
          understandingModel: {
            client: fetchChatCompletionsClient({ apiKey: env.OPENAI_API_KEY, ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}) }),
            model: env.OPENAI_MODEL || DEFAULT_UNDERSTANDING_MODEL,
            dailyBudget: dailyBudgetOf(env.OPENAI_DAILY_BUDGET),
          },
        }
      : {}),
    ...(env.META_ACCESS_TOKEN ? { metaApi: { baseUrl: env.META_API_BASE_URL || 'https://graph.facebook.com', accessToken: env.META_ACCESS_TOKEN } } : {}),
    clock: systemClock,
    logger: createWorkerLogger(),
    geoApiBaseUrl: env.GEO_API_BASE_URL || undefined,
    departments,
    workspace: {
      sessionSecret: env.SESSION_SECRET || undefined,
      assets: env.ASSETS ? assetsFrom(env.ASSETS) : undefined,
    },
    followUps: {
      settings: followUpSettingsOf(followUpEnv),
      ...followUpTemplatesOf(followUpEnv),
      owner: `worker-${crypto.randomUUID()}`,
    },
  });
  return { app, scheduler };
}

/** DSFR's files from the static assets binding; a missing file is a 404, not the Worker's answer. */
function assetsFrom(binding: NonNullable<WorkerEnv['ASSETS']>) {
  return async (path: string): Promise<Response | undefined> => {
    const response = await binding.fetch(new Request(`https://assets.local/${path}`));
    return response.ok ? response : undefined;
  };
}

function relaisFor(env: WorkerEnv): Promise<BuiltRelais> {
  if (cached?.binding !== env.DB) {
    const app = buildApp(env);
    // A failed start (D1 unreachable) is retried by the next request rather than cached.
    app.catch(() => (cached = undefined));
    cached = { binding: env.DB, app };
  }
  return cached.app;
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    return (await relaisFor(env)).app.fetch(request, env, ctx as never);
  },

  /** The Cron Triggers: the same scheduler tick as Node's timer (follow-ups, outbox retries; the purge daily). */
  async scheduled(controller: ScheduledController, env: WorkerEnv, ctx: ExecutionContext): Promise<void> {
    if (schedulerDisabled(readFollowUpEnv(env as unknown as Record<string, unknown>))) return;
    const { scheduler } = await relaisFor(env);
    ctx.waitUntil(scheduler.tick({ purge: controller.cron === PURGE_CRON }).then(() => undefined));
  },
};
