// WhatsApp, both ways in: Twilio (signed like SMS, location shares, button taps) and Meta's Cloud API (verification
// handshake, X-Hub-Signature-256 computed here with the app secret, replies sent to a loopback fake Graph API).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metaPayload as buildMetaPayload, postMeta } from './support/meta.js';
import { AUTH_TOKEN, newSid, parseMessages, PUBLIC_BASE_URL, startTestRelais, type TestRelais } from './support/relais.js';

const APP_SECRET = 'meta-app-secret-for-tests';
const VERIFY_TOKEN = 'meta-verify-token';
const sent: { path: string; auth: string; body: Record<string, unknown> }[] = [];
let graph: Server;
let relais: TestRelais;

beforeAll(async () => {
  graph = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      sent.push({ path: req.url ?? '', auth: req.headers.authorization ?? '', body: JSON.parse(body || '{}') });
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ messages: [{ id: `wamid.out${sent.length}` }] }));
    });
  });
  await new Promise<void>((r) => graph.listen(0, '127.0.0.1', r));
  const apiBaseUrl = `http://127.0.0.1:${(graph.address() as AddressInfo).port}`;
  relais = await startTestRelais({ meta: { appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN, accessToken: 'graph-token', apiBaseUrl } });
});
afterAll(async () => {
  await relais.stop();
  await new Promise((r) => graph.close(r));
});

async function twilioWhatsApp(params: Record<string, string>, signature?: string) {
  const all = { MessageSid: newSid(), To: 'whatsapp:+33939000000', NumMedia: '0', ...params };
  const response = await fetch(`${relais.url}/twilio/whatsapp`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Twilio-Signature': signature ?? twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_BASE_URL}/twilio/whatsapp`, all),
    },
    body: new URLSearchParams(all).toString(),
  });
  return { status: response.status, messages: parseMessages(await response.text()) };
}

const metaPayload = (from: string, message: Record<string, unknown>) => buildMetaPayload(from, message, 'PNID1');
const meta = (payload: unknown, sign = true) => postMeta(relais.url, sign ? APP_SECRET : null, payload);

