// Voice notes: many seniors and caregivers speak rather than type. When a transcriber is configured (OpenAI), the
// note is fetched from the provider and turned into text for the flow; without one, the flow answers kindly that
// voice messages are not understood yet and offers the choices again.
import type { InboundContent } from '../../engine/message.js';
import { GRAPH_API_VERSION } from './graph-api.js';

/** The port: audio in, French text out (undefined when nothing could be heard). */
export type Transcriber = (audio: Blob, mimeType: string) => Promise<string | undefined>;

/** Downloads a voice note: Twilio media URLs (basic auth) or Meta media ids (two Graph API calls). */
export type MediaFetcher = (url: string) => Promise<Blob | undefined>;

/**
 * OpenAI's transcription endpoint (`POST {baseURL}/audio/transcriptions`, multipart), called with fetch rather than the
 * `openai` SDK: the SDK's client carries every resource of the API and cost the Worker 36 KB gzipped of its 1 MiB
 * budget for this one call. Any OpenAI-compatible server works through `baseURL`.
 */
export function createOpenAiTranscriber(options: { apiKey: string; baseURL?: string; model?: string; fetch?: typeof fetch }): Transcriber {
  const fetchFn = options.fetch ?? fetch;
  const endpoint = `${(options.baseURL ?? 'https://api.openai.com/v1').replace(/\/+$/, '')}/audio/transcriptions`;
  return async (audio, mimeType) => {
    const extension = mimeType.includes('ogg') ? 'ogg' : mimeType.includes('mpeg') ? 'mp3' : mimeType.includes('mp4') ? 'm4a' : 'audio';
    const form = new FormData();
    form.append('file', new Blob([audio], { type: mimeType }), `note.${extension}`);
    form.append('model', options.model ?? 'whisper-1');
    form.append('language', 'fr');
    const response = await fetchFn(endpoint, { method: 'POST', headers: { Authorization: `Bearer ${options.apiKey}` }, body: form });
    if (!response.ok) throw new Error(`OpenAI transcription failed: HTTP ${response.status}`);
    const text = ((await response.json()) as { text?: string }).text?.trim();
    return text ? text : undefined;
  };
}

export function createMediaFetcher(options: { metaApi?: { baseUrl: string; accessToken: string }; twilio?: { accountSid: string; authToken: string }; fetch?: typeof fetch }): MediaFetcher {
  const fetchFn = options.fetch ?? fetch;
  return async (url) => {
    if (url.startsWith('meta-media:')) {
      if (!options.metaApi) return undefined;
      const auth = { Authorization: `Bearer ${options.metaApi.accessToken}` };
      const info = await fetchFn(`${options.metaApi.baseUrl.replace(/\/+$/, '')}/${GRAPH_API_VERSION}/${encodeURIComponent(url.slice('meta-media:'.length))}`, { headers: auth });
      if (!info.ok) return undefined;
      const { url: mediaUrl } = (await info.json()) as { url?: string };
      const media = mediaUrl ? await fetchFn(mediaUrl, { headers: auth }) : undefined;
      return media?.ok ? media.blob() : undefined;
    }
    const headers: Record<string, string> = options.twilio ? { Authorization: `Basic ${btoa(`${options.twilio.accountSid}:${options.twilio.authToken}`)}` } : {};
    const media = await fetchFn(url, { headers });
    return media.ok ? media.blob() : undefined;
  };
}

/** The content the flow sees: a transcribed note becomes text; anything else, or a failure, stays as it was. */
export async function hearVoiceNote(content: InboundContent, deps: { transcribe?: Transcriber; fetchMedia?: MediaFetcher; onError?: (e: unknown) => void }): Promise<InboundContent> {
  if (content.type !== 'audio' || !deps.transcribe || !deps.fetchMedia) return content;
  try {
    const audio = await deps.fetchMedia(content.url);
    const text = audio ? await deps.transcribe(audio, content.mimeType) : undefined;
    return text ? { type: 'text', text } : content;
  } catch (error) {
    deps.onError?.(error);
    return content;
  }
}
