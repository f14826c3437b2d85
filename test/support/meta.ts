// Posts WhatsApp Cloud API webhooks as Meta does: a JSON body signed with the app secret (X-Hub-Signature-256).
import { createHmac } from 'node:crypto';

/** One inbound message, in Meta's envelope. */
export function metaPayload(from: string, message: Record<string, unknown>, phoneNumberId = 'PN') {
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: phoneNumberId }, messages: [{ from, timestamp: '1700000000', ...message }] } }] }],
  };
}

/** Signs with `appSecret` (or sends a wrong signature when `appSecret` is null). */
export async function postMeta(serverUrl: string, appSecret: string | null, payload: unknown): Promise<{ status: number; body: string }> {
  const raw = JSON.stringify(payload);
  const signature = appSecret === null ? 'sha256=00' : `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`;
  const response = await fetch(`${serverUrl}/meta/whatsapp`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signature },
    body: raw,
  });
  return { status: response.status, body: await response.text() };
}
