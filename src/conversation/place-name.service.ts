// `placeName`: the commune a place given by someone else names (a postal code a transferring agent typed), so that
// the caller hears « pour Riom-ès-Montagnes », never « pour 15400 ». Input `query`. Outcomes `found` (`locationName`,
// and `locationNearby` when the postal code covers other communes too) and `notFound`.
import type { ServiceResult, Vars } from '../engine/effects.js';
import type { Directory } from '../directory/types.js';

export function placeNameService(directory: Pick<Directory, 'geocode'>) {
  return async (input: Vars): Promise<ServiceResult> => {
    const query = (input['query'] ?? '').trim();
    if (query === '' || query.startsWith('geo:')) return { outcome: 'notFound' };
    // Exact names only: a greeting must not guess a commune from a typo.
    const result = await directory.geocode(query, { strict: true });
    if (result.type !== 'found') return { outcome: 'notFound' };
    return { outcome: 'found', vars: { locationName: result.commune.name, ...(result.others?.length ? { locationNearby: 'yes' } : {}) } };
  };
}
