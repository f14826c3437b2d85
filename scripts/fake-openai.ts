// A loopback fake of OpenAI's chat completions endpoint (POST /v1/chat/completions), a real HTTP server on
// 127.0.0.1 that the `openai` package and the Worker's fetch client talk to through OPENAI_BASE_URL. Each request is
// answered by `answer(userMessage)`: a reading (sent as the JSON content of a completion), raw content, an HTTP
// status, and an optional delay. Used by the tests (test/model-understanding.test.ts) and by `npm run eval`.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeAnswer {
  /** Serialised as the completion's content. */
  reading?: unknown;
  /** The completion's content as is (invalid JSON, a refusal…). */
  content?: string;
  /** An HTTP error instead of a completion (429, 500). */
  status?: number;
  delayMs?: number;
}

export interface RecordedRequest {
  body: {
    model: string;
    messages: { role: string; content: string }[];
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> } };
  };
  authorization: string | undefined;
  /** The client gave up (its time limit) before the answer was sent. */
  abandoned: boolean;
}

export interface FakeOpenAi {
  baseURL: string;
  requests: RecordedRequest[];
  /** What the next requests get; a function of the user's (masked) message. */
  answer: (userMessage: string) => FakeAnswer | undefined;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

export async function startFakeOpenAi(answer: FakeOpenAi['answer'] = () => undefined): Promise<FakeOpenAi> {
  const fake: FakeOpenAi = { baseURL: '', requests: [], answer, close: async () => {} };
  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":{"message":"not found"}}');
      return;
    }
    const record: RecordedRequest = { body: JSON.parse(raw), authorization: req.headers.authorization, abandoned: false };
    fake.requests.push(record);
    res.on('close', () => {
      if (!res.writableFinished) record.abandoned = true;
    });
    const user = record.body.messages.find((m) => m.role === 'user')?.content ?? '';
    const planned = fake.answer(user) ?? { status: 500 };
    if (planned.delayMs) await new Promise((r) => setTimeout(r, planned.delayMs));
    if (res.destroyed) return;
    if (planned.status) {
      res.writeHead(planned.status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { message: `fake ${planned.status}`, type: 'fake' } }));
      return;
    }
    const content = planned.content ?? JSON.stringify(planned.reading);
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(
      JSON.stringify({
        id: `chatcmpl-fake${fake.requests.length}`,
        object: 'chat.completion',
        created: 1_790_000_000,
        model: record.body.model,
        choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  fake.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return fake;
}

/** A reading in the model's full shape, with the fields a test does not care about left neutral. */
export function modelAnswer(fields: Record<string, unknown>): Record<string, unknown> {
  return { intent: 'unknown', procedureId: null, situation: null, commune: null, need: null, constraints: [], urgency: 'normal', forWhom: 'self', scamSignals: [], ...fields };
}