describe('Twilio WhatsApp', () => {
  it('talks through the same engine, and reads a shared location as the place', async () => {
    const from = 'whatsapp:+33612340001';
    const hello = (await twilioWhatsApp({ From: from, Body: 'Bonjour' })).messages.join();
    expect(hello).toContain('ici Relais');
    expect(hello).toContain("C'est pour vous ou pour un proche ?");
    await twilioWhatsApp({ From: from, Body: 'pour moi' });
    await twilioWhatsApp({ From: from, Body: '1' });
    const places = await twilioWhatsApp({ From: from, Body: '', Latitude: '45.899', Longitude: '6.129' });
    expect(places.messages.join('\n')).toMatch(/1\. .+\n/);
    expect(relais.query("select * from conversations where id = 'whatsapp:+33612340001'")).toHaveLength(1);
  });

  it('follows a procedure by « Suite » taps to its end without climbing the reprompt ladder', async () => {
    const from = 'whatsapp:+33612340009';
    await twilioWhatsApp({ From: from, Body: 'Bonjour' });
    await twilioWhatsApp({ From: from, Body: 'Pour moi', ButtonPayload: 'me' });
    await twilioWhatsApp({ From: from, Body: 'Comprendre', ButtonPayload: 'procedure' });
    expect((await twilioWhatsApp({ From: from, Body: 'déclarer mes revenus' })).messages.join()).toContain('Étape 1 sur 5');
    for (let step = 2; step <= 5; step++) {
      const said = (await twilioWhatsApp({ From: from, Body: 'Suite', ButtonPayload: 'next' })).messages.join('\n');
      expect(said).toContain(`Étape ${step} sur 5`);
      expect(said).not.toMatch(/seulement avec le chiffre|n'arrive pas à bien vous comprendre/);
    }
  });

  it('reads a quick-reply tap as the choice, and refuses a forged signature', async () => {
    const from = 'whatsapp:+33612340002';
    await twilioWhatsApp({ From: from, Body: 'Bonjour' });
    expect((await twilioWhatsApp({ From: from, Body: 'Pour moi', ButtonPayload: 'me' })).messages.join()).toContain('Que souhaitez-vous');
    expect((await twilioWhatsApp({ From: from, Body: 'Comprendre', ButtonPayload: 'procedure' })).messages.join()).toContain('Quelle démarche');
    expect((await twilioWhatsApp({ From: from, Body: 'menu' }, 'Zm9yZ2Vk')).status).toBe(403);
  });

  it('answers a voice note kindly, since it is not understood yet', async () => {
    const from = 'whatsapp:+33612340003';
    await twilioWhatsApp({ From: from, Body: 'Bonjour' });
    const reply = await twilioWhatsApp({ From: from, Body: '', NumMedia: '1', MediaContentType0: 'audio/ogg', MediaUrl0: 'https://example.invalid/voice.ogg' });
    expect(reply.messages.join()).toContain('type de message');
  });
});

describe('Meta WhatsApp Cloud API', () => {
  it('answers the verification handshake only with the right token', async () => {
    const ok = await fetch(`${relais.url}/meta/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=12345`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('12345');
    expect((await fetch(`${relais.url}/meta/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`)).status).toBe(403);
  });

  it('refuses a payload whose signature does not match the raw body', async () => {
    const before = sent.length;
    expect((await meta(metaPayload('33612340010', { id: 'wamid.forged', type: 'text', text: { body: 'Bonjour' } }), false)).status).toBe(403);
    expect(sent.length).toBe(before);
  });

  it('replies through the Graph API, asks at once who the help is for, and a redelivered message is answered once', async () => {
    const before = sent.length;
    const message = { id: 'wamid.hello1', type: 'text', text: { body: 'Bonjour' } };
    expect((await meta(metaPayload('33612340011', message))).status).toBe(200);
    const replies = sent.slice(before);
    expect(replies.length).toBe(2);
    expect(replies[0]!.path).toBe('/v21.0/PNID1/messages');
    expect(replies[0]!.auth).toBe('Bearer graph-token');
    expect(replies[0]!.body).toMatchObject({ messaging_product: 'whatsapp', to: '33612340011', type: 'text' });
    expect(replies[1]!.body).toMatchObject({
      type: 'interactive',
      interactive: { type: 'button', body: { text: "C'est pour vous ou pour un proche ?" }, action: { buttons: [{ reply: { id: 'me', title: 'Pour moi' } }, { reply: { id: 'relative', title: 'Pour un proche' } }] } },
    });

    const count = sent.length;
    expect((await meta(metaPayload('33612340011', message))).status).toBe(200);
    expect(sent.length).toBe(count);

    // The menu has 6 choices: a list, long labels shortened in titles and given whole in descriptions.
    const menuAt = sent.length;
    await meta(metaPayload('33612340011', { id: 'wamid.hello2', type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'me', title: 'Pour moi' } } }));
    const menu = sent.slice(menuAt).at(-1)!;
    expect(menu.body).toMatchObject({ type: 'interactive', interactive: { type: 'list' } });
    const rows = (menu.body as { interactive: { action: { sections: { rows: { id: string; title: string }[] }[] } } }).interactive.action.sections[0]!.rows;
    expect(rows.every((r) => r.title.length <= 24)).toBe(true);
  });

  it('takes list and button replies as choices, and a shared location as the place', async () => {
    const from = '33612340012';
    await meta(metaPayload(from, { id: 'wamid.a1', type: 'text', text: { body: 'Bonjour' } }));
    await meta(metaPayload(from, { id: 'wamid.a0', type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'me', title: 'Pour moi' } } }));
    const before = sent.length;
    await meta(metaPayload(from, { id: 'wamid.a2', type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'find_place', title: "Trouver un lieu d'aide" } } }));
    expect(JSON.stringify(sent.slice(before))).toContain('code postal');
    const after = sent.length;
    await meta(metaPayload(from, { id: 'wamid.a3', type: 'location', location: { latitude: 45.899, longitude: 6.129 } }));
    const answer = sent.slice(after);
    expect(JSON.stringify(answer)).toContain('1. ');
    expect(JSON.stringify(answer)).toContain('Carte : https://www.openstreetmap.org/?mlat=');
    // What comes next has 5 choices: too many for buttons, so a list.
    expect(answer.at(-1)!.body).toMatchObject({ type: 'interactive', interactive: { type: 'list' } });
  });

  it('says precisely what is wrong with a malformed payload', async () => {
    const response = await meta({ object: 'whatsapp_business_account', entry: [{ changes: [{ value: { messages: [{ type: 'text' }] } }] }] });
    expect(response.status).toBe(400);
    expect(response.body).toContain('entry.0.changes.0.value.messages.0.id');
  });
});

