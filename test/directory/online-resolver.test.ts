// The optional online geocoder against a loopback fake of geo.api.gouv.fr: asked only when the embedded answer is
// approximate or missing, cached persistently (a restart does not ask again), and harmless when the API fails.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRelais } from '../support/relais.js';

const requests: string[] = [];
let fake: Server;
let fakeUrl: string;
let failing = false;
const dir = mkdtempSync(join(tmpdir(), 'relais-geo-'));

beforeAll(async () => {
  fake = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (failing) return void res.writeHead(503).end();
    const url = new URL(req.url ?? '/', 'http://fake');
    res.setHeader('Content-Type', 'application/json');
    if (url.pathname === '/communes' && url.searchParams.get('nom')?.toLowerCase() === 'annecy-le-vieux-du-test') {
      return void res.end(JSON.stringify([{ nom: 'Annecy', code: '74010', codesPostaux: ['74000'], population: 130000, codeDepartement: '74', centre: { type: 'Point', coordinates: [6.1294, 45.8992] } }]));
    }
    res.end('[]');
  });
  await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
  fakeUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => fake.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('online geocoder (off by default)', () => {
  it('answers a name the embedded data does not know, once, and remembers it across a restart', async () => {
    const databasePath = join(dir, 'geo.sqlite');
    const ask = async (from: string) => {
      const relais = await startTestRelais({ databasePath, geoApiBaseUrl: fakeUrl });
      try {
        await relais.sms(from, 'Bonjour');
        await relais.sms(from, '1');
        return (await relais.sms(from, 'Annecy-le-Vieux-du-Test')).messages.join('\n');
      } finally {
        await relais.close();
      }
    };
    expect(await ask('+33655530001')).toContain('pour Annecy');
    expect(requests.filter((r) => r.includes('Annecy-le-Vieux-du-Test'))).toHaveLength(1);
    expect(await ask('+33655530002')).toContain('pour Annecy');
    expect(requests.filter((r) => r.includes('Annecy-le-Vieux-du-Test'))).toHaveLength(1);
  });

  it('does not ask when the embedded data knows the commune exactly', async () => {
    const before = requests.length;
    const relais = await startTestRelais({ geoApiBaseUrl: fakeUrl });
    try {
      await relais.sms('+33655530003', 'Bonjour');
      await relais.sms('+33655530003', '1');
      expect((await relais.sms('+33655530003', '74000')).messages.join()).toContain('pour Annecy');
      expect(requests.length).toBe(before);
    } finally {
      await relais.stop();
    }
  });

  it('falls back kindly when the API fails, and does not cache the failure', async () => {
    failing = true;
    const relais = await startTestRelais({ geoApiBaseUrl: fakeUrl });
    try {
      await relais.sms('+33655530004', 'Bonjour');
      await relais.sms('+33655530004', '1');
      const reply = await relais.sms('+33655530004', 'Zzyzx-sur-Mer');
      expect(reply.status).toBe(200);
      expect(reply.messages.join()).toContain('Je ne trouve pas la commune');
      expect(relais.query("select * from geocode_cache where query like '%zzyzx%'")).toHaveLength(0);
    } finally {
      failing = false;
      await relais.stop();
    }
  });

  it('is off without GEO_API_BASE_URL', async () => {
    const before = requests.length;
    const relais = await startTestRelais();
    try {
      await relais.sms('+33655530005', 'Bonjour');
      await relais.sms('+33655530005', '1');
      expect((await relais.sms('+33655530005', 'Annecy-le-Vieux-du-Test')).messages.join()).not.toContain('pour Annecy');
      expect(requests.length).toBe(before);
    } finally {
      await relais.stop();
    }
  });
});
