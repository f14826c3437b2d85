// An optional online geocoder (geo.api.gouv.fr, the State's commune API), off by default. It only improves what the
// embedded data knows approximately or not at all, and every answer is kept in a persistent cache.
import { normalizePlaceName } from './normalize.js';
import { isApproximate, type Commune, type Directory, type GeocodeResult } from './types.js';

export interface GeocodeCache {
  get(query: string): Promise<{ commune: Commune | null } | undefined>;
  set(query: string, commune: Commune | null, at: number): Promise<void>;
}

interface ApiCommune {
  nom: string;
  code: string;
  codesPostaux?: string[];
  population?: number;
  codeDepartement?: string;
  centre?: { type: 'Point'; coordinates: [number, number] };
}

const FIELDS = 'nom,code,codesPostaux,population,codeDepartement,centre';

export function createGeoApiResolver(options: { baseUrl: string; cache: GeocodeCache; fetch?: typeof fetch; now: () => number; timeoutMs?: number }) {
  const fetchFn = options.fetch ?? fetch;
  return async function resolve(query: string): Promise<Commune | undefined> {
    const postal = /(?:^|\D)(\d{5})(?:\D|$)/.exec(query)?.[1];
    const key = postal ? `cp:${postal}` : `nom:${normalizePlaceName(query)}`;
    if (key === 'nom:') return undefined;
    const cached = await options.cache.get(key);
    if (cached) return cached.commune ?? undefined;
    const url = new URL('/communes', options.baseUrl);
    if (postal) url.searchParams.set('codePostal', postal);
    else url.searchParams.set('nom', query.trim());
    url.searchParams.set('fields', FIELDS);
    url.searchParams.set('boost', 'population');
    url.searchParams.set('limit', '5');
    let list: ApiCommune[];
    try {
      const response = await fetchFn(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 3000) });
      if (!response.ok) return undefined; // not cached: the service may answer next time
      list = (await response.json()) as ApiCommune[];
    } catch {
      return undefined;
    }
    const best = list.filter((c) => c.centre).sort((a, b) => (b.population ?? 0) - (a.population ?? 0))[0];
    const commune: Commune | null = best
      ? {
          code: best.code,
          name: best.nom,
          departement: best.codeDepartement ?? best.code.slice(0, 2),
          postalCodes: best.codesPostaux ?? [],
          population: best.population ?? 0,
          longitude: best.centre!.coordinates[0],
          latitude: best.centre!.coordinates[1],
          precision: 'commune',
        }
      : null;
    await options.cache.set(key, commune, options.now());
    return commune ?? undefined;
  };
}

/** The directory, asking the online resolver only when the embedded answer is missing or approximate. */
export function withOnlineResolver(directory: Directory, resolve: (query: string) => Promise<Commune | undefined>): Directory {
  return {
    ...directory,
    async geocode(query, options) {
      const local = await directory.geocode(query, options);
      if (local.type === 'found' && !isApproximate(local.commune.precision)) return local;
      if (options?.strict) return local;
      const online = await resolve(query);
      if (!online) return local;
      const result: GeocodeResult = { type: 'found', commune: online, matchedBy: /\d{5}/.test(query) ? 'postal-code' : 'name' };
      return local.type === 'found' && local.others ? { ...result, others: local.others } : result;
    },
  };
}
