// The knowledge base of procedures (démarches): written in our own words from public facts, each entry sourced and
// dated. Validated at load: an invalid entry stops the service rather than reach a senior.
import { procedureSchema, type Procedure } from '../../src/knowledge/procedure-schema.js';
import { aides } from './aides.js';
import { banque } from './banque.js';
import { domicile } from './domicile.js';
import { famille } from './famille.js';
import { identiteVehicule } from './identite-vehicule.js';
import { impots } from './impots.js';
import { logementEnergie } from './logement-energie.js';
import { numeriqueQuotidien } from './numerique-quotidien.js';
import { numerique } from './numerique.js';
import { retraite } from './retraite.js';
import { santeQuotidien } from './sante-quotidien.js';
import { sante } from './sante.js';
import { securite } from './securite.js';

export { situationWords } from './situations.fr.js';

export const procedures: Procedure[] = procedureSchema
  .array()
  .parse([...retraite, ...sante, ...santeQuotidien, ...impots, ...identiteVehicule, ...aides, ...domicile, ...logementEnergie, ...famille, ...banque, ...numerique, ...numeriqueQuotidien, ...securite]);
