// A caregiver on WhatsApp (Meta Cloud API) helping a parent who lives elsewhere: a location share for the relative,
// choices as buttons or lists, a message written for the relative to forward, and the consent gate before any SMS
// goes to the relative (through Twilio's REST API, a loopback fake here).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDepartments } from '../src/directory/departments.js';
import { metaPayload, postMeta } from './support/meta.js';
import { startTestRelais, type TestRelais } from './support/relais.js';

const APP_SECRET = 'caregiver-app-secret';
const graphSent: Record<string, unknown>[] = [];
const smsSent: { path: string; auth: string; form: URLSearchParams }[] = [];
let fake: Server;
let relais: TestRelais;
let sequence = 0;

beforeAll(async () => {
  fake = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      res.setHeader('Content-Type', 'application/json');
      if (req.url?.startsWith('/2010-04-01/')) {
        smsSent.push({ path: req.url, auth: req.headers.authorization ?? '', form: new URLSearchParams(body) });
        return void res.writeHead(201).end(JSON.stringify({ sid: `SM${smsSent.length}` }));
      }
      graphSent.push(JSON.parse(body));
      res.end('{}');
    });
  });
  await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
  relais = await startTestRelais({
    meta: { appSecret: APP_SECRET, verifyToken: 'v', accessToken: 'graph-token', apiBaseUrl: base },
    twilioApi: { baseUrl: base, accountSid: 'AC123', authToken: 'rest-token', from: '+33939000000' },
    departments: parseDepartments([{ code: '74', name: 'Haute-Savoie (test)', homeHelpName: 'CLIC de test', homeHelpPhone: '04 50 00 00 09' }]),
  });
});
afterAll(async () => {
  await relais.stop();
  await new Promise((r) => fake.close(r));
});

/** Sends one WhatsApp message as Meta would and returns what Relais answered through the Graph API. */
async function say(from: string, message: Record<string, unknown>): Promise<string> {
  const before = graphSent.length;
  const response = await postMeta(relais.url, APP_SECRET, metaPayload(from, { id: `wamid.c${sequence++}`, ...message }));
  expect(response.status).toBe(200);
  return JSON.stringify(graphSent.slice(before));
}
const text = (body: string) => ({ type: 'text', text: { body } });
const pick = (id: string) => ({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id, title: id } } });

