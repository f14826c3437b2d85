// Finds the commune someone means from what they typed: a postal code, or a commune's name, typos included.
import { rememberedFor } from '../engine/remembered.js';
import { communeNames, normalizePlaceName } from './normalize.js';
import { spokenDigits } from './spoken-numbers.js';
import type { FormerName } from './embedded-data.js';
import type { Commune, GeocodeOptions, GeocodeResult } from './types.js';

/** Words that are never a commune on their own, so that "bonjour" or "merci" is not geocoded to a hamlet. */
const NOT_PLACES = new Set(
  ('bonjour bonsoir salut merci oui non ok daccord aide menu stop je suis habite habiter vis vit a au aux en de du des la le les ' +
    'chez moi ma mon mes pres proche cherche cherchons une un pour dans sur ville commune village code postal svp et est c pas ' +
    // Family and everyday words that happen to be commune names too (Méré, Mère…): in a sentence they are people.
    'mere pere maman papa fille fils soeur frere mari femme parents tante oncle voisin voisine besoin tablette ordinateur ' +
    'telephone portable sa son ses elle il lui qui agee age vieux vieille madame monsieur mademoiselle')
    .split(' '),
);

export interface CommuneIndex {
  communes: Commune[];
  byPostalCode: Map<string, Commune[]>;
  byName: Map<string, Commune[]>;
}

/**
 * `formerNames`: old village names, each leading to the commune it now belongs to (placed at the village), found
 * after any current commune of the same name: « j'habite à Fau-de-Peyre » is Peyre en Aubrac.
 * This runs at every start over 35,000 communes: the tables that only some questions need (by code, by length of
 * name, sorted names) are built on their first use.
 */
export function indexCommunes(communes: Commune[], formerNames: FormerName[] = []): CommuneIndex {
  const byPostalCode = new Map<string, Commune[]>();
  const byName = new Map<string, Commune[]>();
  const spellings = communes.map((c) => normalizePlaceName(c.name));
  // Another way to say a name never takes a commune's own spelling: « lepine » is Lépine, not L'Épine too.
  const spelt = new Set(spellings);
  communes.forEach((c, i) => {
    for (const pc of c.postalCodes) push(byPostalCode, pc, c);
    for (const name of communeNames(spellings[i]!)) if (name === spellings[i] || !spelt.has(name)) push(byName, name, c);
  });
  sortEachByPopulation(byPostalCode);
  sortEachByPopulation(byName);
  for (const { name, commune } of formerNames) push(byName, normalizePlaceName(name), commune);
  return { communes, byPostalCode, byName };
}

/** Each list most populated first (most lists hold one commune). */
function sortEachByPopulation(lists: Map<string, Commune[]>): void {
  for (const list of lists.values()) if (list.length > 1) list.sort((a, b) => b.population - a.population);
}

/** A commune by its code: one chosen among several (`insee:`), or named by the beginning of its name. */
const byCode = rememberedFor((index: CommuneIndex) => new Map(index.communes.map((c) => [c.code, c])));

/** All communes a postal code covers, most populated first (for asking "which one?"). */
export function communesForPostalCode(index: CommuneIndex, postalCode: string): Commune[] {
  return index.byPostalCode.get(postalCode) ?? [];
}

