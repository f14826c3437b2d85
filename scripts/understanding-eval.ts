// The understanding evaluation: reads every message of test/eval/understanding.jsonl with a reader and compares
// the reading with the expected one (intent, and procedure id, situation and place when the line gives them).
// Shared by `npm run eval` (scripts/eval.ts) and its floor test (test/knowledge/understanding-eval.test.ts).
import { readFileSync } from 'node:fs';
import { normalizeFrench } from '../src/engine/nlu/normalize.js';
import { INTENTS, type Intent, type Reading, type ReadingContext, type UnderstandingReader } from '../src/knowledge/understanding/reading.js';

export interface EvalCase {
  text: string;
  intent: Intent;
  procedureId?: string;
  situation?: string;
  /** A commune's name or a postal code. */
  location?: string;
  channel?: 'sms' | 'voice' | 'whatsapp';
}

export interface EvalReport {
  total: number;
  correct: number;
  accuracy: number;
  /** Share of messages the reader could not use: the person is sent back to the menu. */
  menuFallback: number;
  perIntent: { intent: Intent; total: number; correct: number; accuracy: number }[];
  failures: { case: EvalCase; reading: Reading; why: string }[];
}

export const EVAL_FILE = new URL('../test/eval/understanding.jsonl', import.meta.url);

export function loadCases(file: URL = EVAL_FILE): EvalCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = JSON.parse(line) as EvalCase;
      if (!parsed.text || !INTENTS.includes(parsed.intent)) throw new Error(`${file.pathname}:${i + 1}: a text and a known intent are required`);
      return parsed;
    });
}

/** Why a reading misses what was expected, or undefined when it is right. */
export function mismatch(expected: EvalCase, reading: Reading): string | undefined {
  if (reading.intent !== expected.intent) return `intent ${reading.intent}, expected ${expected.intent}`;
  // Two procedures offered to choose from, the expected one among them, is a right answer: the flow asks which.
  const offered = [reading.procedureId, reading.alternativeProcedureId];
  if (expected.procedureId && !offered.includes(expected.procedureId)) return `procedure ${reading.procedureId ?? 'none'}, expected ${expected.procedureId}`;
  if (expected.situation && reading.situation !== expected.situation) return `situation ${reading.situation ?? 'none'}, expected ${expected.situation}`;
  if (expected.location) {
    const want = normalizeFrench(expected.location);
    const place = reading.location;
    const got = place ? [place.name, place.postalCode ?? '', place.query].map(normalizeFrench) : [];
    if (!got.includes(want)) return `place ${place?.query ?? 'none'}, expected ${expected.location}`;
  }
  return undefined;
}

export async function evaluate(reader: UnderstandingReader, cases: EvalCase[] = loadCases()): Promise<EvalReport> {
  const failures: EvalReport['failures'] = [];
  const byIntent = new Map<Intent, { total: number; correct: number }>();
  let menu = 0;
  for (const c of cases) {
    const context: ReadingContext = { channel: c.channel ?? 'sms' };
    const reading = await reader.read(c.text, context);
    if (reading.intent === 'unknown') menu++;
    const why = mismatch(c, reading);
    const tally = byIntent.get(c.intent) ?? { total: 0, correct: 0 };
    tally.total++;
    if (why) failures.push({ case: c, reading, why });
    else tally.correct++;
    byIntent.set(c.intent, tally);
  }
  const correct = cases.length - failures.length;
  return {
    total: cases.length,
    correct,
    accuracy: correct / cases.length,
    menuFallback: menu / cases.length,
    perIntent: INTENTS.filter((i) => byIntent.has(i)).map((intent) => {
      const t = byIntent.get(intent)!;
      return { intent, ...t, accuracy: t.correct / t.total };
    }),
    failures,
  };
}

const percent = (x: number) => `${(100 * x).toFixed(1)} %`;

export function formatReport(report: EvalReport, title: string, showFailures = true): string {
  const lines = [`${title}: ${report.correct}/${report.total} right (${percent(report.accuracy)}), back to the menu: ${percent(report.menuFallback)}`, ''];
  for (const i of report.perIntent) lines.push(`  ${i.intent.padEnd(10)} ${String(i.correct).padStart(3)}/${String(i.total).padEnd(3)} ${percent(i.accuracy).padStart(8)}`);
  if (showFailures && report.failures.length) {
    lines.push('', 'Misread:');
    for (const f of report.failures) lines.push(`  - « ${f.case.text} »: ${f.why}`);
  }
  return lines.join('\n');
}
