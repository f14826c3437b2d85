// What the receiving place sees of an orientation, and its two answers: accept (with a time, or « passez aux heures
// d'ouverture ») or refuse (with a reason from the list). Used by the answer link (/o/:token) and a structure's inbox.
import * as z from 'zod';
import { constraintWording } from '../../../data/orientations.fr.js';
import type { Orientation } from '../../db/orientation-repository.js';
import { formatPhoneFr } from '../../directory/format.js';
import { OPENING_HOURS_APPOINTMENT, REFUSAL_REASONS } from '../../orientations/statuses.js';
import type { FormState } from '../forms.js';
import { Checkbox, Field, Select } from './field.js';

export const NEED_LABELS: Record<string, string> = { demarches: 'une démarche', apprendre: 'apprendre le numérique', materiel: 'du matériel', internet: 'un accès à internet' };

const frenchDateTime = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' });

/** « 2026-11-26T10:30 » (the wall time the place typed) as « jeudi 26 novembre à 10:30 ». */
export function appointmentText(local: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])));
  return Number.isNaN(date.getTime()) ? undefined : frenchDateTime.format(date).replace(/(\d{2}):(\d{2})/, '$1 h $2').replace(' h 00', ' h');
}

export const acceptSchema = z
  .object({ appointmentAt: z.string().trim().default(''), openingHours: z.string().optional() })
  .superRefine((v, ctx) => {
    if (v.openingHours === 'oui') return;
    if (!appointmentText(v.appointmentAt)) ctx.addIssue({ code: 'custom', path: ['appointmentAt'], message: "Indiquez un jour et une heure, ou cochez « passez aux heures d'ouverture »." });
  })
  .transform((v) => ({ appointment: v.openingHours === 'oui' ? OPENING_HOURS_APPOINTMENT : appointmentText(v.appointmentAt)! }));

export const refuseSchema = z.object({ refusalReason: z.enum(REFUSAL_REASONS, { message: 'Choisissez la raison du refus dans la liste.' }) });

export function OrientationFacts({ orientation }: { orientation: Orientation }) {
  const facts = [
    ['Lieu', `${orientation.placeName}, ${orientation.placeAddress}`],
    ['Commune de la personne', orientation.commune ?? ''],
    ['Besoin', [NEED_LABELS[orientation.need ?? ''] ?? orientation.need ?? '', orientation.procedureTitle ?? ''].filter(Boolean).join(' : ')],
    ['Difficultés', orientation.constraints.map((c) => constraintWording[c]?.label ?? c).join(', ')],
    ['Orientée par', orientation.senderLabel],
    ['Téléphone de la personne', orientation.personContact ? `${formatPhoneFr(orientation.personContact) ?? orientation.personContact} (elle accepte d'être appelée)` : "Non communiqué (la personne n'a pas donné son accord pour être appelée)"],
    ['Statut', orientation.status],
    ['Rendez-vous', orientation.appointment ?? ''],
    ['Raison du refus', orientation.refusalReason ?? ''],
  ].filter(([, v]) => v);
  return (
    <dl class="fr-mb-3w">
      {facts.map(([k, v]) => (
        <div class="fr-mb-1w">
          <dt class="fr-text--bold">{k}</dt>
          <dd class="fr-ml-0">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The two answers, each its own form posted to `action` (with `hidden` fields: the CSRF token or the orientation's id). */
export function AnswerForms({ action, hidden, accept, refuse }: { action: string; hidden: Record<string, string>; accept: FormState; refuse: FormState }) {
  const hiddenInputs = Object.entries(hidden).map(([name, value]) => <input type="hidden" name={name} value={value} />);
  return (
    <div class="fr-grid-row fr-grid-row--gutters">
      <div class="fr-col-12 fr-col-md-6">
        <form method="post" action={action} novalidate>
          <h2 class="fr-h4">Accepter</h2>
          {hiddenInputs}
          <input type="hidden" name="decision" value="accepter" />
          <Field form={accept} name="appointmentAt" label="Rendez-vous proposé" hint="Le jour et l'heure." type="datetime-local" />
          <Checkbox form={accept} name="openingHours" label="Pas de rendez-vous : passez aux heures d'ouverture" />
          <button type="submit" class="fr-btn fr-mt-2w">
            Accepter l'orientation
          </button>
        </form>
      </div>
      <div class="fr-col-12 fr-col-md-6">
        <form method="post" action={action} novalidate>
          <h2 class="fr-h4">Refuser</h2>
          {hiddenInputs}
          <input type="hidden" name="decision" value="refuser" />
          <Select form={refuse} name="refusalReason" label="Raison du refus" options={[['', 'Choisir'], ...REFUSAL_REASONS.map((r) => [r, r[0]!.toUpperCase() + r.slice(1)] as const)]} />
          <button type="submit" class="fr-btn fr-btn--secondary">
            Refuser l'orientation
          </button>
        </form>
      </div>
    </div>
  );
}
