// npm run chat — talk to Relais in the terminal. Each line goes through the real SMS path: a Twilio-signed
// webhook into the same Hono app and the same SQLite file (DATABASE_PATH) that `npm start` uses.
import { createInterface } from 'node:readline/promises';
import { stdin, stdout } from 'node:process';
import { computeTwilioSignature } from '../src/channels/twilio/signature.js';
import { createPlaceRepository } from '../src/db/place-repository.js';
import { composeRelais, systemClock } from '../src/runtime/compose.js';
import { readNodeEnv } from '../src/runtime/node/env.js';
import { createConsoleLogger } from '../src/runtime/node/logger.js';
import { loadDirectory } from '../src/runtime/node/reference-data.js';
import { openSqliteDatabase } from '../src/runtime/node/sqlite.js';

const env = readNodeEnv();
const from = process.argv.find((a) => a.startsWith('--from='))?.slice(7) ?? '+33700000001';
// A token of the simulator's own: the webhook is signed and checked exactly as Twilio's would be.
const authToken = crypto.randomUUID();
const baseUrl = 'http://simulator.relais.local';
const database = openSqliteDatabase(env.DATABASE_PATH);
const { app } = composeRelais({
  database,
  directory: loadDirectory(await createPlaceRepository(database).all()),
  config: { publicBaseUrl: baseUrl, twilioAuthToken: authToken },
  clock: systemClock,
  logger: createConsoleLogger(process.env['LOG_LEVEL'] === 'info' ? 'info' : 'silent'),
});

async function send(text: string): Promise<string[]> {
  const params = { MessageSid: `SMsim${crypto.randomUUID().replace(/-/g, '')}`, From: from, To: '+33900000000', Body: text };
  const url = `${baseUrl}/twilio/sms`;
  const response = await app.request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': await computeTwilioSignature(authToken, url, params) },
    body: new URLSearchParams(params).toString(),
  });
  const xml = await response.text();
  return [...xml.matchAll(/<Message>([\s\S]*?)<\/Message>/g)].map((m) => unescapeXml(m[1]!));
}

const unescapeXml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

console.log(`Relais simulator: you are ${from} (database ${env.DATABASE_PATH}). Type your SMS; Ctrl+D to quit.\n`);
const rl = createInterface({ input: stdin, output: stdout, terminal: stdin.isTTY });
rl.setPrompt('vous > ');
rl.prompt();
for await (const line of rl) {
  for (const reply of await send(line)) console.log(`\nrelais > ${reply.replace(/\n/g, '\n         ')}\n`);
  rl.prompt();
}
database.close();
