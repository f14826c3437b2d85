// Hand-offs tied to a department: a platform's own token (department settings, `handoffTokens`) registers hand-offs
// used only by a call to that department's Relais number; the global HANDOFF_API_TOKEN still works for any call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDepartments } from '../../src/directory/departments.js';
import { VoiceSession } from '../support/post.js';
import { startTestRelais, type TestRelais } from '../support/relais.js';

const GLOBAL = 'global-handoff-token-000001';
const LOZERE = 'lozere-platform-token-0001';
const SAVOIE = 'savoie-platform-token-0001';
let relais: TestRelais;

beforeAll(async () => {
  relais = await startTestRelais({
    handoffApiToken: GLOBAL,
    departments: parseDepartments([
      { code: '48', name: 'Lozère', platformPhone: '04 66 00 00 00', voiceNumber: '+33466990048', handoffTokens: [LOZERE] },
      { code: '74', name: 'Haute-Savoie', platformPhone: '04 50 00 00 00', voiceNumber: '+33450990074', handoffTokens: [SAVOIE] },
    ]),
  });
});
afterAll(() => relais.stop());

async function register(token: string, caller: string) {
  const response = await fetch(`${relais.url}/api/handoffs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ caller, commune: 'Mende', need: 'lieu' }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}
const contextOf = (callSid: string) => relais.query<{ context_source: string | null }>('select context_source from calls where call_sid = ?', callSid)[0]?.context_source;

describe('hand-offs per department', () => {
  it("are used only by a call to the registering department's number", async () => {
    const caller = '+33612000048';
    const registered = await register(LOZERE, caller);
    expect(registered.status).toBe(201);
    expect(registered.json['departement']).toBe('48');

    const elsewhere = new VoiceSession(relais.url, caller, '+33450990074');
    expect(await elsewhere.start()).not.toContain('transmis votre demande');
    expect(contextOf(elsewhere.callSid)).toBeNull();

    const home = new VoiceSession(relais.url, caller, '+33466990048');
    expect(await home.start()).toContain('transmis votre demande');
    expect(contextOf(home.callSid)).toBe('handoff');
  });

  it('registered with the global token, are used by a call to any number', async () => {
    const caller = '+33612000049';
    expect((await register(GLOBAL, caller)).json['departement']).toBeUndefined();
    const call = new VoiceSession(relais.url, caller, '+33450990074');
    await call.start();
    expect(contextOf(call.callSid)).toBe('handoff');
  });

  it('refuses an unknown token, and a token given to two departments', async () => {
    expect((await register('not-a-known-token-00000', '+33612000050')).status).toBe(401);
    expect(() =>
      parseDepartments([
        { code: '48', name: 'Lozère', handoffTokens: [LOZERE] },
        { code: '74', name: 'Haute-Savoie', handoffTokens: [LOZERE] },
      ]),
    ).toThrow(/share a hand-off token/);
  });
});
