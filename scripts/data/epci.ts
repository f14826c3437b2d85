// The communes' EPCI (intercommunalités), for the activity figures' export: from @etalab/decoupage-administratif,
// compact (one row per EPCI: SIREN, name, its communes' INSEE codes joined by spaces). Node only: the Worker leaves it out.
import { createRequire } from 'node:module';

export interface EpciFile {
  source: string;
  epci: [siren: string, name: string, communes: string][];
}

export function buildEpci(): EpciFile {
  const require = createRequire(import.meta.url);
  const rows = require('@etalab/decoupage-administratif/data/epci.json') as { code: string; nom: string; membres: { code: string }[] }[];
  return {
    source: 'INSEE via @etalab/decoupage-administratif (Licence Ouverte)',
    epci: rows.map((e) => [e.code, e.nom, e.membres.map((m) => m.code).join(' ')]),
  };
}
