// The Node runtime's configuration, read from the environment in one place and validated.
import * as z from 'zod';
import { voiceEnvShape } from '../voice-env.js';
import { DEFAULT_DAILY_BUDGET, DEFAULT_UNDERSTANDING_MODEL } from '../understanding-env.js';
import { followUpEnvShape } from '../followup-env.js';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_PATH: z.string().min(1).default('./relais.sqlite'),
  PUBLIC_BASE_URL: z.url({ message: 'PUBLIC_BASE_URL must be a full URL such as https://relais.example.fr' }).optional(),
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  /** The optional online geocoder, e.g. https://geo.api.gouv.fr; off when unset. */
  GEO_API_BASE_URL: z.url({ message: 'GEO_API_BASE_URL must be a full URL such as https://geo.api.gouv.fr' }).optional(),
  TWILIO_ACCOUNT_SID: z.string().min(1).optional(),
  TWILIO_API_BASE_URL: z.url({ message: 'TWILIO_API_BASE_URL must be a full URL such as https://api.twilio.com' }).default('https://api.twilio.com'),
  /** The number (or messaging service) Relais sends SMS from, when it writes first. */
  TWILIO_SMS_FROM: z.string().min(1).optional(),
  /** Voice notes are transcribed only when this is set; everything else works without it. */
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_TRANSCRIBE_MODEL: z.string().min(1).optional(),
  /** The understanding model, asked only for messages the deterministic reader cannot read. */
  OPENAI_MODEL: z.string().min(1).default(DEFAULT_UNDERSTANDING_MODEL),
  /** Requests to the understanding model per department per day; 0 switches it off. */
  OPENAI_DAILY_BUDGET: z.coerce.number({ message: 'OPENAI_DAILY_BUDGET must be a whole number of requests, e.g. 200' }).int().min(0).default(DEFAULT_DAILY_BUDGET),
  META_APP_SECRET: z.string().min(1).optional(),
  META_VERIFY_TOKEN: z.string().min(1).optional(),
  META_ACCESS_TOKEN: z.string().min(1).optional(),
  META_API_BASE_URL: z.url({ message: 'META_API_BASE_URL must be a full URL such as https://graph.facebook.com' }).default('https://graph.facebook.com'),
  /** A JSON file listing each department's settings (see README). */
  DEPARTMENTS_FILE: z.string().min(1).optional(),
  ...voiceEnvShape,
  ...followUpEnvShape,
  /** Signs the workspace's sessions and CSRF tokens: a long random string (openssl rand -base64 32). */
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be a random string of 32 characters at least (openssl rand -base64 32)').optional(),
  /** Closed orientations are anonymised (the person's contact, the sender's number) after this many days. */
  ORIENTATION_RETENTION_DAYS: z.coerce.number({ message: 'ORIENTATION_RETENTION_DAYS must be a number of days' }).int().min(1).max(3650).default(365),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type NodeEnv = z.infer<typeof envSchema>;

/** Parses the environment; empty strings count as unset. Throws one message listing every bad variable. */
export function readNodeEnv(env: Record<string, string | undefined> = process.env): NodeEnv {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new Error(`Invalid configuration:\n${parsed.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return parsed.data;
}
