// Reads Meta WhatsApp Cloud API webhook payloads (validated by zod) into neutral inbound messages and statuses.
import * as z from 'zod';
import type { InboundContent } from '../../engine/message.js';
import { cleanBody, MAX_ID_LENGTH, MAX_WHATSAPP_TEXT } from '../sms/parse.js';

const message = z.object({
  id: z.string().min(1),
  from: z.string().min(1),
  timestamp: z.string().optional(),
  type: z.string(),
  text: z.object({ body: z.string() }).optional(),
  interactive: z
    .object({
      type: z.string(),
      button_reply: z.object({ id: z.string(), title: z.string() }).optional(),
      list_reply: z.object({ id: z.string(), title: z.string() }).optional(),
    })
    .optional(),
  button: z.object({ payload: z.string().optional(), text: z.string().optional() }).optional(),
  location: z.object({ latitude: z.number(), longitude: z.number(), name: z.string().optional(), address: z.string().optional() }).optional(),
  audio: z.object({ id: z.string(), mime_type: z.string().optional() }).optional(),
});

const payloadSchema = z.object({
  object: z.string(),
  entry: z.array(
    z.object({
      changes: z.array(
        z.object({
          value: z.object({
            metadata: z.object({ phone_number_id: z.string(), display_phone_number: z.string().optional() }).optional(),
            messages: z.array(message).optional(),
            statuses: z.array(z.object({ id: z.string(), status: z.string(), recipient_id: z.string().optional() })).optional(),
          }),
        }),
      ),
    }),
  ),
});

export interface MetaInbound {
  id: string;
  /** E.164 with its "+", as the rest of Relais writes numbers. */
  from: string;
  phoneNumberId: string;
  content: InboundContent;
}

export interface MetaStatus {
  id: string;
  status: string;
}

export type MetaParse = { ok: true; messages: MetaInbound[]; statuses: MetaStatus[] } | { ok: false; error: string };

export function parseMetaWebhook(json: unknown): MetaParse {
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const messages: MetaInbound[] = [];
  const statuses: MetaStatus[] = [];
  for (const entry of parsed.data.entry) {
    for (const { value } of entry.changes) {
      for (const s of value.statuses ?? []) statuses.push({ id: s.id, status: s.status });
      for (const m of value.messages ?? []) {
        messages.push({ id: m.id, from: m.from.startsWith('+') ? m.from : `+${m.from}`, phoneNumberId: value.metadata?.phone_number_id ?? '', content: contentOf(m) });
      }
    }
  }
  return { ok: true, messages, statuses };
}

function contentOf(m: z.infer<typeof message>): InboundContent {
  const reply = m.interactive?.button_reply ?? m.interactive?.list_reply;
  // Bounded here, at the boundary, like every channel's text (see sms/parse.ts).
  if (reply) return { type: 'choice', choiceId: reply.id.slice(0, MAX_ID_LENGTH) };
  if (m.button?.payload) return { type: 'choice', choiceId: m.button.payload.slice(0, MAX_ID_LENGTH) };
  if (m.location) {
    const label = m.location.name ? cleanBody(m.location.name, MAX_ID_LENGTH) : '';
    return { type: 'location', latitude: m.location.latitude, longitude: m.location.longitude, ...(label ? { label } : {}) };
  }
  if (m.audio) return { type: 'audio', url: `meta-media:${m.audio.id.slice(0, MAX_ID_LENGTH)}`, mimeType: (m.audio.mime_type ?? 'audio/ogg').slice(0, 100) };
  return { type: 'text', text: cleanBody(m.text?.body ?? m.button?.text ?? '', MAX_WHATSAPP_TEXT) };
}
