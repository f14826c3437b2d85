// The follow-ups' WhatsApp templates as both runtimes read them: Meta's names, Twilio's Content SIDs, and a precise
// error for a value that could only fail at send time.
import { describe, expect, it } from 'vitest';
import { followUpTemplatesOf, readFollowUpEnv } from '../../src/runtime/followup-env.js';

const SID = `HX${'0123456789abcdef'.repeat(2)}`;

describe('the WhatsApp templates of follow-ups', () => {
  it('reads Meta’s names and Twilio’s Content SIDs, each by purpose', () => {
    const env = readFollowUpEnv({ META_TEMPLATES: '{"suivi": "suivi_visite"}', TWILIO_WHATSAPP_TEMPLATES: `{"suivi": "${SID}"}` });
    expect(followUpTemplatesOf(env)).toEqual({ metaTemplates: { suivi: 'suivi_visite' }, twilioWhatsAppTemplates: { suivi: SID } });
    expect(followUpTemplatesOf(readFollowUpEnv({ TWILIO_WHATSAPP_TEMPLATES: '' }))).toEqual({});
  });

  it('refuses a Twilio template that is not a Content SID, or text that is not JSON, naming the variable', () => {
    for (const value of ['{"suivi": "suivi_visite"}', 'HX0123', '{"suivi": 12}']) {
      expect(() => readFollowUpEnv({ TWILIO_WHATSAPP_TEMPLATES: value }), value).toThrow(/TWILIO_WHATSAPP_TEMPLATES: TWILIO_WHATSAPP_TEMPLATES must be a JSON object of Content SIDs/);
    }
  });
});
