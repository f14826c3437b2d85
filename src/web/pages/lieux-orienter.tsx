// « Orienter » from Chercher un lieu: a platform agent, on the phone with someone, sends an orientation to one of the
// places found, with the person's agreement recorded (by the agent, by phone) and her number only if she agrees to be
// called. A relay at a desk does the same, and is the orientation's relay (told of the answer on their mobile, asked
// the 7-day check when the person cannot be). The same orientation as a senior's « oui » or a relay's by phone.
import * as z from 'zod';
import { Checkbox, Csrf, Field, Select } from '../components/field.js';
import type { FormState } from '../forms.js';
import type { PlaceLine } from './lieux.js';
import type { NewOrientation, RelayAccount } from '../../db/orientation-repository.js';
import { structureName } from '../../orientations/orient.service.js';
import { frenchPhoneE164 } from '../../directory/format.js';
import { fillTemplate } from '../../engine/template.js';
import { senderLabels } from '../../../data/orientations.fr.js';
import type { WorkspaceUser } from '../auth/roles.js';

export const orientSchema = z.object({
  rank: z.coerce.number({ message: 'Choisissez le lieu à prévenir.' }).int().min(1, 'Choisissez le lieu à prévenir.').max(10, 'Choisissez le lieu à prévenir.'),
  consent: z.literal('oui', { message: 'Demandez d’abord à la personne si elle est d’accord : sans son accord, rien n’est envoyé.' }),
  contact: z
    .string()
    .trim()
    .max(30, 'Ce numéro est trop long.')
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      return frenchPhoneE164(v) ?? (ctx.addIssue({ code: 'custom', message: 'Indiquez un numéro français, par exemple 06 12 34 56 78 ou 04 66 12 34 56.' }), z.NEVER);
    }),
});

export function OrientForm({ places, form, searchValues, csrf }: { places: PlaceLine[]; form: FormState; searchValues: Record<string, string>; csrf: string }) {
  return (
    <>
      <h2>Orienter la personne</h2>
      <p>Le lieu choisi reçoit l’orientation ; vous suivez sa réponse dans « Orientations ».</p>
      <form method="post" action="/espace/lieux/orienter" novalidate>
        <Csrf token={csrf} />
        {Object.entries(searchValues).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <Select form={form} name="rank" label="Lieu à prévenir" options={[['', 'Choisir'], ...places.map((p, i) => [String(i + 1), `${i + 1}. ${p.name}`] as [string, string])]} />
        <Checkbox form={form} name="consent" label="La personne est d’accord pour que ce lieu soit prévenu" />
        <Field form={form} name="contact" type="tel" maxLength={30} label="Numéro de la personne (facultatif)" hint="Seulement si elle accepte que le lieu l’appelle." />
        <button type="submit" class="fr-btn fr-btn--secondary">
          Orienter
        </button>
      </form>
    </>
  );
}

/** The orientation an agent (or a relay: `relay`, their account) sends: the consent is theirs to record, by phone. */
export function agentOrientation(
  user: WorkspaceUser,
  input: { place: PlaceLine & { placeId: string; hours?: string }; need: string; commune: string; contact: string | undefined; placeStructureId: string | undefined },
  at: number,
  relay?: RelayAccount,
): NewOrientation {
  const sender: NewOrientation['sender'] = relay
    ? {
        kind: 'relay',
        userId: relay.id,
        structureId: relay.structureId ?? undefined,
        label: fillTemplate(senderLabels.relay, { email: relay.email, structure: structureName(relay.structureType, relay.structureName) }),
        address: relay.phone ?? undefined,
      }
    : { kind: 'agent', userId: user.id, label: fillTemplate(senderLabels.agent, { email: user.email }) };
  return {
    id: crypto.randomUUID(),
    departement: user.departement,
    need: input.need,
    constraints: [],
    commune: input.commune,
    place: { id: input.place.placeId, name: input.place.name, address: input.place.address, phone: input.place.phone || undefined, hours: input.place.hours || undefined },
    placeStructureId: input.placeStructureId,
    sender,
    consent: { by: user.email, at, how: 'téléphone' },
    personContact: input.contact,
  };
}
