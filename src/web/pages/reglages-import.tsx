// The workshop import of Réglages: the same parser and upsert as `npm run import -- ateliers`, keeping only the
// department's own sessions, with the validation report shown line by line.
import { parseAteliers } from '../../directory/import/ateliers.js';
import type { ImportProblem } from '../../directory/import/france-services.js';
import type { WorkspaceDeps } from '../context.js';
import { Table } from '../components/table.js';

const MAX_BYTES = 1_000_000;

export interface WorkshopImport {
  unit: 'line' | 'event';
  kept: number;
  inserted: number;
  updated: number;
  rejected: ImportProblem[];
  warnings: ImportProblem[];
}

/** The department a postal code belongs to ("2A"/"2B" share "20"; overseas "97x"). */
const departementOfPostalCode = (code: string) => (code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2));
const sameDepartment = (postalCode: string, departement: string) => departementOfPostalCode(postalCode) === (/^2[AB]$/i.test(departement) ? '20' : departement);

/** Reads the uploaded file and imports it; a string is the error to show beside the file field. */
export async function importWorkshops(deps: WorkspaceDeps, departement: string, file: unknown): Promise<WorkshopImport | string> {
  if (!(file instanceof File) || file.size === 0) return 'Choisissez un fichier CSV ou ICS.';
  if (file.size > MAX_BYTES) return 'Ce fichier est trop gros (un mégaoctet au plus).';
  const text = await file.text();
  const parsed = parseAteliers(text);
  const outside = parsed.sessions.filter((s) => !sameDepartment(s.postalCode, departement));
  const kept = parsed.sessions.filter((s) => sameDepartment(s.postalCode, departement));
  const rejected = [
    ...parsed.rejected,
    ...outside.map((s) => ({ line: 0, field: 'code_postal', reason: `« ${s.title} » (${s.postalCode}) n'est pas dans le département ${departement}` })),
  ];
  if (kept.length === 0) return { unit: parsed.unit, kept: 0, inserted: 0, updated: 0, rejected, warnings: parsed.warnings };
  const report = await deps.saveWorkshops(kept, deps.clock.now());
  return { unit: parsed.unit, kept: kept.length, ...report, rejected, warnings: parsed.warnings };
}

export function ImportReport({ result }: { result: WorkshopImport }) {
  const unit = result.unit === 'line' ? 'Ligne' : 'Événement';
  return (
    <div class="fr-mt-3w" role="status">
      <p>
        <strong>{`${result.kept} séance(s) gardée(s) : ${result.inserted} ajoutée(s), ${result.updated} mise(s) à jour. ${result.rejected.length} refusée(s).`}</strong>
      </p>
      <Table
        caption="Rapport de validation"
        empty="Aucune ligne refusée."
        headers={[unit, 'Champ', 'Problème', 'Gravité']}
        rows={[
          ...result.rejected.map((p) => [p.line > 0 ? String(p.line) : '—', p.field, p.reason, 'Refusée']),
          ...result.warnings.map((p) => [p.line > 0 ? String(p.line) : '—', p.field, p.reason, 'Gardée sans cette valeur']),
        ]}
      />
    </div>
  );
}
