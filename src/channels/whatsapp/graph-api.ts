// Sends WhatsApp messages through Meta's Graph API. The base URL is configurable so tests point it at a loopback
// fake that records what would have been sent.
import type { WhatsAppPayload } from './render.js';

export interface WhatsAppSender {
  send(phoneNumberId: string, to: string, payload: WhatsAppPayload): Promise<{ ok: boolean; status: number; error?: string }>;
}

export const GRAPH_API_VERSION = 'v21.0';

export function createGraphApiSender(options: { baseUrl: string; accessToken: string; fetch?: typeof fetch }): WhatsAppSender {
  const fetchFn = options.fetch ?? fetch;
  return {
    async send(phoneNumberId, to, payload) {
      try {
        // Inside the try: a malformed phone_number_id (a lone surrogate) makes encodeURIComponent throw.
        const url = `${options.baseUrl.replace(/\/+$/, '')}/${GRAPH_API_VERSION}/${encodeURIComponent(phoneNumberId)}/messages`;
        const response = await fetchFn(url, {
          method: 'POST',
          headers: { Authorization: `Bearer ${options.accessToken}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to: to.replace(/^\+/, ''), ...payload }),
        });
        return response.ok ? { ok: true, status: response.status } : { ok: false, status: response.status, error: await response.text() };
      } catch (error) {
        return { ok: false, status: 0, error: String(error) };
      }
    },
  };
}
