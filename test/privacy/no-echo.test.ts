// What a person typed is never repeated to them when it is not a place's name (a web address, a phone number), and
// the whisper an agent hears on a transfer carries validated fields only, never the caller's raw words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowDefinitions } from '../../flows/index.js';
import { echoablePlaceName } from '../../src/directory/normalize.js';
import { templateVariables } from '../../src/engine/template.js';
import { twilioWhatsApp } from '../support/post.js';
import { startTestRelais, type TestRelais } from '../support/relais.js';

let relais: TestRelais;
beforeAll(async () => {
  relais = await startTestRelais();
});
afterAll(() => relais.stop());

describe('no echo of what a person typed', () => {
  it('keeps only what could be a commune name', () => {
    expect(echoablePlaceName('Zzyzx-sur-Mer')).toBe('Zzyzx-sur-Mer');
    expect(echoablePlaceName("L'Haÿ-les-Roses")).toBe("L'Haÿ-les-Roses");
    expect(echoablePlaceName('99999')).toBe('99999');
    for (const typed of ['https://evil.example/x', 'www.arnaque.fr', '06 12 34 56 78', '+33612345678', 'a@b.fr', 'x'.repeat(41), '<script>']) {
      expect(echoablePlaceName(typed)).toBe('');
    }
  });

  it('does not repeat a web address or a phone number given as the commune, by SMS or WhatsApp', async () => {
    // A number of its own for each: a number drawn at random met an earlier conversation one run in thirty.
    for (const [i, typed] of ['https://evil.example/paiement', '06 12 34 56 78 rappelez', 'www.faux-ameli.fr'].entries()) {
      const phone = `+3367300001${i}`;
      await relais.sms(phone, 'Bonjour');
      await relais.sms(phone, '1');
      const reply = (await relais.sms(phone, typed)).messages.join('\n');
      // A link that speaks of payment is rightly read as a scam in progress; either way, nothing typed is repeated.
      expect(reply).toMatch(/Je ne trouve pas la commune|arnaque/);
      expect(reply).not.toContain('evil');
      expect(reply).not.toContain('12 34');
      expect(reply).not.toContain('faux-ameli');
      const wa = (await twilioWhatsApp(relais.url, phone, typed)).messages.join('\n');
      expect(wa).not.toContain('evil');
      expect(wa).not.toContain('faux-ameli');
    }
    const named = `+33673000100`;
    await relais.sms(named, 'Bonjour');
    await relais.sms(named, '1');
    expect((await relais.sms(named, 'Zzyzx-sur-Mer')).messages.join()).toContain('"Zzyzx-sur-Mer"');
  });

  it('whispers to the agent only validated fields', () => {
    const validated = new Set(['commune', 'procedureTitle', 'agentNote']);
    for (const flow of flowDefinitions) {
      for (const step of Object.values(flow.steps)) {
        if (step.type !== 'connect') continue;
        for (const name of templateVariables(step.whisper)) expect(validated, `${flow.id}: {${name}} in a whisper`).toContain(name);
      }
    }
  });
});
