// Réglages, structures: the department's structures (CCAS, SAAD, France Services…) that orient or receive people,
// and, when inviting a relay or a structure's staff, their structure and a relay's mobile (relay mode by SMS).
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { STRUCTURE_TYPES } from '../../orientations/statuses.js';
import { Csrf, Field, Select } from '../components/field.js';
import { Table } from '../components/table.js';
import type { WorkspaceEnv } from '../context.js';
import { emptyForm, readForm, type FormState } from '../forms.js';
import { structureSchema } from './reglages-forms.js';

type Structure = { id: string; name: string; type: string; placeId: string | null };

export function StructureFields({ form, structures }: { form: FormState; structures: Structure[] }) {
  return (
    <>
      <Select
        form={form}
        name="structureId"
        label="Structure (relais et structures d'accueil)"
        options={[['', 'Aucune'], ...structures.map((s) => [s.id, `${s.name} (${s.type})`] as const)]}
      />
      <Field form={form} name="phone" label="Portable du relais (facultatif)" hint="Ses SMS depuis ce numéro ouvrent le mode relais. Par exemple : 06 12 34 56 78." type="tel" />
    </>
  );
}

export function StructuresSection({ csrf, structures, form }: { csrf: string; structures: Structure[]; form?: FormState | undefined }) {
  const state = form ?? emptyForm({ type: 'CCAS' });
  return (
    <>
      <h2 id="structures" class="fr-mt-6w">Les structures</h2>
      <Table
        caption="Structures du département"
        empty="Aucune structure pour le moment."
        headers={['Nom', 'Type', 'Lieu de l’annuaire']}
        rows={structures.map((s) => [s.name, s.type, s.placeId ?? ''])}
      />
      <form method="post" action="/espace/reglages/structures" novalidate>
        <Csrf token={csrf} />
        <Field form={state} name="name" label="Nom de la structure" maxLength={120} />
        <Select form={state} name="type" label="Type de structure" options={STRUCTURE_TYPES.map((t) => [t, t] as const)} />
        <Field form={state} name="placeId" label="Identifiant du lieu dans l'annuaire (facultatif)" hint="Les orientations vers ce lieu arrivent alors dans la boîte de la structure." />
        <button type="submit" class="fr-btn">
          Ajouter la structure
        </button>
      </form>
    </>
  );
}

export function structuresRoutes(
  app: Hono<WorkspaceEnv>,
  guard: MiddlewareHandler<WorkspaceEnv>,
  show: (c: Context<WorkspaceEnv>, state: { structure?: FormState; notice?: string }, status?: number) => Promise<Response>,
  now: () => number,
) {
  app.post('/reglages/structures', guard, async (c) => {
    const result = readForm(structureSchema, await c.req.parseBody());
    if (!result.ok) return show(c, { structure: result }, 400);
    await c.var.scoped.structures.create({ id: crypto.randomUUID(), name: result.data.name, type: result.data.type, placeId: result.data.placeId || undefined, at: now() });
    return show(c, { notice: `Structure ajoutée : ${result.data.name}.` });
  });
}
