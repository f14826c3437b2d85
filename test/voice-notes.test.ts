// Voice notes on WhatsApp: with an OpenAI key, the note is fetched (Meta media API) and transcribed (a loopback fake
// of OpenAI's transcription endpoint, reached through the `openai` package), and the flow goes on with the text;
// without a key, a kind answer and the choices again.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metaPayload, postMeta } from './support/meta.js';
import { startTestRelais, type TestRelais } from './support/relais.js';

const APP_SECRET = 'voice-app-secret';
const graphSent: string[] = [];
const transcriptions: { contentType: string; size: number }[] = [];
let fake: Server;
let base: string;

beforeAll(async () => {
  fake = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      res.setHeader('Content-Type', 'application/json');
      if (req.method === 'GET' && req.url === '/v21.0/MEDIA42') return void res.end(JSON.stringify({ url: `${base}/files/MEDIA42` }));
      if (req.method === 'GET' && req.url === '/files/MEDIA42') {
        res.setHeader('Content-Type', 'audio/ogg');
        return void res.end(Buffer.from('OggS-fake-voice-note'));
      }
      if (req.method === 'POST' && req.url === '/v1/audio/transcriptions') {
        transcriptions.push({ contentType: req.headers['content-type'] ?? '', size: body.length });
        return void res.end(JSON.stringify({ text: 'Je cherche de l’aide au 74000' }));
      }
      graphSent.push(body.toString());
      res.end('{}');
    });
  });
  await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => fake.close(r)));

async function voiceNote(relais: TestRelais, from: string, id: string) {
  const before = graphSent.length;
  const response = await postMeta(relais.url, APP_SECRET, metaPayload(from, { id, type: 'audio', audio: { id: 'MEDIA42', mime_type: 'audio/ogg; codecs=opus' } }));
  expect(response.status).toBe(200);
  return graphSent.slice(before).join('\n');
}

describe('voice notes', () => {
  it('are transcribed and understood when OpenAI is configured, once per note', async () => {
    const relais = await startTestRelais({
      meta: { appSecret: APP_SECRET, verifyToken: 'v', accessToken: 'graph-token', apiBaseUrl: base },
      openAi: { apiKey: 'sk-test', baseURL: `${base}/v1` },
    });
    try {
      const answer = await voiceNote(relais, '33622220001', 'wamid.voice1');
      expect(transcriptions).toHaveLength(1);
      expect(transcriptions[0]!.contentType).toContain('multipart/form-data');
      expect(answer).toContain('Annecy');
      await voiceNote(relais, '33622220001', 'wamid.voice1'); // redelivered
      expect(transcriptions).toHaveLength(1);
      expect(relais.query<{ body: string }>("select body from messages where direction = 'in' and contact_address = '+33622220001'")[0]!.body).toContain('74000');
    } finally {
      await relais.stop();
    }
  });

  it('get a kind answer and the choices again without OpenAI', async () => {
    const relais = await startTestRelais({ meta: { appSecret: APP_SECRET, verifyToken: 'v', accessToken: 'graph-token', apiBaseUrl: base } });
    try {
      const answer = await voiceNote(relais, '33622220002', 'wamid.voice2');
      expect(answer).toContain('ici Relais');
      const before = transcriptions.length;
      const second = await voiceNote(relais, '33622220002', 'wamid.voice3');
      expect(second).toContain('type de message');
      expect(second).toContain('"interactive"');
      expect(transcriptions.length).toBe(before);
    } finally {
      await relais.stop();
    }
  });
});
