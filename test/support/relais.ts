// Starts the real Relais (HTTP server, fresh SQLite file) for a suite, and texts it as Twilio would:
// form posts signed with the `twilio` package's own signature function.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import twilio from 'twilio';
import type { Clock, Logger } from '../../src/conversation/ports.js';
import type { FlowDefinition } from '../../src/engine/flow-schema.js';
import type { DepartmentConfig } from '../../src/directory/departments.js';
import { startRelais, type NodeServerOptions, type RunningRelais } from '../../src/runtime/node/server.js';
import { TwimlCall, type CallOptions } from './twiml-walker.js';

export const PUBLIC_BASE_URL = 'https://relais.example.fr';
export const AUTH_TOKEN = 'test-auth-token-0123456789abcdef';

/** A clock the test moves by hand, so that expiry and follow-ups need no waiting. */
export class ManualClock implements Clock {
  constructor(public current = Date.UTC(2026, 10, 23, 9, 0)) {}
  now() {
    return this.current;
  }
  advanceHours(hours: number) {
    this.current += hours * 3_600_000;
  }
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export interface TestRelais extends RunningRelais {
  databasePath: string;
  clock: ManualClock;
  /** Opens the same SQLite file read-only, to check what was stored. */
  query<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[];
  sms(from: string, body: string, options?: SmsOptions): Promise<SmsReply>;
  /** Calls Relais as Twilio would, through the TwiML walker (signed requests, every document checked). */
  call(from: string, options?: Partial<CallOptions>): Promise<TwimlCall>;
  stop(): Promise<void>;
}

export interface SmsOptions {
  messageSid?: string;
  signature?: string | null;
  extraParams?: Record<string, string>;
  token?: string;
  /** The public address the service signs against (the bench's own). */
  publicBaseUrl?: string;
}

export interface SmsReply {
  status: number;
  body: string;
  messages: string[];
}

let sidCounter = 0;
export const newSid = () => `SM${Date.now().toString(16)}${(sidCounter++).toString(16).padStart(8, '0')}${'0'.repeat(8)}`;

export interface TestRelaisOptions {
  twilioAuthToken?: string | null;
  /** Reuse a database file (to restart the service on the same data); a fresh one otherwise. */
  databasePath?: string;
  flowDefinitions?: FlowDefinition[];
  clock?: ManualClock;
  geoApiBaseUrl?: string;
  departments?: Map<string, DepartmentConfig>;
  meta?: NodeServerOptions['meta'];
  twilioApi?: NodeServerOptions['twilioApi'];
  openAi?: NodeServerOptions['openAi'];
  understanding?: NodeServerOptions['understanding'];
  handoffApiToken?: string;
  voice?: NodeServerOptions['voice'];
  /** Where the service's log lines go (silent by default). */
  logger?: Logger;
  /** The workspace's secret; without it /espace answers 503. */
  sessionSecret?: string;
  sessionPolicy?: NodeServerOptions['sessionPolicy'];
  followUps?: NodeServerOptions['followUps'];
  disableScheduler?: boolean;
}

export async function startTestRelais(options: TestRelaisOptions = {}): Promise<TestRelais> {
  const dir = mkdtempSync(join(tmpdir(), 'relais-test-'));
  const databasePath = options.databasePath ?? join(dir, 'relais.sqlite');
  const clock = options.clock ?? new ManualClock();
  const running = await startRelais({
    port: 0,
    host: '127.0.0.1',
    databasePath,
    publicBaseUrl: PUBLIC_BASE_URL,
    twilioAuthToken: options.twilioAuthToken === null ? undefined : (options.twilioAuthToken ?? AUTH_TOKEN),
    clock,
    logger: options.logger ?? silentLogger,
    flowDefinitions: options.flowDefinitions,
    geoApiBaseUrl: options.geoApiBaseUrl,
    ...(options.departments ? { departments: options.departments } : {}),
    ...(options.meta ? { meta: options.meta } : {}),
    ...(options.twilioApi ? { twilioApi: options.twilioApi } : {}),
    ...(options.openAi ? { openAi: options.openAi } : {}),
    ...(options.understanding ? { understanding: options.understanding } : {}),
    ...(options.handoffApiToken ? { handoffApiToken: options.handoffApiToken } : {}),
    ...(options.voice ? { voice: options.voice } : {}),
    ...(options.sessionSecret ? { sessionSecret: options.sessionSecret } : {}),
    ...(options.sessionPolicy ? { sessionPolicy: options.sessionPolicy } : {}),
    ...(options.followUps ? { followUps: options.followUps } : {}),
    ...(options.disableScheduler ? { disableScheduler: true } : {}),
  });
  const reader = new Database(databasePath, { readonly: true, fileMustExist: true });
  return {
    ...running,
    databasePath,
    clock,
    query: (sql, ...params) => reader.prepare(sql).all(...params) as never,
    sms: (from, body, opts = {}) => postSms(running.url, from, body, opts),
    call: (from, opts = {}) => TwimlCall.start({ serverUrl: running.url, publicBaseUrl: PUBLIC_BASE_URL, authToken: AUTH_TOKEN, from, to: '+33939000000', ...opts }),
    async stop() {
      reader.close();
      await running.close();
      if (!options.databasePath) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function postSms(serverUrl: string, from: string, body: string, opts: SmsOptions = {}): Promise<SmsReply> {
  const params: Record<string, string> = {
    MessageSid: opts.messageSid ?? newSid(),
    AccountSid: 'AC00000000000000000000000000000000',
    From: from,
    To: '+33939000000',
    Body: body,
    NumMedia: '0',
    ...opts.extraParams,
  };
  const signature =
    opts.signature === undefined ? twilio.getExpectedTwilioSignature(opts.token ?? AUTH_TOKEN, `${opts.publicBaseUrl ?? PUBLIC_BASE_URL}/twilio/sms`, params) : opts.signature;
  const response = await fetch(`${serverUrl}/twilio/sms`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(signature === null ? {} : { 'X-Twilio-Signature': signature }) },
    body: new URLSearchParams(params).toString(),
  });
  const text = await response.text();
  return { status: response.status, body: text, messages: parseMessages(text) };
}

export function parseMessages(twiml: string): string[] {
  return [...twiml.matchAll(/<Message>([\s\S]*?)<\/Message>/g)].map((m) =>
    m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
  );
}
