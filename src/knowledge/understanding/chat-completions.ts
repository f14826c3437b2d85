// The port to an OpenAI-compatible chat completions endpoint, as the model reader uses it: one request, one answer,
// cancellable. On Node it is the `openai` package's client (src/runtime/node/openai-chat.ts); on Workers a `fetch`
// speaking the same wire format (below), since the package would cost the Worker ~36 KB gzipped of its 1 MiB.

export interface ChatCompletionRequest {
  model: string;
  messages: { role: 'system' | 'user'; content: string }[];
  response_format: { type: 'json_schema'; json_schema: { name: string; strict: boolean; schema: Record<string, unknown> } };
  temperature?: number;
  max_tokens?: number;
}

export interface ChatCompletionsClient {
  /** The first choice's content (a JSON string under a json_schema response format); throws on any failure. */
  complete(request: ChatCompletionRequest, options: { signal: AbortSignal }): Promise<string | null>;
}

/** `POST {baseURL}/chat/completions` with `fetch`: the same request and answer the `openai` package sends and reads. */
export function fetchChatCompletionsClient(options: { apiKey: string; baseURL?: string; fetch?: typeof fetch }): ChatCompletionsClient {
  const fetchFn = options.fetch ?? fetch;
  const endpoint = `${(options.baseURL ?? 'https://api.openai.com/v1').replace(/\/+$/, '')}/chat/completions`;
  return {
    async complete(request, { signal }) {
      const response = await fetchFn(endpoint, {
        method: 'POST',
        headers: { Authorization: `Bearer ${options.apiKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
        signal,
      });
      if (!response.ok) throw new Error(`chat completion failed: HTTP ${response.status}`);
      const body = (await response.json()) as { choices?: { message?: { content?: string | null } }[] };
      return body.choices?.[0]?.message?.content ?? null;
    },
  };
}
