// The Workers build stays honest: start `wrangler dev` (local D1, no network), apply the migrations,
// and exchange Twilio-signed SMS turns and a phone call with it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../support/import.js';
import { UNREADABLE_BY_RULES } from '../support/model-pair.js';
import { AUTH_TOKEN, ManualClock, postSms, PUBLIC_BASE_URL, startTestRelais, type TestRelais } from '../support/relais.js';
import { TwimlCall } from '../support/twiml-walker.js';
import { PASSWORD, SESSION_SECRET, textOf, WebClient } from '../support/workspace.js';
import { modelAnswer, startFakeOpenAi, type FakeOpenAi } from '../../scripts/fake-openai.js';

const HANDOFF_TOKEN = 'worker-handoff-token-0123456789';

const root = new URL('../../', import.meta.url).pathname;
const wrangler = join(root, 'node_modules/.bin/wrangler');
const quietEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1', WRANGLER_LOG: 'warn' };

let persistDir: string;
let child: ChildProcess | undefined;
let url: string;
let output = '';
/** Relais on Node, beside the Worker, to compare their answers. */
let node: TestRelais;
/** OpenAI's chat completions for the understanding model (it answers 500, « as without a model », unless told). */
let openAi: FakeOpenAi;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function waitForHealth(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (child?.exitCode !== null) throw new Error(`wrangler dev exited:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`wrangler dev did not answer /health in time:\n${output}`);
}

beforeAll(async () => {
  persistDir = mkdtempSync(join(tmpdir(), 'relais-d1-'));
  const migrate = spawnSync(wrangler, ['d1', 'migrations', 'apply', 'relais', '--local', '--persist-to', persistDir], {
    cwd: root,
    env: quietEnv,
    encoding: 'utf8',
    input: 'y\n',
  });
  if (migrate.status !== 0) throw new Error(`d1 migrations failed:\n${migrate.stdout}\n${migrate.stderr}`);
  // Places imported for D1: the import command writes SQL, wrangler applies it, the Worker reads it at start.
  const sqlFile = join(persistDir, 'places.sql');
  runImport(join(persistDir, 'unused.sqlite'), 'france-services', join(root, 'test/fixtures/import/france-services-small.csv'), '--sql', sqlFile);
  const load = spawnSync(wrangler, ['d1', 'execute', 'relais', '--local', '--persist-to', persistDir, '--file', sqlFile, '--yes'], { cwd: root, env: quietEnv, encoding: 'utf8' });
  if (load.status !== 0) throw new Error(`d1 execute failed:\n${load.stdout}\n${load.stderr}`);
  // The workspace: a department whose Relais SMS number is the one texted below, and its administrator, written as
  // SQL by the operator's own command (`npm run admin:create -- --sql`) and applied by wrangler.
  const departmentsFile = join(persistDir, 'departements.json');
  writeFileSync(departmentsFile, JSON.stringify([{ code: '48', name: 'Lozère', smsNumber: '+33939000000' }]));
  const adminSql = join(persistDir, 'admin.sql');
  const created = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/admin-create.ts'), '--departement', '48', '--email', 'admin@lozere.fr', '--sql', adminSql], {
    cwd: root,
    env: { ...process.env, RELAIS_ADMIN_PASSWORD: PASSWORD, DEPARTMENTS_FILE: departmentsFile, DATABASE_PATH: join(persistDir, 'untouched.sqlite') },
    encoding: 'utf8',
  });
  if (created.status !== 0) throw new Error(`admin:create --sql failed:\n${created.stdout}\n${created.stderr}`);
  const seed = spawnSync(wrangler, ['d1', 'execute', 'relais', '--local', '--persist-to', persistDir, '--yes', '--file', adminSql], { cwd: root, env: quietEnv, encoding: 'utf8' });
  if (seed.status !== 0) throw new Error(`d1 execute failed:\n${seed.stdout}\n${seed.stderr}`);
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  openAi = await startFakeOpenAi();
  child = spawn(
    wrangler,
    ['dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persistDir, '--var', `TWILIO_AUTH_TOKEN:${AUTH_TOKEN}`, '--var', `PUBLIC_BASE_URL:${PUBLIC_BASE_URL}`, '--var', `HANDOFF_API_TOKEN:${HANDOFF_TOKEN}`, '--var', `SESSION_SECRET:${SESSION_SECRET}`, '--var', 'OPENAI_API_KEY:sk-test', '--var', `OPENAI_BASE_URL:${openAi.baseURL}`, '--var', 'OPENAI_DAILY_BUDGET:50', '--inspector-port', String(await freePort())],
    { cwd: root, env: quietEnv, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await waitForHealth(Date.now() + 90_000);
  node = await startTestRelais({ clock: new ManualClock(Date.now()) });
}, 120_000);

afterAll(async () => {
  await node?.stop();
  child?.kill('SIGTERM');
  await openAi?.close();
  if (persistDir) rmSync(persistDir, { recursive: true, force: true });
});

describe('Cloudflare Worker (wrangler dev, local D1)', () => {
  it('answers a signed SMS turn from D1, and refuses a forged one', async () => {
    const from = '+33611223344';
    const welcome = await postSms(url, from, 'Bonjour');
    expect(welcome.status, output).toBe(200);
    expect(welcome.messages.join('\n')).toContain('ici Relais');
    const next = await postSms(url, from, '1');
    expect(next.messages.join('\n')).toContain('code postal');
    const place = await postSms(url, from, '74000');
    expect(place.messages.join('\n')).toContain('Annecy');
    expect((await postSms(url, from, 'menu', { signature: 'Zm9yZ2Vk' })).status).toBe(403);
  });

  it('answers anywhere in France from the bundled national data, as Node does', async () => {
    const from = '+33611223388';
    {
      const ask = async (serverUrl: string, ...turns: string[]) => {
        let last = '';
        for (const turn of turns) last = (await postSms(serverUrl, from, turn)).messages.join('\n');
        return last;
      };
      const reply = await ask(url, 'Bonjour', '1', '12000');
      expect(reply, output).toContain('pour Rodez');
      expect(reply).toContain('1. France services de Rodez');
      expect(reply).toContain('05 65 72 02 92');
      // The same words as Node, opening hours included (both read the time now, in Paris).
      expect(reply).toBe(await ask(node.url, 'Bonjour', '1', '12000'));
      // An old village name, understood the same way.
      expect(await ask(url, '1', 'Fau-de-Peyre')).toContain('pour Peyre en Aubrac');
    }
  });

  it('answers from places imported into D1', async () => {
    const from = '+33611223366';
    await postSms(url, from, 'Bonjour');
    await postSms(url, from, '1');
    expect((await postSms(url, from, '48000')).messages.join('\n')).toContain('France services de Test-Mende');
  });

  it('is idempotent on MessageSid on D1 too', async () => {
    const from = '+33611223355';
    await postSms(url, from, 'Bonjour');
    const messageSid = 'SM' + 'd1'.repeat(16);
    const first = await postSms(url, from, '3', { messageSid });
    expect(first.messages.join('\n')).toContain('Quel appareil');
    const again = await postSms(url, from, '3', { messageSid });
    expect(again.body).toBe(first.body);
    const after = await postSms(url, from, 'aucun');
    expect(after.messages.join('\n')).toContain('vous etes plutot');
  });

  it('takes a phone call on D1: a hand-off used once, keys, « répéter », a retried gather answered the same', async () => {
    const caller = '+33611223377';
    const created = await fetch(`${url}/api/handoffs`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${HANDOFF_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ caller, commune: '74000', need: 'lieu' }),
    });
    expect(created.status, output).toBe(201);
    const call = await TwimlCall.start({ serverUrl: url, publicBaseUrl: PUBLIC_BASE_URL, authToken: AUTH_TOKEN, from: caller, to: '+33939000000' });
    expect(call.lastHeard()).toContain('Le conseiller nous a transmis votre demande');
    const places = call.lastHeard();
    expect(places).toContain('pour Annecy');
    await call.press('*');
    expect(call.lastHeard()).toBe(places);
    const document = call.documents.at(-1)!;
    expect(await call.retryLast()).toBe(document);
    await call.press('3');
    expect(call.ended).toBe(true);
    const again = await TwimlCall.start({ serverUrl: url, publicBaseUrl: PUBLIC_BASE_URL, authToken: AUTH_TOKEN, from: caller, to: '+33939000000' });
    expect(again.lastHeard()).toContain('Que souhaitez-vous');
  });

  it('asks the understanding model through fetch for a message it cannot read (its budget counted in D1)', async () => {
    openAi.answer = () => ({ reading: modelAnswer({ intent: 'procedure', procedureId: 'teleconsultation' }) });
    const reply = await postSms(url, '+33611223318', UNREADABLE_BY_RULES);
    expect(reply.messages.join('\n'), output).toContain('consultation vidéo');
    expect(openAi.requests.at(-1)!.body.response_format).toMatchObject({ type: 'json_schema' });
    openAi.answer = () => undefined;
  });

  it('holds a spoken answer for the model on D1: « un instant », then the signed redirect understands it, retried the same', async () => {
    openAi.answer = () => ({ reading: modelAnswer({ intent: 'procedure', procedureId: 'teleconsultation' }) });
    const call = await TwimlCall.start({ serverUrl: url, publicBaseUrl: PUBLIC_BASE_URL, authToken: AUTH_TOKEN, from: '+33611223319', to: '+33939000000' });
    await call.say(UNREADABLE_BY_RULES);
    const heard = call.lastHeard().split('\n');
    expect(heard[0], output).toBe("Un instant, s'il vous plaît.");
    expect(call.lastHeard()).toContain('consultation vidéo');
    // The last request was the redirect's: retried, it is answered from D1, word for word.
    expect(await call.retryLast()).toBe(call.documents.at(-1));
    openAi.answer = () => undefined;
  });

  it('runs the workspace on D1: signs in, opens the callback queue with the request of a person who texted AIDE', async () => {
    expect((await postSms(url, '+33611223399', 'AIDE')).status).toBe(200);
    const client = new WebClient(url);
    const signIn = await client.signIn('admin@lozere.fr');
    expect(signIn.status, signIn.html).toBe(303);
    // The administrator came from `admin:create --sql`, which left no local database behind.
    expect(existsSync(join(persistDir, 'untouched.sqlite'))).toBe(false);
    const queue = await client.get('/espace/rappels');
    expect(queue.status).toBe(200);
    expect(textOf(queue.html)).toContain('Rappels à faire');
    expect(textOf(queue.html)).toContain('06 11 22 33 99');
    const css = await fetch(`${url}/espace/dsfr/dsfr.min.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
  });

  it('takes an orientation on D1: a senior has the nearest place told, the department sees it', async () => {
    const from = '+33611223377';
    for (const line of ['Bonjour', '1', '48000']) expect((await postSms(url, from, line)).status).toBe(200);
    expect((await postSms(url, from, 'oui')).messages.join('\n')).toContain('Le lieu peut-il vous appeler');
    const told = (await postSms(url, from, 'non')).messages.join('\n');
    expect(told, output).toMatch(/C'est noté : .+ sera prévenu\./);
    expect(told).toContain('Dans une semaine, je vous demanderai si vous avez pu y aller.');
    const client = new WebClient(url);
    expect((await client.signIn('admin@lozere.fr')).status).toBe(303);
    const list = await client.get('/espace/orientations');
    expect(list.status).toBe(200);
    expect(textOf(list.html)).not.toContain('Aucune orientation');
    expect(textOf(list.html)).toContain(told.match(/C'est noté : (.+) sera prévenu/)![1]!);
  });

  it('records activity facts on D1 and shows them: the dashboard, its CSV, the report and the white-zone map', async () => {
    const client = new WebClient(url);
    expect((await client.signIn('admin@lozere.fr')).status).toBe(303);
    const facts = await client.get('/espace/activite');
    expect(facts.status, facts.html).toBe(200);
    expect(textOf(facts.html)).toContain('Conversations par canal');
    expect(facts.html).toMatch(/<caption>Conversations par canal<\/caption>[\s\S]*?<th scope="row">SMS<\/th><td>(< 5|\d+)<\/td>/);
    const csv = await fetch(`${url}/espace/activite.csv`, { headers: { Cookie: client.cookie } });
    expect(csv.status).toBe(200);
    // The bytes themselves: a Response's text() drops the BOM that French spreadsheets need.
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).startsWith('\uFEFFPériode du;')).toBe(true);
    expect((await client.get('/espace/activite/rapport')).status).toBe(200);
    const map = await client.get('/espace/zones-blanches');
    expect(map.status).toBe(200);
    expect(map.html).toContain('<svg role="group"');
  });
});
