// `npm run eval`: the understanding evaluation. Prints the accuracy per intent, the share of messages sent back to
// the menu and each misread message, for the deterministic reader, then for the model path (the deterministic reader
// with the model behind it: recorded answers without OPENAI_API_KEY, the real model with it) and the gain.
// `--quiet` leaves the misreadings out; `--record` (with OPENAI_API_KEY) rewrites the recorded answers.
import { procedures } from '../data/procedures/index.js';
import { readerVocabulary } from '../data/reader-vocabulary.js';
import { createDeterministicReader } from '../src/knowledge/understanding/deterministic-reader.js';
import { loadDirectory } from '../src/runtime/node/reference-data.js';
import { modelPath } from './model-eval.js';
import { evaluate, formatReport } from './understanding-eval.js';

const verbose = !process.argv.includes('--quiet');
const reader = createDeterministicReader({ directory: loadDirectory(), procedures, vocabulary: readerVocabulary });
const deterministic = await evaluate(reader);
console.log(formatReport(deterministic, 'Deterministic reader', verbose));

const path = await modelPath(reader, { record: process.argv.includes('--record') });
try {
  const withModel = await evaluate(path.reader);
  const { asked, unrecorded } = path.asked();
  console.log(`\n${formatReport(withModel, `With the model (${path.source})`, verbose)}`);
  const points = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)} points`;
  console.log(
    `\nGain: ${points(withModel.accuracy - deterministic.accuracy)} right, ${points(withModel.menuFallback - deterministic.menuFallback)} back to the menu; ` +
      `${asked} of ${withModel.total} messages sent to the model${unrecorded ? ` (${unrecorded} without a recorded answer: read as without a model)` : ''}.`,
  );
} finally {
  await path.close();
}
