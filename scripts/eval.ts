// `npm run eval`: the understanding evaluation with the deterministic reader. Prints the accuracy per intent, the
// share of messages sent back to the menu and each misread message. `--quiet` leaves the misreadings out.
import { procedures } from '../data/procedures/index.js';
import { readerVocabulary } from '../data/reader-vocabulary.js';
import { createDeterministicReader } from '../src/knowledge/understanding/deterministic-reader.js';
import { loadDirectory } from '../src/runtime/node/reference-data.js';
import { evaluate, formatReport } from './understanding-eval.js';

const reader = createDeterministicReader({ directory: loadDirectory(), procedures, vocabulary: readerVocabulary });
const report = await evaluate(reader);
console.log(formatReport(report, 'Deterministic reader', !process.argv.includes('--quiet')));
