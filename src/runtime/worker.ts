// The Cloudflare Workers entry: the same app on D1, with the reference data bundled into the Worker.
// Built once per isolate; configuration comes from bindings and secrets, never from process.env.
import type { D1Database, ExecutionContext } from '@cloudflare/workers-types/index.ts';
import type { Hono } from 'hono';
import { parseDepartments } from '../directory/departments.js';
import { composeRelais, systemClock } from './compose.js';
import { openD1Database } from './worker/d1.js';
import { bundledDirectory } from './worker/reference-data.js';
import { createWorkerLogger } from './worker/logger.js';

export interface WorkerEnv {
  DB: D1Database;
  PUBLIC_BASE_URL?: string;
  TWILIO_AUTH_TOKEN?: string;
  GEO_API_BASE_URL?: string;
  /** The departments' settings, as a JSON array (see README). */
  DEPARTMENTS?: string;
}

let cached: { binding: D1Database; app: Hono } | undefined;

function appFor(env: WorkerEnv): Hono {
  if (cached?.binding !== env.DB) {
    const { app } = composeRelais({
      database: openD1Database(env.DB),
      directory: bundledDirectory(),
      config: { publicBaseUrl: env.PUBLIC_BASE_URL || undefined, twilioAuthToken: env.TWILIO_AUTH_TOKEN || undefined },
      clock: systemClock,
      logger: createWorkerLogger(),
      geoApiBaseUrl: env.GEO_API_BASE_URL || undefined,
      ...(env.DEPARTMENTS ? { departments: parseDepartments(JSON.parse(env.DEPARTMENTS)) } : {}),
    });
    cached = { binding: env.DB, app };
  }
  return cached.app;
}

export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Response | Promise<Response> {
    return appFor(env).fetch(request, env, ctx as never);
  },
};
