import { procedures } from '../data/procedures/index.js';
import { readerVocabulary } from '../data/reader-vocabulary.js';
import { createDeterministicReader } from '../src/knowledge/understanding/deterministic-reader.js';
import { loadDirectory } from '../src/runtime/node/reference-data.js';
import { evaluate, formatReport, loadCases } from './understanding-eval.js';
const reader = createDeterministicReader({ directory: loadDirectory(), procedures, vocabulary: readerVocabulary });
const r = await evaluate(reader, loadCases(new URL('file:///tmp/ev/new.jsonl')));
console.log(formatReport(r, 'new', true));
for (const c of loadCases(new URL('file:///tmp/ev/new.jsonl'))) { const x = await reader.read(c.text, {channel:'sms'}); if (x.unsure) console.log('UNSURE', c.text, x.intent, x.procedureId); }
let n=0; for (const c of loadCases()) { const x = await reader.read(c.text, {channel:'sms'}); if (x.unsure) {n++; console.log('OLD-UNSURE', c.text, x.intent, x.procedureId, c.procedureId);} }
console.log(n);
