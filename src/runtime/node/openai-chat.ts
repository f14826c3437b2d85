// The Node runtime's chat completions client: the `openai` package (any OpenAI-compatible server through baseURL).
// Its own retries are off: the model reader has a hard time limit per message and falls back at once on failure.
import OpenAI from 'openai';
import type { ChatCompletionsClient } from '../../knowledge/understanding/chat-completions.js';

export function openAiChatCompletionsClient(options: { apiKey: string; baseURL?: string }): ChatCompletionsClient {
  const client = new OpenAI({ apiKey: options.apiKey, ...(options.baseURL ? { baseURL: options.baseURL } : {}), maxRetries: 0 });
  return {
    async complete(request, { signal }) {
      const completion = await client.chat.completions.create(request, { signal });
      return completion.choices[0]?.message?.content ?? null;
    },
  };
}
