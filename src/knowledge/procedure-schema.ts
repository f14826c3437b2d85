// The shape of a procedure (démarche) explanation: written in our own words from public facts, each with its
// source and review date, validated by zod so that no entry reaches a senior half-written.
import * as z from 'zod';

/** French phone numbers as people dial them: "39 60", "3646", "09 69 39 39 00", "0 809 401 401". */
export const FRENCH_PHONE = /^(?:\d{2} ?\d{2}|0 ?\d{3} ?\d{3} ?\d{3}|0\d(?: ?\d{2}){4})$/;

export const PROCEDURE_CATEGORIES = ['retraite', 'sante', 'impots', 'identite', 'vehicule', 'logement', 'autonomie', 'energie', 'numerique', 'securite', 'banque', 'famille'] as const;

/**
 * The situations that set apart entries about the same thing (« carte Vitale perdue » from « l'appli carte Vitale »,
 * « mot de passe ameli oublié » from « créer mon compte ameli »). The words saying each live in data/procedures.
 */
export const PROCEDURE_SITUATIONS = ['lost', 'stolen', 'damaged', 'renew', 'firstTime', 'password'] as const;
export type ProcedureSituation = (typeof PROCEDURE_SITUATIONS)[number];

export const procedureSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(3).max(60),
  category: z.enum(PROCEDURE_CATEGORIES),
  /** Everyday words people use for it ("carte vitale", "vitale", "ma carte verte"). Used by the matcher. */
  synonyms: z.array(z.string().min(2)).min(3),
  /**
   * The situations this entry is for, when another entry covers the same thing in general: the matcher prefers it
   * when the message says one of them, and the general entry when it says none.
   */
  situations: z.array(z.enum(PROCEDURE_SITUATIONS)).min(1).optional(),
  /** Who it is for, in one plain sentence. */
  audience: z.string().min(10).max(200),
  /** At most 6 short steps, each readable in one SMS. */
  steps: z.array(z.string().min(10).max(150)).min(1).max(6),
  documents: z.array(z.string().min(3)).default([]),
  website: z.url().refine((u) => u.startsWith('https://'), 'official sites are https'),
  phone: z
    .object({
      number: z.string().regex(FRENCH_PHONE, 'a French number as people dial it, e.g. "39 60" or "09 69 39 39 00"'),
      hours: z.string().min(5),
      cost: z.string().min(3),
    })
    .optional(),
  /** What it costs; free procedures say so, since fake sites charge for them. */
  cost: z.string().min(3),
  /** Said when fake paid sites imitate the official one. */
  fakeSitesWarning: z.string().optional(),
  franceServicesCanHelp: z.boolean(),
  /** Whether a trained professional can act on the person's behalf under an Aidants Connect mandate. */
  aidantsConnect: z.boolean(),
  source: z.url(),
  /** ISO date of the last review against the source. */
  reviewedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export type Procedure = z.output<typeof procedureSchema>;
export type ProcedureInput = z.input<typeof procedureSchema>;
