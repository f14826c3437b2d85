// Per-department settings, given by each department that switches Relais on: its telephone platform, home help,
// the distance beyond which a commune is a white zone. Validated with precise errors, since a wrong number here
// would be said to seniors.
import { z } from 'zod';
import { FRENCH_PHONE } from '../knowledge/procedure-schema.js';

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
});

export type DepartmentConfig = z.infer<typeof departmentSchema>;

/** Parses the configuration (a JSON array); throws one message listing every problem with its path. */
export function parseDepartments(json: unknown): Map<string, DepartmentConfig> {
  const parsed = z.array(departmentSchema).safeParse(json);
  if (!parsed.success) {
    throw new Error(`Invalid department configuration:\n${parsed.error.issues.map((i) => `- [${i.path.join('].')}: ${i.message}`).join('\n')}`);
  }
  return new Map(parsed.data.map((d) => [d.code, d]));
}