export function geocode(index: CommuneIndex, query: string, options: GeocodeOptions = {}): GeocodeResult {
  // "insee:48095": a commune already chosen among several (from a question asked by the flow).
  const chosen = /^insee:(\w{5})$/.exec(query.trim());
  if (chosen) {
    const commune = byCode(index).get(chosen[1]!);
    return commune ? { type: 'found', commune, matchedBy: 'code' } : { type: 'notFound' };
  }
  const typed = /(?:^|\D)(\d{2})\s?(\d{3})(?:\D|$)/.exec(query);
  const spoken = typed ? undefined : spokenDigits(query);
  const postalCode = typed ? typed[1]! + typed[2]! : spoken?.length === 5 ? spoken : undefined;
  if (postalCode) {
    const found = index.byPostalCode.get(postalCode);
    if (!found?.[0]) return { type: 'notFound' };
    // « Nasbinals 48260 »: the commune named beside its postal code is the one meant; no need to ask which.
    const said = ` ${normalizePlaceName(query)} `;
    const named = found.find((c) => said.includes(` ${normalizePlaceName(c.name)} `));
    if (named) return { type: 'found', commune: named, matchedBy: 'postal-code' };
    return { type: 'found', commune: found[0], matchedBy: 'postal-code', others: found.slice(1) };
  }
  const words = normalizePlaceName(query).split(' ').filter(Boolean);
  // Every exact run of words that names a commune; the best is the longest, then one said after a place cue
  // ("à Mende", "près de Rodez"): "j'habite à Saint Jean de Luz" is Saint-Jean-de-Luz, not Jean.
  // A run that leaves other meaningful words aside must follow a cue: in "Zzyzx-sur-Mer", "Mer" is not the place.
  let best: { commune: Commune; homonyms: Commune[]; score: number; whole: boolean } | undefined;
  const meaningful = words.filter((w) => !NOT_PLACES.has(w));
  for (let size = Math.min(words.length, 8); size >= 1; size--) {
    for (let start = 0; start + size <= words.length; start++) {
      const run = words.slice(start, start + size);
      if (size === 1 && (NOT_PLACES.has(run[0]!) || run[0]!.length < 3)) continue;
      if (run.every((w) => NOT_PLACES.has(w))) continue;
      const cued = CUES.has(words[start - 1] ?? '');
      if (!cued && !meaningful.every((w) => run.includes(w))) continue;
      const all = index.byName.get(run.join(' '));
      if (!all?.[0]) continue;
      // Homonyms: the one in a department the caller is likely in (their platform, their landline) comes first.
      const homonyms = preferred(all, options.prefer);
      const score = size * 10 + (cued ? 5 : 0);
      if (!best || score > best.score) best = { commune: homonyms[0]!, homonyms: homonyms.slice(1), score, whole: size === words.length };
    }
  }
  const shortName = options.strict && options.shortName && !words.every((w) => NOT_PLACES.has(w));
  if (best) {
    // « Charleville » names a village of the Marne and begins Charleville-Mézières; « Villefranche » is only a former
    // village's name, and begins a dozen towns. Then the communes whose names begin so are homonyms too, the largest
    // first (unless the caller is likely in the village's department).
    const run = words.join(' ');
    const beginning = shortName && best.whole ? communesBeginning(index, run) : [];
    const formerNameOnly = !communeNames(normalizePlaceName(best.commune.name)).includes(run);
    if (beginning[0] && (formerNameOnly || beginning[0].population >= LARGER_TOWN_RATIO * best.commune.population)) {
      const [first, ...homonyms] = preferred([...beginning, best.commune, ...best.homonyms], options.prefer);
      return { type: 'found', commune: first!, matchedBy: beginning.includes(first!) ? 'short-name' : 'name', homonyms };
    }
    return { type: 'found', commune: best.commune, matchedBy: 'name', ...(best.homonyms.length ? { homonyms: best.homonyms } : {}) };
  }
  if (options.strict) {
    // « Cherbourg », « Montceau », « Aix »: the communes whose names begin so are homonyms, the largest first.
    const [first, ...homonyms] = shortName ? preferred(communesBeginning(index, words.join(' ')), options.prefer) : [];
    return first ? { type: 'found', commune: first, matchedBy: 'short-name', ...(homonyms.length ? { homonyms } : {}) } : { type: 'notFound' };
  }
  if (words.every((w) => NOT_PLACES.has(w))) return { type: 'notFound' };
  const whole = words.join(' ');
  // A name given by its beginning ("st erme" for Saint-Erme-Outre-et-Ramecourt), then one with a typo or two.
  const prefixed = words.length >= 2 || whole.length >= 6 ? prefixName(index, whole) : undefined;
  const close = prefixed ?? (whole.length >= 4 ? closestName(index, whole) ?? closestName(index, words.filter((w) => !NOT_PLACES.has(w)).join(' ')) : undefined);
  const commune = close ? index.byName.get(close)?.[0] : undefined;
  return commune ? { type: 'found', commune, matchedBy: 'name' } : { type: 'notFound' };
}

