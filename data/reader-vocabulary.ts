// Every word list the deterministic reader uses, in one object: the intents' words, the situations the procedures
// speak of (one list for the reader and the procedure matcher alike) and the landline zones.
import * as intents from './intents.fr.js';
import { landlineDepartements } from './landline-zones.js';
import { lostSecretWords, situationWords } from './procedures/situations.fr.js';

export const readerVocabulary = { ...intents, situationWords, lostSecretWords, landlineDepartements };
