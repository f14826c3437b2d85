// The follow-ups' settings as both runtimes read them (environment on Node, variables on Workers): one schema, one
// mapping to what composeRelais takes. Delays in days; sending hours in the OSM syntax (PH: French public holidays).
import * as z from 'zod';
import { isReadableOsmHours } from '../directory/osm-hours.js';
import type { FollowUpSettings } from '../followups/plan.js';
import { parseEnvShape } from './voice-env.js';

/** A Twilio Content template's SID. */
const CONTENT_SID = /^HX[0-9a-fA-F]{32}$/;

/** A JSON object of templates by purpose, each value checked by `template`; one precise message for anything else. */
function templatesByPurpose(template: z.ZodString, message: string) {
  return z
    .string()
    .transform((text, ctx) => {
      try {
        return z.record(z.string(), template).parse(JSON.parse(text));
      } catch {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
    })
    .optional();
}

export const followUpEnvShape = {
  /** When Relais may write first, Europe/Paris (default `Mo-Sa 09:00-19:00; PH off`). */
  FOLLOWUP_HOURS: z.string().refine(isReadableOsmHours, 'FOLLOWUP_HOURS must be OSM opening hours such as "Mo-Sa 09:00-19:00; PH off"').optional(),
  FOLLOWUP_REMINDER_DAYS_BEFORE: z.coerce.number().int().min(1).max(7).optional(),
  FOLLOWUP_VERIFICATION_DAYS: z.coerce.number().int().min(1).max(60).optional(),
  FOLLOWUP_EVALUATION_DAYS: z.coerce.number().int().min(7).max(180).optional(),
  /** Meta's approved templates by purpose, JSON: {"rappel-atelier": "…", "suivi": "…", "evaluation": "…"}. */
  META_TEMPLATES: templatesByPurpose(z.string().min(1), 'META_TEMPLATES must be a JSON object of template names, e.g. {"rappel-atelier": "rappel_atelier"}'),
  /**
   * Twilio's approved WhatsApp Content templates by purpose, JSON of Content SIDs: {"suivi": "HX…", "evaluation": "HX…"},
   * for a Relais WhatsApp number on Twilio. Each has one variable, {{1}}, which holds the follow-up's text.
   */
  TWILIO_WHATSAPP_TEMPLATES: templatesByPurpose(
    z.string().regex(CONTENT_SID),
    'TWILIO_WHATSAPP_TEMPLATES must be a JSON object of Content SIDs (HX and 32 hexadecimal digits), e.g. {"suivi": "HX0123456789abcdef0123456789abcdef"}',
  ),
  /** `1` switches the scheduler off in this process (a second process on the same database). */
  DISABLE_SCHEDULER: z.enum(['0', '1', 'true', 'false']).optional(),
};

const followUpEnvSchema = z.object(followUpEnvShape);
export type FollowUpEnv = z.infer<typeof followUpEnvSchema>;

export const readFollowUpEnv = (env: Record<string, unknown>): FollowUpEnv => parseEnvShape(followUpEnvSchema, env);

export const schedulerDisabled = (env: FollowUpEnv) => env.DISABLE_SCHEDULER === '1' || env.DISABLE_SCHEDULER === 'true';

export function followUpSettingsOf(env: FollowUpEnv): Partial<FollowUpSettings> {
  return {
    ...(env.FOLLOWUP_HOURS ? { sendingHours: env.FOLLOWUP_HOURS } : {}),
    ...(env.FOLLOWUP_REMINDER_DAYS_BEFORE ? { reminderDaysBefore: env.FOLLOWUP_REMINDER_DAYS_BEFORE } : {}),
    ...(env.FOLLOWUP_VERIFICATION_DAYS ? { verificationAfterDays: env.FOLLOWUP_VERIFICATION_DAYS } : {}),
    ...(env.FOLLOWUP_EVALUATION_DAYS ? { evaluationAfterDays: env.FOLLOWUP_EVALUATION_DAYS } : {}),
  };
}

/** The approved WhatsApp templates the runtime passes on: Meta's names and Twilio's Content SIDs, by purpose. */
export function followUpTemplatesOf(env: FollowUpEnv): { metaTemplates?: Record<string, string>; twilioWhatsAppTemplates?: Record<string, string> } {
  return {
    ...(env.META_TEMPLATES ? { metaTemplates: env.META_TEMPLATES } : {}),
    ...(env.TWILIO_WHATSAPP_TEMPLATES ? { twilioWhatsAppTemplates: env.TWILIO_WHATSAPP_TEMPLATES } : {}),
  };
}
