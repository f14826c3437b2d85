// Meta's webhook signature: X-Hub-Signature-256 is "sha256=" + HMAC-SHA256 of the raw body with the app secret.
// Web Crypto, so Workers run it too; compared in constant time.
import { constantTimeEqual } from '../twilio/signature.js';

const encoder = new TextEncoder();

export async function computeMetaSignature(appSecret: string, rawBody: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(appSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(rawBody)));
  return `sha256=${[...mac].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export async function verifyMetaSignature(appSecret: string | undefined, rawBody: string, header: string | undefined): Promise<boolean> {
  if (!appSecret || !header) return false;
  return constantTimeEqual(await computeMetaSignature(appSecret, rawBody), header.trim().toLowerCase());
}
