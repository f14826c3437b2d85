// The two chat completions clients, the `openai` package's (Node) and the fetch one (Workers), against the same
// loopback fake: the same request on the wire, the same answer read, the same failures, and both cancellable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedures } from '../../data/procedures/index.js';
import { fetchChatCompletionsClient, type ChatCompletionRequest, type ChatCompletionsClient } from '../../src/knowledge/understanding/chat-completions.js';
import { modelInstructions, modelResponseFormat } from '../../src/knowledge/understanding/model-reading.js';
import { openAiChatCompletionsClient } from '../../src/runtime/node/openai-chat.js';
import { modelAnswer, startFakeOpenAi, type FakeOpenAi } from '../../scripts/fake-openai.js';

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());

const request: ChatCompletionRequest = {
  model: 'gpt-test',
  messages: [
    { role: 'system', content: modelInstructions(procedures.slice(0, 3)) },
    { role: 'user', content: 'jai perdu mon pasport' },
  ],
  response_format: modelResponseFormat(),
  temperature: 0,
  max_tokens: 300,
};

const clients: [string, () => ChatCompletionsClient][] = [
  ['the openai package (Node)', () => openAiChatCompletionsClient({ apiKey: 'sk-test', baseURL: fake.baseURL })],
  ['fetch (Workers)', () => fetchChatCompletionsClient({ apiKey: 'sk-test', baseURL: fake.baseURL })],
];

describe.each(clients)('chat completions through %s', (_name, client) => {
  it('sends the request as given and returns the first choice’s content', async () => {
    const reading = modelAnswer({ intent: 'procedure', procedureId: 'passeport', situation: 'lost' });
    fake.answer = () => ({ reading });
    const before = fake.requests.length;
    const content = await client().complete(request, { signal: new AbortController().signal });
    expect(JSON.parse(content!)).toEqual(reading);
    const [sent] = fake.requests.slice(before);
    expect(sent!.authorization).toBe('Bearer sk-test');
    expect(sent!.body).toMatchObject(request);
  });

  it('throws on 429 and 500, without retrying', async () => {
    for (const status of [429, 500]) {
      fake.answer = () => ({ status });
      const before = fake.requests.length;
      await expect(client().complete(request, { signal: new AbortController().signal })).rejects.toThrow();
      expect(fake.requests.length - before).toBe(1);
    }
  });

  it('stops when its signal is aborted', async () => {
    fake.answer = () => ({ reading: modelAnswer({}), delayMs: 5000 });
    const controller = new AbortController();
    const pending = client().complete(request, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(pending).rejects.toThrow();
    const last = fake.requests.at(-1)!;
    await expect.poll(() => last.abandoned).toBe(true);
  });
});
