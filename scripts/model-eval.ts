// The evaluation's model path: the deterministic reader with the model reader behind it, the model reached through
// the `openai` package at OPENAI_BASE_URL. Without OPENAI_API_KEY, through a loopback fake serving the recorded
// answers of test/eval/model-answers.jsonl (one line per masked message: what the model answered); with it, the
// real model, and `--record` rewrites that file from its answers.
import { readFileSync, writeFileSync } from 'node:fs';
import { procedures } from '../data/procedures/index.js';
import { readerVocabulary } from '../data/reader-vocabulary.js';
import { createProcedureMatcher } from '../src/knowledge/match-procedure.js';
import { situationReader, situationUncovered } from '../src/knowledge/understanding/deterministic-reader.js';
import { createModelReader } from '../src/knowledge/understanding/model-reader.js';
import type { UnderstandingReader } from '../src/knowledge/understanding/reading.js';
import type { ChatCompletionsClient } from '../src/knowledge/understanding/chat-completions.js';
import { openAiChatCompletionsClient } from '../src/runtime/node/openai-chat.js';
import { DEFAULT_UNDERSTANDING_MODEL } from '../src/runtime/understanding-env.js';
import { startFakeOpenAi } from './fake-openai.js';

export const MODEL_ANSWERS_FILE = new URL('../test/eval/model-answers.jsonl', import.meta.url);

interface RecordedAnswer {
  /** The message as the model received it (masked). */
  message: string;
  answer: unknown;
}

export function loadRecordedAnswers(file: URL = MODEL_ANSWERS_FILE): Map<string, unknown> {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  return new Map(lines.map((l) => JSON.parse(l) as RecordedAnswer).map((r) => [r.message, r.answer]));
}

export interface ModelPath {
  reader: UnderstandingReader;
  /** Where the answers come from: « recorded answers » or the model's name. */
  source: string;
  /** How many messages were sent to the model, and how many of those had no recorded answer. */
  asked(): { asked: number; unrecorded: number };
  close(): Promise<void>;
}

export async function modelPath(deterministic: UnderstandingReader, options: { record?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<ModelPath> {
  const env = options.env ?? process.env;
  const recorded = loadRecordedAnswers();
  const live = env['OPENAI_API_KEY'];
  const fake = live ? undefined : await startFakeOpenAi((message) => (recorded.has(message) ? { reading: recorded.get(message) } : undefined));
  const model = env['OPENAI_MODEL'] || DEFAULT_UNDERSTANDING_MODEL;
  const client = openAiChatCompletionsClient({ apiKey: live ?? 'sk-recorded', ...(fake ? { baseURL: fake.baseURL } : env['OPENAI_BASE_URL'] ? { baseURL: env['OPENAI_BASE_URL'] } : {}) });
  const answers: RecordedAnswer[] = [];
  let asked = 0;
  const counting: ChatCompletionsClient = {
    async complete(request, signal) {
      asked++;
      const content = await client.complete(request, signal);
      const message = request.messages.find((m) => m.role === 'user')?.content ?? '';
      if (content) answers.push({ message, answer: JSON.parse(content) });
      return content;
    },
  };
  const matcher = createProcedureMatcher(procedures, situationReader(readerVocabulary));
  const reader = createModelReader({
    deterministic,
    client: counting,
    model,
    procedures,
    uncovered: (id, situation) => situationUncovered(matcher, id, situation),
    budget: { take: async () => true, hasLeft: async () => true },
    enabledFor: () => true,
    clock: { now: () => Date.now() },
    logger: { info() {}, warn() {}, error() {} },
    // A recorded answer comes at once; a real model is given the written channels' limit, as in production.
    ...(fake ? { timeLimitMs: { written: 10_000, voice: 10_000 } } : {}),
  });
  return {
    reader,
    source: fake ? 'recorded answers' : model,
    asked: () => ({ asked, unrecorded: fake ? fake.requests.filter((r) => !recorded.has(r.body.messages.find((m) => m.role === 'user')?.content ?? '')).length : 0 }),
    async close() {
      await fake?.close();
      if (live && options.record) writeFileSync(MODEL_ANSWERS_FILE, answers.map((a) => JSON.stringify(a)).join('\n') + '\n');
    },
  };
}