describe('caregiver mode on WhatsApp', () => {
  it('finds help near the parent and writes a message to forward, and sends no SMS without consent', async () => {
    const from = '33611110001';
    let exchanges = 0;
    const step = async (m: Record<string, unknown>) => (exchanges++, say(from, m));

    expect(await step(text("Bonjour, c'est pour ma mère"))).toContain('votre proche');
    const where = await step({ type: 'location', location: { latitude: 45.899, longitude: 6.129 } });
    expect(where).toContain('De quoi votre proche a-t-il besoin');
    expect(await step(pick('learn'))).toContain('au quotidien');
    const places = await step(pick('declining'));
    expect(places).toContain('Près de votre proche');
    expect(places).toContain('Voici un message pour votre proche');
    expect(places).toMatch(/Bonjour\. Pour apprendre à utiliser votre téléphone ou votre tablette, vous pouvez aller à : [^"]+Téléphone : 0\d/);
    expect(places).toContain('"type":"interactive"'); // the consent question comes as a choice
    expect(smsSent).toHaveLength(0);
    const refused = await step(pick('no'));
    expect(refused).toContain('CLIC'); // the relative needs more and more help: help for the caregiver too
    expect(smsSent).toHaveLength(0);
    expect(exchanges).toBeLessThan(10);
  });

  it('sends the SMS to the relative only after the consent is confirmed, and only to a mobile', async () => {
    const from = '33611110002';
    await say(from, text("Bonjour, c'est pour mon père qui habite au 74000"));
    await say(from, pick('procedure'));
    await say(from, pick('ok'));
    expect(smsSent).toHaveLength(0);
    expect(await say(from, pick('yes'))).toContain('numéro de portable');
    expect(await say(from, text('04 50 00 00 00'))).toContain("n'est pas un portable");
    expect(smsSent).toHaveLength(0);
    const sentReply = await say(from, text('06 12 34 56 78'));
    expect(sentReply).toContain("C'est envoyé au 06 12 34 56 78");
    expect(sentReply).toContain('Près de chez votre proche : CLIC de test, 04 50 00 00 09.'); // the department's own help
    expect(smsSent).toHaveLength(1);
    const sms = smsSent[0]!;
    expect(sms.path).toBe('/2010-04-01/Accounts/AC123/Messages.json');
    expect(sms.auth).toBe(`Basic ${Buffer.from('AC123:rest-token').toString('base64')}`);
    expect(sms.form.get('To')).toBe('+33612345678');
    expect(sms.form.get('From')).toBe('+33939000000');
    expect(sms.form.get('Body')).toContain('vous pouvez aller à');
    expect(sms.form.get('Body')).not.toMatch(/https?:/);
  });

  it('never writes to a relative who said STOP', async () => {
    await relais.sms('+33698765432', 'STOP');
    const from = '33611110003';
    await say(from, text("Bonjour, c'est pour ma mère qui habite au 74000"));
    await say(from, pick('learn'));
    await say(from, pick('ok'));
    await say(from, pick('yes'));
    const before = smsSent.length;
    expect(await say(from, text('06 98 76 54 32'))).toContain('ne plus recevoir de SMS');
    expect(smsSent.length).toBe(before);
  });

  it('remembers what the caregiver already said: the need, the tiredness and the commune are not asked again', async () => {
    const from = '33611110004';
    const first = await say(from, text("Bonjour, je m'occupe de mon père à Annecy, il a besoin d'aide pour ses papiers, je suis épuisée"));
    expect(first).toContain('Près de votre proche');
    expect(first).not.toContain('Dans quelle commune');
    expect(first).not.toContain('De quoi votre proche a-t-il besoin');
    expect(first).not.toContain('au quotidien');
    expect(first).toContain('Pour faire vos démarches'); // the message to forward says the need given at first
  });

  it('takes a procedure named for the relative as the need: « sa déclaration d’impôts » is not followed by « de quoi a-t-il besoin »', async () => {
    const from = '33611110009';
    const first = await say(from, text("ma mère habite à Lannion, elle ne sait pas faire sa déclaration d'impôts"));
    expect(first).toContain('Lannion');
    expect(first).not.toContain('De quoi votre proche a-t-il besoin');
    expect(first).toContain('au quotidien');
  });

  it('reads a position shared before saying who the help is for as the place, and remembers it for the relative', async () => {
    const from = '33611110005';
    expect(await say(from, text('Bonjour'))).toContain("C'est pour vous ou pour un proche ?");
    const places = await say(from, { type: 'location', location: { latitude: 45.899, longitude: 6.129 } });
    expect(places).toMatch(/1\. /);
    expect(places).not.toContain("C'est pour vous ou pour un proche ?");
    await say(from, text('menu'));
    const relative = await say(from, text("c'est pour ma mère"));
    expect(relative).toContain('De quoi votre proche a-t-il besoin'); // the position shared is where she is
    expect(relative).not.toContain('Dans quelle commune');
  });

  it('never takes « 1 » as the relative’s commune', async () => {
    const from = '33611110006';
    await say(from, text('Bonjour'));
    expect(await say(from, pick('relative'))).toContain('Dans quelle commune');
    const one = await say(from, text('1'));
    expect(one).not.toContain('De quoi votre proche');
    expect(one).not.toContain('Je ne trouve pas la commune');
    expect(await say(from, text('74000'))).toContain('De quoi votre proche a-t-il besoin');
  });

  it('puts a scam before everything: a father who gave his codes to a fake adviser', async () => {
    const from = '33611110007';
    await say(from, text('Bonjour'));
    await say(from, pick('relative'));
    const advice = await say(from, text('mon père a donné ses codes à un faux conseiller de sa banque hier soir'));
    expect(advice).toContain('0 892 705 705');
    expect(advice).toContain('opposition');
    expect(advice).not.toContain('Dans quelle commune');
  });
});
