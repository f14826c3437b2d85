// The Node entry (`npm start`): reads the environment, starts Relais, says where to point Twilio.
import { readNodeEnv } from './node/env.js';
import { createConsoleLogger } from './node/logger.js';
import { readFileSync } from 'node:fs';
import { parseDepartments } from '../directory/departments.js';
import { startRelais } from './node/server.js';
import { voicePartsOf } from './voice-env.js';
import { followUpSettingsOf, followUpTemplatesOf, schedulerDisabled } from './followup-env.js';

const env = readNodeEnv();
const logger = createConsoleLogger(env.LOG_LEVEL);
const departments = env.DEPARTMENTS_FILE ? parseDepartments(JSON.parse(readFileSync(env.DEPARTMENTS_FILE, 'utf8'))) : undefined;
const relais = await startRelais({
  ...(departments ? { departments } : {}),
  port: env.PORT,
  databasePath: env.DATABASE_PATH,
  publicBaseUrl: env.PUBLIC_BASE_URL,
  twilioAuthToken: env.TWILIO_AUTH_TOKEN,
  geoApiBaseUrl: env.GEO_API_BASE_URL,
  ...(env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_SMS_FROM
    ? { twilioApi: { baseUrl: env.TWILIO_API_BASE_URL, accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN, from: env.TWILIO_SMS_FROM } }
    : {}),
  ...(env.OPENAI_API_KEY
    ? { openAi: { apiKey: env.OPENAI_API_KEY, ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}), ...(env.OPENAI_TRANSCRIBE_MODEL ? { model: env.OPENAI_TRANSCRIBE_MODEL } : {}) } }
    : {}),
  ...(env.OPENAI_API_KEY ? { understanding: { model: env.OPENAI_MODEL, dailyBudget: env.OPENAI_DAILY_BUDGET } } : {}),
  meta: { appSecret: env.META_APP_SECRET, verifyToken: env.META_VERIFY_TOKEN, accessToken: env.META_ACCESS_TOKEN, apiBaseUrl: env.META_API_BASE_URL },
  handoffApiToken: env.HANDOFF_API_TOKEN,
  voice: voicePartsOf(env),
  ...(env.SESSION_SECRET ? { sessionSecret: env.SESSION_SECRET } : {}),
  orientationRetentionDays: env.ORIENTATION_RETENTION_DAYS,
  followUps: { settings: followUpSettingsOf(env), ...followUpTemplatesOf(env) },
  disableScheduler: schedulerDisabled(env),
  logger,
});

const base = env.PUBLIC_BASE_URL?.replace(/\/+$/, '') ?? `http://localhost:${relais.port}`;
console.log(`
Relais is running on port ${relais.port} (database: ${env.DATABASE_PATH})
  Health:             ${base}/health
  Twilio SMS webhook: POST ${base}/twilio/sms
  Twilio WhatsApp:    POST ${base}/twilio/whatsapp
  Twilio Voice:       POST ${base}/twilio/voice  (status callback: POST ${base}/twilio/voice/status)
  Hand-offs API:      POST ${base}/api/handoffs${env.HANDOFF_API_TOKEN ? '' : ' (refused until HANDOFF_API_TOKEN is set)'}
  Meta WhatsApp:      GET|POST ${base}/meta/whatsapp${env.META_APP_SECRET ? '' : ' (refused until META_APP_SECRET is set)'}
  Workspace:          ${base}/espace${env.SESSION_SECRET ? ' (first administrator: npm run admin:create -- --departement 48 --email …)' : ' (503 until SESSION_SECRET is set)'}
  Understanding model: ${env.OPENAI_API_KEY ? `${env.OPENAI_MODEL}, ${env.OPENAI_DAILY_BUDGET} requests per department per day (a department switches it off in Réglages)` : 'off (OPENAI_API_KEY unset): the deterministic reader alone'}
  Follow-ups:         ${schedulerDisabled(env) ? 'scheduler off (DISABLE_SCHEDULER=1)' : 'scheduler on, every minute'}; check tomorrow's with npm run followups -- --dry-run --at <date>
  Try it without a phone, in another terminal:  npm run chat
${env.TWILIO_AUTH_TOKEN ? '' : '\n  ! TWILIO_AUTH_TOKEN is not set: Twilio webhooks are refused (403) until it is. The simulator works.\n'}${
  env.PUBLIC_BASE_URL ? '' : '  ! PUBLIC_BASE_URL is not set: signatures are checked against the request URL, which fails behind a proxy.\n'
}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void relais.close().then(() => process.exit(0)));
}