describe('renderWhatsApp', () => {
  it('uses buttons for up to 3 short choices, a list up to 10, numbered text beyond', async () => {
    const { renderWhatsApp } = await import('../src/channels/whatsapp/render.js');
    const choice = (i: number, label = `Choix ${i}`) => ({ id: `c${i}`, key: String(i), label });
    expect(renderWhatsApp({ text: 'Q\n1 - Oui\n2 - Non', lead: 'Q', choices: [choice(1, 'Oui'), choice(2, 'Non')] }, 'Choisir')).toMatchObject({
      type: 'interactive',
      interactive: { type: 'button', body: { text: 'Q' }, action: { buttons: [{ reply: { id: 'c1', title: 'Oui' } }, { reply: { id: 'c2', title: 'Non' } }] } },
    });
    const long = renderWhatsApp({ text: 'Q', lead: 'Q', choices: [choice(1, 'Apprendre à utiliser mon téléphone ou ordinateur')] }, 'Choisir');
    expect(long).toMatchObject({ type: 'interactive', interactive: { type: 'list' } });
    const row = (long as { interactive: { action: { sections: { rows: { title: string; description?: string }[] }[] } } }).interactive.action.sections[0]!.rows[0]!;
    expect(row.title.length).toBeLessThanOrEqual(24);
    expect(row.description).toBe('Apprendre à utiliser mon téléphone ou ordinateur');
    expect(renderWhatsApp({ text: 'Q + 11', choices: Array.from({ length: 11 }, (_, i) => choice(i)) }, 'Choisir')).toEqual({ type: 'text', text: { body: 'Q + 11' } });
    expect(renderWhatsApp({ text: 'Bonjour' }, 'Choisir')).toEqual({ type: 'text', text: { body: 'Bonjour' } });
  });
});

describe('the 24-hour window for messages Relais sends first', () => {
  it('sends free text inside the window, a template outside it, and nothing without a template', async () => {
    const { sendWhatsAppFollowUp } = await import('../src/channels/whatsapp/follow-up.js');
    const { createGraphApiSender } = await import('../src/channels/whatsapp/graph-api.js');
    const address = graph.address() as AddressInfo;
    const sender = createGraphApiSender({ baseUrl: `http://127.0.0.1:${address.port}`, accessToken: 'graph-token' });
    const warnings: unknown[] = [];
    const logger = { info() {}, error() {}, warn: (...args: unknown[]) => warnings.push(args) };
    const isOptedOut = async (address: string) => relais.query('select 1 from opt_outs where address = ?', address).length > 0;

    // The last inbound message, read from the real store: the conversation of the Meta tests above.
    const from = '33612340099';
    await meta(metaPayload(from, { id: 'wamid.window1', type: 'text', text: { body: 'Bonjour' } }));
    const lastInboundAt = relais.query<{ at: number }>("select max(created_at) as at from messages where conversation_id = 'whatsapp:+33612340099' and direction = 'in'")[0]!.at;
    const followUp = { phoneNumberId: 'PNID1', to: `+${from}`, purpose: 'rappel-atelier', text: 'Votre atelier est demain à 14h.', lastInboundAt };

    const before = sent.length;
    expect(await sendWhatsAppFollowUp(followUp, { sender, templates: {}, now: lastInboundAt + 3_600_000, logger, isOptedOut })).toBe('sent-text');
    expect(sent[before]!.body).toMatchObject({ type: 'text', text: { body: 'Votre atelier est demain à 14h.' } });

    const later = lastInboundAt + 25 * 3_600_000;
    expect(await sendWhatsAppFollowUp(followUp, { sender, templates: { 'rappel-atelier': 'relais_rappel_atelier' }, now: later, logger, isOptedOut })).toBe('sent-template');
    expect(sent[before + 1]!.body).toMatchObject({ type: 'template', template: { name: 'relais_rappel_atelier', language: { code: 'fr' } } });

    expect(await sendWhatsAppFollowUp(followUp, { sender, templates: {}, now: later, logger, isOptedOut })).toBe('refused-outside-window');
    expect(sent.length).toBe(before + 2);
    expect(JSON.stringify(warnings)).toContain('outside the 24-hour customer window');

    // STOP said by SMS holds here too: nothing Relais writes first reaches the number.
    await relais.sms(`+${from}`, 'STOP');
    expect(await sendWhatsAppFollowUp(followUp, { sender, templates: {}, now: lastInboundAt + 3_600_000, logger, isOptedOut })).toBe('refused-opted-out');
    expect(sent.length).toBe(before + 2);
  });
});
