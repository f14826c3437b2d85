// A seeded fuzz run over every inbound route: thousands of correctly signed but hostile payloads (prototype keys,
// control characters, lone surrogates, huge and empty fields, redeliveries, ids reused across numbers, commands in
// any order, malformed Meta JSON). No answer may be a 5xx, no turn may fail, and the service is healthy at the end.
import { createHmac } from 'node:crypto';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/conversation/ports.js';
import { BODY_LIMITS } from '../../src/http/create-app.js';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../support/fake-twilio-rest.js';
import { AUTH_TOKEN, PUBLIC_BASE_URL, startTestRelais, type TestRelais } from '../support/relais.js';
import { seededRandom } from '../support/seeded-random.js';

const SEED = 20261124;
/** Payloads per route (five routes); FUZZ_PER_ROUTE runs a longer campaign with the same seed. */
const PER_ROUTE = Number(process.env['FUZZ_PER_ROUTE'] ?? 240);
const APP_SECRET = 'fuzz-app-secret';
const TOKEN = 'handoff-token-for-the-fuzz-0001';

/** A seeded generator, so a failure replays exactly. */
function generator(seed: number) {
  const next = seededRandom(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, pick };
}

const WORDS = [
  'Bonjour', 'STOP', 'START', 'SUPPRIMER', 'AIDE', 'menu', 'répéter', 'plus lentement', 'oui', 'non', '1', '2', '3', '9', '0', '*', '#',
  '74000', 'Annecy', 'Mende', 'carte vitale', 'impôts', 'arnaque', "c'est pour ma mère", '06 12 34 56 78', 'https://evil.example/x',
  'constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype', '\u0000', '\u202e', '\ud800', '\udfff', '😀', 'é'.repeat(70),
  '<Say>', ']]>', '&amp;', '{location}', '[x]', '%s%s%n', "'; drop table messages; --", '\n\n\n', ' ',
];

function hostileText(g: ReturnType<typeof generator>): string {
  const roll = g.next();
  if (roll < 0.05) return '';
  if (roll < 0.1) return g.pick(WORDS).repeat(1 + g.int(3000));
  const parts = Array.from({ length: 1 + g.int(6) }, () => (g.next() < 0.8 ? g.pick(WORDS) : String.fromCharCode(...Array.from({ length: 1 + g.int(12) }, () => g.int(0xffff)))));
  return parts.join(g.pick([' ', '', '\n', ', ']));
}

/** What a URL can carry: Twilio and Meta only ever send well-formed UTF-16 in a query. */
const inQuery = (text: string) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '?'));

/** Over the route's body limit, the service may answer 413 and close the connection while the body still flows. */
const refusedEarly = (body: string, error: unknown, limit: number) => {
  if (new TextEncoder().encode(body).length > limit) return 413;
  throw error;
};

const logLines: { level: string; event: string }[] = [];
const capture: Logger = {
  info: () => {},
  warn: () => {},
  error: (event) => void logLines.push({ level: 'error', event }),
};
let relais: TestRelais;
let graph: FakeGraph;
let rest: FakeTwilioRest;

beforeAll(async () => {
  graph = await startFakeGraph();
  rest = await startFakeTwilioRest();
  relais = await startTestRelais({
    logger: capture,
    handoffApiToken: TOKEN,
    twilioApi: rest.twilioApi,
    meta: { appSecret: APP_SECRET, verifyToken: 'v', accessToken: 'graph-token', apiBaseUrl: graph.baseUrl },
  });
});
afterAll(async () => {
  await relais.stop();
  await graph.close();
  await rest.close();
});

type Shot = () => Promise<number>;

async function postForm(path: string, params: Record<string, string>): Promise<number> {
  const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_BASE_URL}${path}`, params);
  const body = new URLSearchParams(params).toString();
  try {
    const response = await fetch(`${relais.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
      body,
    });
    await response.arrayBuffer();
    return response.status;
  } catch (error) {
    return refusedEarly(body, error, BODY_LIMITS.twilio);
  }
}

