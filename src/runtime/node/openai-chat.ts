// The Node runtime's chat completions client: the `openai` package (any OpenAI-compatible server through baseURL).
// Its own retries are off: the model reader has a hard time limit per message and falls back at once on failure.
// The package is loaded on the first request, not at start: most deployments run without a key, and its code is a
// sixth of the production bundle's.
import type OpenAI from 'openai';
import type { ChatCompletionsClient } from '../../knowledge/understanding/chat-completions.js';

export function openAiChatCompletionsClient(options: { apiKey: string; baseURL?: string }): ChatCompletionsClient {
  let client: Promise<OpenAI> | undefined;
  const open = async () => {
    const { default: OpenAIClient } = await import('openai');
    return new OpenAIClient({ apiKey: options.apiKey, ...(options.baseURL ? { baseURL: options.baseURL } : {}), maxRetries: 0 });
  };
  return {
    async complete(request, { signal }) {
      client ??= open();
      const completion = await (await client).chat.completions.create(request, { signal });
      return completion.choices[0]?.message?.content ?? null;
    },
  };
}
