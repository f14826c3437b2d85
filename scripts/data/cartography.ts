// The digital-mediation places of the embedded data: the national cartography's Auvergne-Rhône-Alpes set (Hinaura
// hub, Licence Ouverte), mapped to Relais' needs, publics and cost.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PlaceRow, PlacesFile } from '../../src/directory/embedded-data.js';
import { formatPhoneFr } from '../../src/directory/format.js';
import type { PlaceService, Public } from '../../src/directory/types.js';

const require = createRequire(import.meta.url);
const readJson = <T>(pkgPath: string): T => JSON.parse(readFileSync(require.resolve(pkgPath), 'utf8')) as T;

interface CartoPlace {
  id: string; nom: string; services?: string; commune?: string; code_postal?: string; adresse?: string;
  latitude?: number; longitude?: number; telephone?: string; horaires?: string; source?: string;
  publics_accueillis?: string; conditions_acces?: string;
}

/** The national standard's publics, mapped to the filters Relais offers. */
const PUBLIC_LABELS: [RegExp, Public][] = [
  [/^Seniors/, 'seniors'],
  [/^Surdité/, 'deafness'],
  [/^Déficience visuelle/, 'visual'],
  [/^Handicaps mentaux/, 'mental'],
  [/illettrisme/, 'reading'],
  [/langues étrangères/, 'language'],
];

/** Free (1), not free (0) or unknown (2), from the access conditions: conditional gratuity counts as not free. */
function freeCode(conditions: string | undefined): 0 | 1 | 2 {
  if (!conditions) return 2;
  const labels = conditions.split(';');
  if (labels.some((l) => /^(Payant|Adhésion|Gratuit sous condition)/.test(l))) return 0;
  return labels.some((l) => /^Gratuit :/.test(l)) ? 1 : 2;
}

/** The national cartography's service labels, mapped one by one to what Relais searches for. */
const SERVICE_LABELS: Record<string, PlaceService | null> = {
  'Réaliser des démarches administratives avec un accompagnement': 'demarches',
  'Accompagner les démarches de santé': 'demarches',
  'Devenir autonome dans les démarches administratives': 'apprendre',
  'Prendre en main un ordinateur': 'apprendre',
  'Prendre en main un smartphone ou une tablette': 'apprendre',
  'Utiliser le numérique au quotidien': 'apprendre',
  'Approfondir ma culture numérique': 'apprendre',
  'Accéder à du matériel': 'materiel',
  'Accéder à une connexion internet': 'internet',
  'Promouvoir la citoyenneté numérique': null,
};

export function buildCartographyPlaces(): PlacesFile {
  const source = readJson<CartoPlace[]>('@gouvfr-anct/cartographie-nationale/assets/data/source.json');
  const rows: PlaceRow[] = [];
  const unknownLabels = new Set<string>();
  let skipped = 0;
  for (const p of source) {
    if (typeof p.latitude !== 'number' || typeof p.longitude !== 'number' || Math.abs(p.latitude) > 90 || Math.abs(p.longitude) > 180) {
      skipped++;
      continue;
    }
    const services = new Set<PlaceService>();
    for (const label of (p.services ?? '').split(';').map((l) => l.trim()).filter(Boolean)) {
      const mapped = SERVICE_LABELS[label];
      if (mapped === undefined) unknownLabels.add(label);
      else if (mapped) services.add(mapped);
    }
    const isFranceServices = /france services|maison de services au public|\bmsap\b/i.test(p.nom);
    rows.push([
      `carto-${p.id}`, tidy(p.nom), tidy(p.adresse ?? ''), p.code_postal ?? '', tidy(p.commune ?? ''), round(p.latitude), round(p.longitude),
      formatPhoneFr(p.telephone) ?? '', [...services], p.horaires ?? '', `${p.source ?? 'Hinaura'} (cartographie nationale, Licence Ouverte)`, isFranceServices ? 1 : 0,
      PUBLIC_LABELS.filter(([pattern]) => (p.publics_accueillis ?? '').split(';').some((l) => pattern.test(l))).map(([, tag]) => tag),
      freeCode(p.conditions_acces),
    ]);
  }
  if (unknownLabels.size) console.warn(`places: unmapped service labels: ${[...unknownLabels].join(' | ')}`);
  console.log(`places: ${rows.length} (${skipped} without valid coordinates, left out)`);
  return { source: 'ANCT, cartographie nationale des lieux de médiation numérique, hub Hinaura (Licence Ouverte 2.0)', rows };
}

/** Sources write names in capitals or with stray spaces; seniors read them better in normal case. */
function tidy(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t !== t.toUpperCase()) return t;
  return t.toLowerCase().replace(/(^|[\s'’\-(])(\p{L})/gu, (_, pre: string, ch: string) => pre + ch.toUpperCase()).replace(/\b(De|Du|Des|La|Le|Les|Et|Au|Aux|Sur|En)\b/g, (w) => w.toLowerCase()).replace(/^./, (c) => c.toUpperCase());
}

const round = (n: number) => Math.round(n * 1e5) / 1e5;
