// Per-department settings, given by each department that switches Relais on: its telephone platform, home help,
// the distance beyond which a commune is a white zone. Validated with precise errors, since a wrong number here
// would be said to seniors.
import * as z from 'zod';
import { FRENCH_PHONE } from '../knowledge/procedure-schema.js';
import { isReadableOsmHours } from './osm-hours.js';

const phone = z.string().regex(FRENCH_PHONE, 'a French number as people dial it, e.g. "04 66 49 66 66"');

export const departmentSchema = z.object({
  /** INSEE department code: "48", "2A", "974". */
  code: z.string().regex(/^(\d{2}|2[AB]|97\d)$/, 'an INSEE department code such as "48", "2A" or "974"'),
  name: z.string().min(2),
  /** The department's telephone platform for older people, said when nothing is near. */
  platformPhone: phone.optional(),
  platformHours: z.string().optional(),
  /** Where to ask for help at home (a CLIC, the autonomy services…). */
  homeHelpName: z.string().optional(),
  homeHelpPhone: phone.optional(),
  /** Beyond this distance, a commune is a white zone for this department. */
  whiteZoneRadiusKm: z.number().positive().max(200).optional(),
  /**
   * The Relais number (E.164) given to this department: its platform transfers callers to it and its leaflets print
   * it, so a call to it is known to come from this department. One number per department.
   */
  voiceNumber: z.string().regex(/^\+\d{8,15}$/, 'an E.164 number such as "+33466000000"').optional(),
  /** The Relais SMS and WhatsApp numbers given to this department (E.164): a message to them belongs to it. */
  smsNumber: z.string().regex(/^\+\d{8,15}$/, 'an E.164 number such as "+33466000000"').optional(),
  whatsappNumber: z.string().regex(/^\+\d{8,15}$/, 'an E.164 number such as "+33466000000"').optional(),
  /** When the platform answers, OSM style ("Mo-Fr 09:00-12:00,13:30-17:00"): outside them, a callback is offered. */
  platformOpeningHours: z
    .string()
    .refine(isReadableOsmHours, 'opening hours such as "Mo-Fr 09:00-12:00,13:30-17:00"')
    .optional(),
  /** The department's own voice and pace on the phone (a Twilio voice such as "Polly.Lea-Neural"; 60–100 %). */
  voice: z.string().min(3).optional(),
  speechRatePercent: z.number().int().min(60).max(100).optional(),
  /**
   * Bearer tokens of this department's platform for POST /api/handoffs: a hand-off registered with one is used only
   * by a call to this department's `voiceNumber` (the global HANDOFF_API_TOKEN still registers hand-offs for any call).
   */
  handoffTokens: z.array(z.string().min(16, 'a hand-off token of 16 characters at least')).optional(),
  /**
   * Whether messages Relais cannot read by itself may be sent (masked) to the understanding model, when one is
   * configured (OPENAI_API_KEY). On unless the department sets it to false.
   */
  modelUnderstanding: z.boolean().optional(),
});

export type DepartmentConfig = z.infer<typeof departmentSchema>;

/** Parses the configuration (a JSON array); throws one message listing every problem with its path. */
export function parseDepartments(json: unknown): Map<string, DepartmentConfig> {
  const parsed = z.array(departmentSchema).safeParse(json);
  if (!parsed.success) {
    throw new Error(`Invalid department configuration:\n${parsed.error.issues.map((i) => `- [${i.path.join('].')}: ${i.message}`).join('\n')}`);
  }
  const byNumber = new Map<string, string>();
  const byToken = new Map<string, string>();
  for (const d of parsed.data) {
    for (const token of d.handoffTokens ?? []) {
      const other = byToken.get(token);
      if (other) throw new Error(`Invalid department configuration:\n- departments ${other} and ${d.code} share a hand-off token: one department per token`);
      byToken.set(token, d.code);
    }
    if (!d.voiceNumber) continue;
    const other = byNumber.get(d.voiceNumber);
    if (other) throw new Error(`Invalid department configuration:\n- departments ${other} and ${d.code} share the voiceNumber ${d.voiceNumber}: one number per department`);
    byNumber.set(d.voiceNumber, d.code);
  }
  return new Map(parsed.data.map((d) => [d.code, d]));
}

/** The department whose Relais number was called, if any. */
export function departmentCalled(departments: Map<string, DepartmentConfig> | undefined, calledNumber: string): DepartmentConfig | undefined {
  if (!departments || !calledNumber) return undefined;
  for (const d of departments.values()) if (d.voiceNumber === calledNumber) return d;
  return undefined;
}

/**
 * The department a conversation's turn belongs to: the department whose Relais number was contacted (voice, SMS or
 * WhatsApp), else the one the conversation already named (the called number on the phone, the person's commune).
 */
export function departmentOfTurn(departments: Map<string, DepartmentConfig> | undefined) {
  return (to: string, vars: Record<string, string>): string | undefined => {
    const number = to.replace(/^whatsapp:/, '');
    if (departments && number) {
      for (const d of departments.values()) if ([d.voiceNumber, d.smsNumber, d.whatsappNumber].includes(number)) return d.code;
    }
    return vars['calledDepartement'] || vars['departement'] || undefined;
  };
}
