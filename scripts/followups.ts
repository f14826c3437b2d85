// npm run followups -- --dry-run --at 2026-12-01T09:00
// Lists, without sending anything, what the scheduler would send at that moment from the SQLite file (DATABASE_PATH):
// to whom (the number masked), which kind, on which channel, or why not (quiet hours, STOP, a window). A date-time
// without an offset is Paris time. Without --dry-run, sends what is due now, once (as one scheduler tick would).
import { parseArgs } from 'node:util';
import { followUpLabels } from '../data/followups.fr.js';
import { sessionWording } from '../data/labels.fr.js';
import { MAIN_FLOW_ID, loadFlows } from '../flows/index.js';
import { createTwilioSmsSender } from '../src/channels/sms/twilio-rest.js';
import { createGraphApiSender } from '../src/channels/whatsapp/graph-api.js';
import { createConversationStore } from '../src/db/conversation-store.js';
import { createOrientationRepository } from '../src/db/orientation-repository.js';
import { createScheduleRepository } from '../src/db/schedule-repository.js';
import { settledOrientationCheck } from '../src/orientations/follow-through.js';
import { parisLocalToEpoch } from '../src/directory/hours.js';
import { sessionDate } from '../src/directory/workshop-services.js';
import { DEFAULT_FOLLOWUP_SETTINGS, maskedNumber } from '../src/followups/plan.js';
import { whatsAppFollowUpChannels } from '../src/followups/whatsapp-channels.js';
import { createFollowUpRunner, type FollowUpChannels } from '../src/followups/runner.js';
import { followUpSettingsOf } from '../src/runtime/followup-env.js';
import { createConsoleLogger } from '../src/runtime/node/logger.js';
import { readNodeEnv } from '../src/runtime/node/env.js';
import { openSqliteDatabase } from '../src/runtime/node/sqlite.js';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const usage = 'usage: npm run followups -- --dry-run --at 2026-12-01T09:00   (Paris time, or with an offset: 2026-12-01T08:00Z)';

/** An ISO date-time; without an offset it is read as Paris wall-clock time, as operators think of it. */
function parseMoment(text: string): number | undefined {
  const local = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2})?)?$/.exec(text);
  if (local) {
    const [year, month, day, hour, minute] = local.slice(1).map((v) => Number(v ?? 0));
    if (month! < 1 || month! > 12 || day! < 1 || day! > 31 || hour! > 23 || minute! > 59) return undefined;
    return parisLocalToEpoch(year!, month!, day!, hour!, minute!);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return undefined;
  const epoch = Date.parse(text);
  return Number.isNaN(epoch) ? undefined : epoch;
}

const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false }, at: { type: 'string' } } });
const env = readNodeEnv();
const dryRun = values['dry-run'];
if (values.at !== undefined && !dryRun) fail(`--at is for --dry-run only: a real run sends what is due now\n${usage}`);
const at = values.at === undefined ? Date.now() : (parseMoment(values.at) ?? fail(`--at: "${values.at}" is not an ISO date-time such as 2026-12-01T09:00\n${usage}`));

const database = openSqliteDatabase(env.DATABASE_PATH);
const channels: FollowUpChannels = {
  ...(env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_SMS_FROM
    ? { sms: createTwilioSmsSender({ baseUrl: env.TWILIO_API_BASE_URL, accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN, from: env.TWILIO_SMS_FROM }) }
    : {}),
  ...whatsAppFollowUpChannels({
    metaSender: env.META_ACCESS_TOKEN ? createGraphApiSender({ baseUrl: env.META_API_BASE_URL, accessToken: env.META_ACCESS_TOKEN }) : undefined,
    metaTemplates: env.META_TEMPLATES,
    twilioApi: env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_SMS_FROM
      ? { baseUrl: env.TWILIO_API_BASE_URL, accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN }
      : undefined,
    twilioTemplates: env.TWILIO_WHATSAPP_TEMPLATES,
  }),
};
const runner = createFollowUpRunner({
  schedule: createScheduleRepository(database),
  store: createConversationStore(database),
  flows: loadFlows(),
  mainFlowId: MAIN_FLOW_ID,
  clock: { now: () => (dryRun ? at : Date.now()) },
  logger: createConsoleLogger(dryRun ? 'silent' : env.LOG_LEVEL),
  settings: { ...DEFAULT_FOLLOWUP_SETTINGS, ...followUpSettingsOf(env) },
  channels,
  owner: `cli-${process.pid}`,
  formatMoment: (epoch) => sessionDate(epoch, sessionWording),
  noLongerWanted: settledOrientationCheck(createOrientationRepository(database)),
});

if (dryRun) {
  const lines = await runner.preview(at);
  console.log(`À ${sessionDate(at, sessionWording)} (${new Date(at).toISOString()}), ${lines.length} suivi(s) dû(s) — rien n'est envoyé :`);
  for (const { row, decision } of lines) {
    const verdict = decision.action === 'send' ? followUpLabels.send : `non envoyé : ${decision.reason}`;
    const cells = [`#${row.id}`, maskedNumber(row.contactAddress), followUpLabels.kinds[row.kind] ?? row.kind, followUpLabels.channels[row.channel] ?? row.channel, verdict];
    console.log(`  ${cells.join('  |  ')}`);
  }
} else {
  // Until nothing is due: another runner (the server's) may share the work; the leases keep each send single.
  let sent = 0;
  let claimed = 0;
  for (;;) {
    const round = await runner.runDue();
    if (round.claimed === 0) break;
    sent += round.sent;
    claimed += round.claimed;
  }
  console.log(`${sent} suivi(s) envoyé(s) sur ${claimed} dû(s).`);
}
database.close();
