// The orientation's life, as data: its statuses, the changes allowed from each, the refusal reasons and the
// structure types. Pure: no I/O. Every change goes through changeOrientationStatus (change-status.ts).

export const ORIENTATION_STATUSES = ['envoyée', 'acceptée', 'refusée', 'honorée', 'non honorée', 'clôturée'] as const;
export type OrientationStatus = (typeof ORIENTATION_STATUSES)[number];

/**
 * envoyée → acceptée | refusée → honorée | non honorée → clôturée (a refusal is closed directly). A place that never
 * answered its link (a landline the platform called) may still have received the person: her answer to the 7-day
 * check settles an `envoyée` orientation too.
 */
export const TRANSITIONS: Record<OrientationStatus, readonly OrientationStatus[]> = {
  envoyée: ['acceptée', 'refusée', 'honorée', 'non honorée'],
  acceptée: ['honorée', 'non honorée'],
  refusée: ['clôturée'],
  honorée: ['clôturée'],
  'non honorée': ['clôturée'],
  clôturée: [],
};

export const isOrientationStatus = (value: string): value is OrientationStatus => (ORIENTATION_STATUSES as readonly string[]).includes(value);

export const canChange = (from: OrientationStatus, to: OrientationStatus) => TRANSITIONS[from].includes(to);

/** Why a place refuses, from a list (so that the figures can count them). */
export const REFUSAL_REASONS = ['hors compétence', 'complet', 'doublon', 'personne injoignable', 'autre'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** What a relay's structure is. */
export const STRUCTURE_TYPES = ['CCAS', 'SAAD', 'France Services', 'association', 'conseiller numérique', 'mairie', 'autre'] as const;

/** When an accepted orientation says no time: the person comes during opening hours. */
export const OPENING_HOURS_APPOINTMENT = "passez aux heures d'ouverture";

/** What limits the person, as the relay says it (kept as codes; their French words in data/orientations.fr.ts). */
export const PERSON_CONSTRAINTS = ['mobility', 'hearing', 'sight', 'reading', 'noInternet', 'noDevice', 'urgent'] as const;
export type PersonConstraint = (typeof PERSON_CONSTRAINTS)[number];

/** The change asked, and what it carries: an appointment on acceptance, a reason on refusal. */
export interface StatusChange {
  to: OrientationStatus;
  /** Who asks: a user's email, « le lieu (lien de réponse) »… */
  author: string;
  /** The author's own number, if any: told nothing of a change they made themselves. */
  authorAddress?: string | undefined;
  appointment?: string;
  refusalReason?: RefusalReason;
}

/** Whether the change is allowed from `from`, and complete: a French reason when not. */
export function checkChange(from: OrientationStatus, change: StatusChange): { ok: true } | { ok: false; reason: string } {
  if (!canChange(from, change.to)) return { ok: false, reason: `Cette orientation est « ${from} » : elle ne peut plus passer à « ${change.to} ».` };
  if (change.to === 'refusée' && !change.refusalReason) return { ok: false, reason: 'Choisissez la raison du refus.' };
  if (change.to === 'acceptée' && !change.appointment?.trim()) return { ok: false, reason: "Indiquez un rendez-vous, ou « passez aux heures d'ouverture »." };
  return { ok: true };
}
