// Hostile sizes: a huge body is refused before it is read (413), every text is bounded per channel where it comes
// in, and a long text or a Meta payload of 100 messages is handled in bounded time without holding the service.
import { describe, expect, it } from 'vitest';
import { gatheredContent } from '../../src/channels/voice/parse.js';
import { parseMetaWebhook } from '../../src/channels/whatsapp/meta-parse.js';
import { parseTwilioWhatsApp } from '../../src/channels/whatsapp/twilio-parse.js';
import { parseSmsWebhook } from '../../src/channels/sms/parse.js';
import { createHmac } from 'node:crypto';
import { metaPayload } from '../support/meta.js';
import { newWamid } from '../support/post.js';
import { relaisWithFakeGraph } from '../support/meta-suite.js';

const APP_SECRET = 'bounded-app-secret';
const suite = relaisWithFakeGraph(APP_SECRET);


const textOf = (content: { type: string; text?: string }) => (content.type === 'text' ? content.text! : '');

describe('bounded input', () => {
  it('cuts every text at the boundary, per channel', () => {
    const huge = 'a'.repeat(100_000);
    expect(parseSmsWebhook({ MessageSid: 'SM1', From: '+33600000000', Body: huge }).ok && 1).toBe(1);
    const sms = parseSmsWebhook({ MessageSid: 'SM1', From: '+33600000000', Body: huge });
    expect(sms.ok && sms.value.body.length).toBe(1600);
    const wa = parseTwilioWhatsApp({ MessageSid: 'SM1', From: 'whatsapp:+33600000000', Body: huge });
    expect(wa.ok && textOf(wa.value.content).length).toBe(4096);
    const wb = parseTwilioWhatsApp({ MessageSid: 'SM1', From: 'whatsapp:+33600000000', ButtonPayload: huge });
    expect(wb.ok && wb.value.content.type === 'choice' && wb.value.content.choiceId.length).toBe(256);
    const meta = parseMetaWebhook(metaPayload('33600000000', { id: 'w', type: 'text', text: { body: huge } }));
    expect(meta.ok && textOf(meta.messages[0]!.content).length).toBe(4096);
    const speech = gatheredContent({ SpeechResult: huge }, { minConfidence: 0.5, keys: {} });
    expect(textOf(speech).length).toBe(500);
    expect(textOf(gatheredContent({ Digits: '1'.repeat(10_000) }, { minConfidence: 0.5, keys: {} })).length).toBe(32);
  });

  it('refuses a huge body with 413 before reading it, on every route, and stays healthy', async () => {
    const huge = 'x'.repeat(8 * 1024 * 1024);
    for (const path of ['/twilio/sms', '/twilio/whatsapp', '/twilio/voice', '/meta/whatsapp', '/api/handoffs']) {
      const started = performance.now();
      const response = await fetch(`${suite.relais.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: huge });
      expect(response.status, path).toBe(413);
      await response.text();
      expect(performance.now() - started).toBeLessThan(5_000);
    }
    expect((await fetch(`${suite.relais.url}/health`)).status).toBe(200);
  });

  it('answers a 65,536-character WhatsApp text and a 100-message Meta payload, and /health answers meanwhile', async () => {
    const words = 'je cherche une aide pour ma carte vitale à annecy près de chez moi merci ';
    const long = words.repeat(1000).slice(0, 65_536);
    const single = JSON.stringify(metaPayload('33612000001', { id: newWamid(), type: 'text', text: { body: long } }));
    const batch = metaPayload('33612000002', { id: newWamid(), type: 'text', text: { body: long } });
    const value = batch.entry[0]!.changes[0]!.value as { messages: Record<string, unknown>[] };
    value.messages = Array.from({ length: 100 }, (_, i) => ({ from: `336120${String(i).padStart(5, '0')}`, timestamp: '1', id: newWamid(), type: 'text', text: { body: long.slice(0, 4000) } }));
    const sign = (raw: string) => `sha256=${createHmac('sha256', APP_SECRET).update(raw).digest('hex')}`;
    const post = (raw: string) => fetch(`${suite.relais.url}/meta/whatsapp`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': sign(raw) }, body: raw });
    for (const raw of [single, JSON.stringify(batch)]) {
      const started = performance.now();
      const [response, health] = await Promise.all([post(raw), new Promise((r) => setTimeout(r, 20)).then(() => fetch(`${suite.relais.url}/health`))]);
      expect(response.status).toBe(200);
      expect(health.status).toBe(200);
      await response.text();
      console.log(`meta payload of ${raw.length} bytes: ${Math.round(performance.now() - started)} ms`);
    }
    expect(suite.graph.sent.length).toBeGreaterThanOrEqual(101);
    expect((await fetch(`${suite.relais.url}/health`)).status).toBe(200);
  });
});
