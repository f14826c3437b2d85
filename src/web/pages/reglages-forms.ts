// The schemas of Réglages' forms, with their French errors: department settings, invitation, API token.
import * as z from 'zod';
import { FRENCH_PHONE } from '../../knowledge/procedure-schema.js';
import { isReadableOsmHours } from '../../directory/osm-hours.js';
import { ROLE_NAMES, STRUCTURE_ROLES } from '../auth/roles.js';
import { frenchMobileE164 } from '../../directory/format.js';
import { STRUCTURE_TYPES } from '../../orientations/statuses.js';

const optional = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .pipe(schema.optional());

const phone = z.string().max(30, 'Ce numéro est trop long.').regex(FRENCH_PHONE, 'Indiquez un numéro comme on le compose, par exemple 04 66 49 66 66.');
const relaisNumber = z.string().regex(/^\+\d{8,15}$/, 'Indiquez le numéro au format international, par exemple +33466000099.');

export const settingsSchema = z.object({
  name: z.string().trim().min(2, 'Indiquez le nom du département.').max(80, 'Ce nom est trop long (80 caractères au plus).'),
  platformPhone: optional(phone),
  platformHours: optional(z.string().max(120, 'Ce texte est trop long (120 caractères au plus).')),
  platformOpeningHours: optional(
    z
      .string()
      .max(200, 'Ce texte est trop long.')
      .refine(isReadableOsmHours, 'Écrivez les horaires ainsi : Mo-Fr 09:00-12:00,13:30-17:00.'),
  ),
  homeHelpName: optional(z.string().max(120, 'Ce nom est trop long (120 caractères au plus).')),
  homeHelpPhone: optional(phone),
  whiteZoneRadiusKm: optional(
    z.coerce.number<string>({ message: 'Indiquez un nombre de kilomètres.' }).int('Indiquez un nombre entier de kilomètres.').min(1, 'Au moins 1 km.').max(200, '200 km au plus.'),
  ),
  voiceNumber: optional(relaisNumber),
  smsNumber: optional(relaisNumber),
  whatsappNumber: optional(relaisNumber),
  /** A checkbox: ticked (« oui ») lets the understanding model read the messages Relais cannot read by itself. */
  modelUnderstanding: z
    .string()
    .optional()
    .transform((v) => v === 'oui'),
});

export const inviteSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Indiquez l'adresse électronique de la personne.")
    .max(200, 'Cette adresse est trop longue.')
    .pipe(z.email('Indiquez une adresse électronique valide, par exemple nom@departement.fr.')),
  role: z.enum(ROLE_NAMES as [string, ...string[]], { message: 'Choisissez un rôle dans la liste.' }),
  /** A relay's or a structure's staff: their structure (checked to be the department's by the handler). */
  structureId: z.string().trim().default(''),
  /** A relay's mobile: their messages from it open relay mode. */
  phone: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || frenchMobileE164(v) !== undefined, 'Indiquez un numéro de portable français, par exemple 06 12 34 56 78.')
    .transform((v) => (v ? frenchMobileE164(v)! : '')),
}).superRefine((v, ctx) => {
  if ((STRUCTURE_ROLES as readonly string[]).includes(v.role) && !v.structureId) ctx.addIssue({ code: 'custom', path: ['structureId'], message: 'Choisissez la structure de cette personne.' });
});

export const structureSchema = z.object({
  name: z.string().trim().min(2, 'Indiquez le nom de la structure.').max(120, 'Ce nom est trop long (120 caractères au plus).'),
  type: z.enum(STRUCTURE_TYPES, { message: 'Choisissez un type dans la liste.' }),
  placeId: z.string().trim().max(100, 'Cet identifiant est trop long.').default(''),
});

export const tokenSchema = z.object({
  label: z.string().trim().min(2, 'Donnez un nom à ce jeton, par exemple « outil de la plateforme ».').max(80, 'Ce nom est trop long (80 caractères au plus).'),
});

/** The numbers that name a department when called or texted: one department each. */
export const RELAIS_NUMBER_FIELDS = ['voiceNumber', 'smsNumber', 'whatsappNumber'] as const;
