// Calls transferred by a department's platform: a hand-off registered through the authenticated API, SIP headers or
// the URL's query tell Relais what the agent already knows, so the caller is greeted as transferred and not asked
// again. Expired, unknown, reused or forged hand-offs change nothing for the caller.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, startTestRelais, type TestRelais } from '../support/relais.js';

const TOKEN = 'handoff-token-0123456789abcdef';
let relais: TestRelais;
const clock = new ManualClock();
let phone = 0;
const nextPhone = () => `+3363300${String(phone++).padStart(4, '0')}`;

beforeAll(async () => {
  relais = await startTestRelais({ clock, handoffApiToken: TOKEN });
});
afterAll(() => relais.stop());

async function registerHandoff(body: unknown, token: string | null = TOKEN) {
  const response = await fetch(`${relais.url}/api/handoffs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token === null ? {} : { Authorization: `Bearer ${token}` }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('POST /api/handoffs', () => {
  it('refuses a forged or missing token, and stores nothing', async () => {
    const caller = nextPhone();
    expect((await registerHandoff({ caller, commune: '74000' }, 'wrong-token-0123456789abcdef')).status).toBe(401);
    expect((await registerHandoff({ caller, commune: '74000' }, null)).status).toBe(401);
    expect(relais.query('select * from handoffs where caller_address = ?', caller)).toEqual([]);
  });

  it('is refused on a server without a token', async () => {
    const closed = await startTestRelais();
    try {
      const response = await fetch(`${closed.url}/api/handoffs`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` }, body: '{}' });
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('HANDOFF_API_TOKEN');
    } finally {
      await closed.stop();
    }
  });

  it('answers bad input with every problem, precisely', async () => {
    const bad = await registerHandoff({ caller: '12', need: 'pizza', validMinutes: 600 });
    expect(bad.status).toBe(400);
    expect(bad.json['problems']).toEqual(
      expect.arrayContaining([expect.stringContaining('caller: a phone number'), expect.stringContaining('need: one of lieu, demarche'), expect.stringContaining('validMinutes')]),
    );
    expect((await registerHandoff('not json')).status).toBe(400);
  });

  it('registers a hand-off for a French number however the agent wrote it', async () => {
    const created = await registerHandoff({ caller: '06 33 00 99 01', commune: 'Annecy', need: 'lieu' });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ caller: '+33633009901', id: expect.any(String), expiresAt: expect.any(String) });
  });
});

describe('a transferred call', () => {
  it('names the commune of a postal code shared by several, never the bare number', async () => {
    const caller = nextPhone();
    expect((await registerHandoff({ caller, commune: '15400', need: 'arnaque' })).status).toBe(201);
    const call = await relais.call(caller);
    expect(call.lastHeard()).toMatch(/votre demande pour Riom-ès-Montagnes et ses environs\./);
    expect(call.lastHeard()).not.toContain('15400');
  });

  it('is greeted as transferred and hears the places at once: the commune and the need are not asked again', async () => {
    const caller = nextPhone();
    expect((await registerHandoff({ caller, commune: '74000', need: 'lieu', note: 'Dame seule, malentendante', slowSpeech: true })).status).toBe(201);
    const call = await relais.call(caller);
    const heard = call.lastHeard();
    // The agent typed a postal code: the caller hears the commune's name, never « pour 74000 ».
    expect(heard).toContain('Le conseiller nous a transmis votre demande pour Annecy');
    expect(heard).toContain('pour Annecy');
    expect(heard).not.toContain('Que souhaitez-vous');
    expect(heard).not.toContain('code postal');
    expect(call.said[0]?.rate).toBe('80%');
    expect(relais.query<{ context_source: string }>('select context_source from calls where call_sid = ?', call.callSid)[0]?.context_source).toBe('handoff');
    // Used once: the next call from the same number is an ordinary call.
    const again = await relais.call(caller);
    expect(again.lastHeard()).toContain('Que souhaitez-vous');
  });

  it('starts the explanation of the procedure the agent named', async () => {
    const caller = nextPhone();
    await registerHandoff({ caller, need: 'demarche', procedure: 'carte vitale' });
    const call = await relais.call(caller);
    expect(call.lastHeard()).toMatch(/Vitale/);
    expect(call.lastHeard()).toContain('Étape 1 sur');
    expect(call.lastHeard()).not.toContain('Quelle démarche');
  });

  it('ignores an expired hand-off, and an unknown caller, safely', async () => {
    const caller = nextPhone();
    await registerHandoff({ caller, commune: '74000', need: 'lieu', validMinutes: 5 });
    clock.advanceHours(6 / 60);
    const call = await relais.call(caller);
    expect(call.lastHeard()).toContain('Bonjour, ici Relais. Nous vous aidons');
    expect(call.lastHeard()).toContain('Que souhaitez-vous');
    const stranger = await relais.call(nextPhone());
    expect(stranger.lastHeard()).toContain('Que souhaitez-vous');
  });

  it('reads the context from SIP headers, and ignores a bad value without losing the good ones', async () => {
    const call = await relais.call(nextPhone(), {
      params: { 'SipHeader_X-Relais-Commune': '74000', 'SipHeader_X-Relais-Need': 'nimporte', 'SipHeader_X-Relais-Procedure': 'x'.repeat(500) },
    });
    expect(call.lastHeard()).toContain('Le conseiller nous a transmis votre demande');
    // The need was unreadable: the menu, but the commune is known and not asked again.
    expect(call.lastHeard()).toContain('Que souhaitez-vous');
    await call.press('1');
    expect(call.lastHeard()).toContain('pour Annecy');
  });

  it('reads the context from the webhook URL’s query', async () => {
    const call = await relais.call(nextPhone(), { query: { commune: 'Annecy', need: 'arnaque' } });
    expect(call.lastHeard()).toContain('Le conseiller nous a transmis votre demande');
    expect(call.lastHeard()).toContain("Signes d'arnaque");
  });
});