async function postJson(path: string, body: string, headers: Record<string, string>): Promise<number> {
  try {
    const response = await fetch(`${relais.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
    await response.arrayBuffer();
    return response.status;
  } catch (error) {
    return refusedEarly(body, error, path.startsWith('/api') ? BODY_LIMITS.api : BODY_LIMITS.meta);
  }
}

function shots(g: ReturnType<typeof generator>): { route: string; shot: Shot }[] {
  const numbers = Array.from({ length: 25 }, (_, i) => `+3360990${String(i).padStart(4, '0')}`);
  const from = () => (g.next() < 0.95 ? g.pick(numbers) : hostileText(g).slice(0, 40) || 'x');
  const sids: string[] = [];
  const sid = (prefix: string) => {
    if (sids.length > 0 && g.next() < 0.15) return g.pick(sids); // a redelivery, or an id reused by another number
    const id = `${prefix}${g.int(2 ** 31).toString(16).padStart(32, '0')}`;
    sids.push(id);
    return id;
  };
  const extra = (): Record<string, string> => (g.next() < 0.2 ? { [g.pick(['constructor', '__proto__', 'toString', 'Label', 'NumMedia', 'Latitude', 'Longitude', 'ButtonPayload'])]: hostileText(g) } : {});
  const calls: { sid: string; from: string; turn: number }[] = [];
  const list: { route: string; shot: Shot }[] = [];
  for (let i = 0; i < PER_ROUTE; i++) {
    list.push({ route: 'sms', shot: () => postForm('/twilio/sms', { MessageSid: sid('SM'), From: from(), To: '+33939000000', Body: hostileText(g), ...extra() }) });
    list.push({
      route: 'whatsapp',
      shot: () => postForm('/twilio/whatsapp', { MessageSid: sid('SM'), From: `whatsapp:${from()}`, To: 'whatsapp:+33939000000', Body: hostileText(g), NumMedia: '0', ...extra() }),
    });
    list.push({
      route: 'voice',
      shot: async () => {
        if (calls.length === 0 || g.next() < 0.2) {
          const call = { sid: `CA${g.int(2 ** 31).toString(16).padStart(32, '0')}`, from: from(), turn: 1 };
          calls.push(call);
          return postForm(g.next() < 0.1 ? `/twilio/voice?need=${inQuery(hostileText(g))}` : '/twilio/voice', { CallSid: call.sid, From: call.from, To: g.pick(['+33939000000', hostileText(g)]), ...extra() });
        }
        const call = g.pick(calls);
        const kind = g.int(10);
        if (kind === 0) return postForm(`/twilio/voice/dial?turn=${call.turn}`, { CallSid: call.sid, From: call.from, To: '+33939000000', DialCallStatus: g.pick(['completed', 'busy', hostileText(g)]) });
        if (kind === 1) return postForm('/twilio/voice/status', { CallSid: call.sid, From: call.from, To: '+33939000000', CallStatus: hostileText(g), CallDuration: hostileText(g) });
        if (kind === 2) return postForm(`/twilio/voice/whisper?text=${inQuery(hostileText(g))}`, { CallSid: call.sid, From: call.from, To: '+33939000000' });
        const input: Record<string, string> = g.next() < 0.5 ? { Digits: g.pick(['1', '2', '0', '*', '9', 'constructor', '__proto__', hostileText(g)]) } : { SpeechResult: hostileText(g), Confidence: g.pick(['0.9', '0.1', 'NaN', '-1', hostileText(g)]) };
        const turn = g.next() < 0.8 ? call.turn++ : g.pick([0, -1, 999999, 'x'] as const);
        return postForm(`/twilio/voice/gather?turn=${turn}`, { CallSid: call.sid, From: call.from, To: '+33939000000', ...input });
      },
    });
    list.push({
      route: 'meta',
      shot: () => {
        const message = () => {
          const type = g.pick(['text', 'interactive', 'button', 'location', 'audio', 'sticker', hostileText(g)]);
          return {
            from: from().replace(/^\+/, ''),
            id: sid('wamid.'),
            timestamp: '1',
            type,
            ...(type === 'text' ? { text: { body: hostileText(g) } } : {}),
            ...(type === 'interactive' ? { interactive: { type: 'button_reply', button_reply: { id: g.pick(['me', 'procedure', '__proto__', hostileText(g)]), title: hostileText(g) } } } : {}),
            ...(type === 'button' ? { button: { payload: hostileText(g), text: hostileText(g) } } : {}),
            ...(type === 'location' ? { location: { latitude: g.next() * 180 - 90, longitude: g.next() * 360 - 180, name: hostileText(g) } } : {}),
          };
        };
        const roll = g.next();
        const payload =
          roll < 0.1
            ? hostileText(g)
            : roll < 0.2
              ? { object: 'x', entry: [{ changes: [{ value: { messages: [{ id: 1, from: null }] } }] }] }
              : {
                  object: 'whatsapp_business_account',
                  entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { metadata: { phone_number_id: g.pick(['PNID1', 'PN\ud800', hostileText(g)]) }, messages: Array.from({ length: 1 + g.int(3) }, message) } }] }],
                };
        const raw = typeof payload === 'string' ? payload : JSON.stringify(payload);
        return postJson('/meta/whatsapp', raw, { 'X-Hub-Signature-256': `sha256=${createHmac('sha256', APP_SECRET).update(raw).digest('hex')}` });
      },
    });
    list.push({
      route: 'handoffs',
      shot: () =>
        postJson(
          '/api/handoffs',
          g.next() < 0.2
            ? hostileText(g)
            : JSON.stringify({ caller: g.pick([g.pick(numbers), hostileText(g)]), commune: hostileText(g), need: g.pick(['lieu', 'demarche', hostileText(g)]), note: hostileText(g), validMinutes: g.pick([1, 30, -1, 1e9]) }),
          { Authorization: `Bearer ${TOKEN}` },
        ),
    });
  }
  return list;
}

describe('fuzz', () => {
  it(`answers ${PER_ROUTE * 5} signed hostile payloads (seed ${SEED}) without a 5xx nor a failed turn, and stays healthy`, async () => {
    const g = generator(SEED);
    const list = shots(g);
    const statuses = new Map<string, Map<number, number>>();
    const memoryBefore = process.memoryUsage().rss;
    const started = performance.now();
    const failures: string[] = [];
    // Six in flight at once, in a fixed order: concurrency without losing the replay.
    for (let i = 0; i < list.length; i += 6) {
      await Promise.all(
        list.slice(i, i + 6).map(async ({ route, shot }, k) => {
          const status = await shot().catch((e) => (failures.push(`#${i + k} ${route}: ${e} ${(e as Error)?.cause ?? ""}`), 599));
          const counts = statuses.get(route) ?? new Map<number, number>();
          counts.set(status, (counts.get(status) ?? 0) + 1);
          statuses.set(route, counts);
          if (status >= 500) failures.push(`#${i + k} ${route}: ${status}`);
        }),
      );
    }
    const seconds = (performance.now() - started) / 1000;
    const memoryAfter = process.memoryUsage().rss;
    console.log(
      `fuzz: ${list.length} payloads in ${seconds.toFixed(1)} s; rss ${Math.round(memoryBefore / 2 ** 20)} MB -> ${Math.round(memoryAfter / 2 ** 20)} MB;`,
      JSON.stringify([...statuses].map(([route, counts]) => [route, Object.fromEntries(counts)])),
    );
    expect(failures).toEqual([]);
    expect(logLines.filter((l) => /\.failed$|unhandled/.test(l.event) && !l.event.startsWith('outbox.') && l.event !== 'sms.rest.failed')).toEqual([]);
    expect((await fetch(`${relais.url}/health`)).status).toBe(200);
    expect((await relais.sms('+33609999999', 'Bonjour')).messages.join()).toContain('Relais');
  }, 300_000);
});
