// Starts Relais on Node: embedded SQLite, embedded reference data, a real HTTP server. Used by `npm start`,
// by the tests (a fresh database file each suite) and by the benchmark.
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Clock, Logger } from '../../conversation/ports.js';
import type { FlowDefinition } from '../../engine/flow-schema.js';
import type { DepartmentConfig } from '../../directory/departments.js';
import { composeRelais, ORIENTATION_RETENTION_DAYS, RETENTION_DAYS, systemClock, type RelaisParts } from '../compose.js';
import { createHmac } from 'node:crypto';
import type { HmacSha1 } from '../../channels/twilio/signature.js';
import { createConsoleLogger } from './logger.js';
import { createPlaceRepository } from '../../db/place-repository.js';
import { loadReferenceData } from './reference-data.js';
import { openSqliteDatabase } from './sqlite.js';
import { createDepartmentRepository } from '../../db/department-repository.js';
import type { SessionPolicy } from '../../db/account-repository.js';
import { getConnInfo } from '@hono/node-server/conninfo';
import { dsfrAssets } from './dsfr-assets.js';
import { openAiChatCompletionsClient } from './openai-chat.js';

export interface NodeServerOptions {
  port: number;
  host?: string;
  databasePath: string;
  publicBaseUrl?: string;
  twilioAuthToken?: string;
  clock?: Clock;
  logger?: Logger;
  flowDefinitions?: FlowDefinition[];
  geoApiBaseUrl?: string;
  departments?: Map<string, DepartmentConfig>;
  /** Twilio's REST API, to send SMS Relais writes first (its base URL is a fake in tests). */
  twilioApi?: { baseUrl: string; accountSid: string; authToken: string; from: string };
  /** OpenAI, to transcribe voice notes (its base URL is a fake in tests); off when unset. */
  openAi?: { apiKey: string; baseURL?: string; model?: string };
  /** The understanding model, through `openAi`'s key and base URL (the `openai` package); off when unset. */
  understanding?: { model: string; dailyBudget: number };
  /** Meta's WhatsApp Cloud API: webhook secrets, and the Graph API to answer (its base URL is a fake in tests). */
  meta?: { appSecret?: string; verifyToken?: string; accessToken?: string; apiBaseUrl: string };
  /** The bearer token of POST /api/handoffs; refused without it. */
  handoffApiToken?: string;
  /** The phone line's voice, pace and confidence floor, over the defaults. */
  voice?: RelaisParts['voice'];
  /** Signs the workspace's sessions and CSRF tokens; without it /espace answers 503. */
  sessionSecret?: string;
  /** The workspace's session expiry, over the defaults (tests shorten it). */
  sessionPolicy?: SessionPolicy;
  /** Closed orientations are anonymised after this many days (ORIENTATION_RETENTION_DAYS, 365 by default). */
  orientationRetentionDays?: number;
  /** Follow-ups: delays, sending hours, Meta templates, the landline call (see RelaisParts). */
  followUps?: RelaisParts['followUps'];
  /** No scheduler in this process (DISABLE_SCHEDULER=1: a second process on the same database). */
  disableScheduler?: boolean;
  /** How often the scheduler ticks (a minute by default). */
  schedulerIntervalMs?: number;
}

/** Node's own HMAC: synchronous, with no trip through the thread pool as Web Crypto takes. */
export const nodeHmacSha1: HmacSha1 = (key, data) => createHmac('sha1', key).update(data, 'utf8').digest('base64');

export { ORIENTATION_RETENTION_DAYS, RETENTION_DAYS };
const DAY_MS = 86_400_000;

export interface RunningRelais {
  /** Runs the retention purge now (it also runs at start and daily). */
  purge(): Promise<void>;
  /** Retries the replies waiting in the outbox now (it also runs every minute); returns how many were delivered. */
  retryOutbox(): Promise<number>;
  /** Sends the follow-ups due now (the scheduler also does, every minute); returns how many went out. */
  runFollowUps(): Promise<number>;
  url: string;
  port: number;
  server: ServerType;
  close(): Promise<void>;
}

export async function startRelais(options: NodeServerOptions): Promise<RunningRelais> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createConsoleLogger();
  const database = openSqliteDatabase(options.databasePath);
  const imported = await createPlaceRepository(database).all();
  const { directory, atlas } = loadReferenceData(imported);
  // The JSON settings seed the departments table; the database holds them from then on (edited in Réglages).
  const departmentRepository = createDepartmentRepository(database);
  await departmentRepository.seed(options.departments?.values() ?? [], clock.now());
  const departments = await departmentRepository.all();
  const { app, whatsAppOutbox, scheduler, followUps, purge: purgeRows } = composeRelais({
    database,
    directory,
    atlas,
    ...(options.orientationRetentionDays ? { orientationRetentionDays: options.orientationRetentionDays } : {}),
    config: {
      publicBaseUrl: options.publicBaseUrl,
      twilioAuthToken: options.twilioAuthToken,
      meta: { appSecret: options.meta?.appSecret, verifyToken: options.meta?.verifyToken },
      handoffApiToken: options.handoffApiToken,
    },
    ...(options.voice ? { voice: options.voice } : {}),
    ...(options.twilioApi ? { twilioApi: options.twilioApi } : {}),
    ...(options.openAi ? { openAi: options.openAi } : {}),
    ...(options.openAi && options.understanding
      ? { understandingModel: { client: openAiChatCompletionsClient(options.openAi), model: options.understanding.model, dailyBudget: options.understanding.dailyBudget } }
      : {}),
    ...(options.meta?.accessToken ? { metaApi: { baseUrl: options.meta.apiBaseUrl, accessToken: options.meta.accessToken } } : {}),
    clock,
    logger,
    flowDefinitions: options.flowDefinitions,
    hmacSha1: nodeHmacSha1,
    geoApiBaseUrl: options.geoApiBaseUrl,
    departments,
    workspace: {
      sessionSecret: options.sessionSecret,
      assets: dsfrAssets(),
      clientIp: (c) => getConnInfo(c).remote.address ?? 'inconnue',
      ...(options.sessionPolicy ? { sessionPolicy: options.sessionPolicy } : {}),
    },
    ...(options.followUps ? { followUps: options.followUps } : {}),
  });

  const purge = async () => {
    const removed = await purgeRows();
    if (removed > 0) logger.info('retention.purged', { rows: removed });
  };
  const retryOutbox = async () => (whatsAppOutbox ? whatsAppOutbox.retryDue() : 0);
  const runFollowUps = async () => (await followUps.runDue()).sent;
  // The scheduler: every minute, the follow-ups due and the outbox's retries; the retention purge at start and daily.
  // Off with DISABLE_SCHEDULER=1, for a second process on the same file (the leases make two runners safe anyway).
  let schedulerTimer: ReturnType<typeof setInterval> | undefined;
  if (!options.disableScheduler) {
    await purge();
    let lastPurge = clock.now();
    schedulerTimer = setInterval(() => {
      const purgeNow = clock.now() - lastPurge >= DAY_MS;
      if (purgeNow) lastPurge = clock.now();
      void scheduler.tick({ purge: purgeNow });
    }, options.schedulerIntervalMs ?? 60_000);
    schedulerTimer.unref();
  }

  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host ?? '0.0.0.0' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    purge,
    retryOutbox,
    runFollowUps,
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        if (schedulerTimer) clearInterval(schedulerTimer);
        server.close(() => {
          database.close();
          resolve();
        });
      }),
  };
}
