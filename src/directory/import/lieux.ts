// Reads places in the national standard of digital-mediation places (schéma des lieux de médiation numérique),
// JSON or CSV, validated by the standard's own library (@gouvfr-anct/lieux-de-mediation-numerique): a record it
// refuses is reported with the field and the library's French message.
import { fromSchemaLieuDeMediationNumerique, type SchemaLieuMediationNumerique } from '@gouvfr-anct/lieux-de-mediation-numerique';
import { formatPhoneFr } from '../format.js';
import { isReadableOsmHours } from '../osm-hours.js';
import type { Place, PlaceService, Public } from '../types.js';
import { csvRecords } from './csv.js';
import type { ImportParse, ImportProblem } from './france-services.js';

export const LIEUX_SOURCE = 'lieux';

/** The standard's services, mapped one by one to what Relais searches for. */
const SERVICES: Record<string, PlaceService> = {
  'Aide aux démarches administratives': 'demarches',
  'Maîtrise des outils numériques du quotidien': 'apprendre',
  'Utilisation sécurisée du numérique': 'apprendre',
  'Compréhension du monde numérique': 'apprendre',
  'Loisirs et créations numériques': 'apprendre',
  'Parentalité et éducation avec le numérique': 'apprendre',
  'Insertion professionnelle via le numérique': 'apprendre',
  'Acquisition de matériel informatique à prix solidaire': 'materiel',
  'Accès internet et matériel informatique': 'internet',
};

const RECEPTIONS: Record<string, Public> = {
  Surdité: 'deafness',
  'Déficience visuelle': 'visual',
  'Handicaps mentaux': 'mental',
  'Handicaps moteurs': 'mobility',
  Illettrisme: 'reading',
  'Langues étrangères (anglais)': 'language',
  'Langues étrangères (autres)': 'language',
};

const NUMBER_FIELDS = ['latitude', 'longitude'];

/** JSON (an array of records, or `{ "data": [...] }`) or CSV with `|` between the values of a list. */
export function parseLieux(text: string): ImportParse & { unit: 'line' | 'record' } {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      return { places: [], rejected: [{ line: 1, field: '(file)', reason: `not valid JSON: ${(e as Error).message}` }], warnings: [], unit: 'record' };
    }
    const list = Array.isArray(parsed) ? parsed : ((parsed as { data?: unknown[] }).data ?? []);
    return { ...convert(list.map((record, i) => ({ line: i + 1, record: record as Record<string, unknown> }))), unit: 'record' };
  }
  const rows = csvRecords(text).map(({ line, record }) => ({
    line,
    record: Object.fromEntries(
      Object.entries(record)
        .filter(([, v]) => v !== '')
        .map(([k, v]) => [k, NUMBER_FIELDS.includes(k) ? Number(v) : v]),
    ) as Record<string, unknown>,
  }));
  return { ...convert(rows), unit: 'line' };
}

function convert(rows: { line: number; record: Record<string, unknown> }[]): ImportParse {
  const result: ImportParse = { places: [], rejected: [], warnings: [] };
  const seen = new Set<string>();
  for (const { line, record } of rows) {
    const reject = (field: string, reason: string) => result.rejected.push({ line, field, reason });
    let lieu: ReturnType<typeof fromSchemaLieuDeMediationNumerique>;
    try {
      lieu = fromSchemaLieuDeMediationNumerique(record as unknown as SchemaLieuMediationNumerique);
    } catch (e) {
      reject(fieldOf(e), (e as Error).message);
      continue;
    }
    if (!lieu.localisation) {
      reject('latitude', 'no coordinates: a place must be located to be found');
      continue;
    }
    if (seen.has(lieu.id)) {
      reject('id', `duplicate id ${lieu.id}`);
      continue;
    }
    seen.add(lieu.id);
    result.places.push(toPlace(lieu, line, result.warnings));
  }
  return result;
}

function toPlace(lieu: ReturnType<typeof fromSchemaLieuDeMediationNumerique>, line: number, warnings: ImportProblem[]): Place {
  const phone = formatPhoneFr(lieu.contact?.telephone);
  if (lieu.contact?.telephone && !phone) warnings.push({ line, field: 'telephone', reason: `not a French phone number: "${lieu.contact.telephone}"` });
  const hours = lieu.horaires && isReadableOsmHours(lieu.horaires) ? lieu.horaires : undefined;
  if (lieu.horaires && !hours) warnings.push({ line, field: 'horaires', reason: `hours not readable: "${lieu.horaires}"` });
  const publics = new Set<Public>();
  if ((lieu.publics_specifiquement_adresses ?? []).includes('Seniors' as never)) publics.add('seniors');
  for (const reception of lieu.prise_en_charge_specifique ?? []) if (RECEPTIONS[reception]) publics.add(RECEPTIONS[reception]!);
  const fees = (lieu.frais_a_charge ?? []) as string[];
  const programmes = ((lieu as { dispositif_programmes_nationaux?: string[] }).dispositif_programmes_nationaux ?? []) as string[];
  return {
    id: `${LIEUX_SOURCE}:${lieu.id}`,
    name: lieu.nom,
    address: [lieu.adresse.voie, lieu.adresse.complement_adresse].filter(Boolean).join(', '),
    postalCode: lieu.adresse.code_postal,
    commune: lieu.adresse.commune,
    latitude: lieu.localisation!.latitude,
    longitude: lieu.localisation!.longitude,
    ...(phone ? { phone } : {}),
    services: [...new Set((lieu.services ?? []).map((s) => SERVICES[s]).filter((s): s is PlaceService => s !== undefined))],
    source: `${lieu.source ?? 'lieux de médiation numérique'} (standard national, Licence Ouverte)`,
    franceServices: programmes.includes('France Services'),
    ...(hours ? { hours } : {}),
    ...(publics.size ? { publics: [...publics] } : {}),
    ...(fees.length ? { free: fees.every((f) => f === 'Gratuit') } : {}),
    ...(((lieu.itinerance ?? []) as string[]).includes('Itinérant') ? { format: 'Itinérante' } : {}),
  };
}

/** The standard's errors name their field in `key` for some; otherwise the class name says it (CodePostalError). */
function fieldOf(error: unknown): string {
  const key = (error as { key?: string }).key;
  if (key) return key;
  const name = (error as Error)?.constructor?.name ?? '';
  return name.replace(/Error$/, '').replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase() || '(record)';
}