/** Communes of one name, those in the preferred departments first (each group most populated first). */
function preferred(communes: Commune[], departements: string[] | undefined): Commune[] {
  if (!departements?.length) return communes;
  const inside = communes.filter((c) => departements.includes(c.departement));
  return inside.length ? [...inside, ...communes.filter((c) => !departements.includes(c.departement))] : communes;
}

/** Words after which a commune's name usually comes. */
const CUES = new Set(['a', 'au', 'aux', 'de', 'habite', 'vis', 'vit', 'pres', 'vers', 'commune']);

/** Every name, sorted, to find the names that begin with given words by a binary search. */
const sortedNames = rememberedFor((index: CommuneIndex) => [...index.byName.keys()].sort());

/**
 * The communes whose names begin with the query's words (former names included), most populated first; none when
 * too many do for the words to name one (« Saint », « La »). The caller treats them as homonyms: far apart and
 * comparable, they are asked about (« Boulogne »: Billancourt or sur-Mer); a tiny one beside a town is not
 * (« Montceau » is Montceau-les-Mines, not Montceau-et-Écharnant).
 */
function communesBeginning(index: CommuneIndex, query: string): Commune[] {
  const names = sortedNames(index);
  const prefix = `${query} `;
  let low = 0;
  let high = names.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (names[middle]! < prefix) low = middle + 1;
    else high = middle;
  }
  const communes = new Map<string, Commune>();
  for (let i = low; i < names.length && names[i]!.startsWith(prefix); i++) {
    // A former name carries its village's position: the commune itself is the answer.
    for (const commune of index.byName.get(names[i]!)!) communes.set(commune.code, byCode(index).get(commune.code) ?? commune);
    if (communes.size > MAX_COMMUNES_BEGINNING) return [];
  }
  return [...communes.values()].sort((a, b) => b.population - a.population);
}
/** More communes than this beginning with the same words: the words name none of them. */
const MAX_COMMUNES_BEGINNING = 30;
/** A town this many times as populated as a village of the name it begins is a homonym of that name. */
const LARGER_TOWN_RATIO = 10;

/** The single most populated name that starts with the query's words, if the query is a clear beginning. */
function prefixName(index: CommuneIndex, query: string): string | undefined {
  let best: { name: string; population: number } | undefined;
  for (const [name, communes] of index.byName) {
    if (!name.startsWith(`${query} `)) continue;
    const population = communes[0]?.population ?? 0;
    if (!best || population > best.population) best = { name, population };
  }
  return best?.name;
}

/** The known name within a small edit distance (1 up to 5 letters, 2 beyond), the most populated on ties. */
/** Names by their length, to bound the typo search to plausible candidates. */
const namesByLength = rememberedFor((index: CommuneIndex) => {
  const table = new Map<number, string[]>();
  for (const name of index.byName.keys()) push(table, name.length, name);
  return table;
});

function closestName(index: CommuneIndex, name: string): string | undefined {
  const budget = name.length <= 5 ? 1 : 2;
  let best: { name: string; distance: number; population: number } | undefined;
  for (let len = name.length - budget; len <= name.length + budget; len++) {
    for (const candidate of namesByLength(index).get(len) ?? []) {
      const distance = editDistance(name, candidate, budget);
      if (distance > budget) continue;
      const population = index.byName.get(candidate)?.[0]?.population ?? 0;
      if (!best || distance < best.distance || (distance === best.distance && population > best.population)) best = { name: candidate, distance, population };
    }
  }
  return best?.name;
}

/** Levenshtein distance, giving up early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return rowMin;
    previous = current;
  }
  return previous[b.length]!;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
