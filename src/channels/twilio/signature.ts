// Twilio webhook signatures, computed exactly as Twilio does, with Web Crypto so that Workers run it too.
// Algorithm (twilio-node, webhooks.js): HMAC-SHA1(authToken, url + each param name+value, names sorted), base64.
import { remembered } from '../../engine/remembered.js';

export type TwilioParams = Record<string, string | string[]>;

const encoder = new TextEncoder();

/** The string Twilio signs: the URL, then every parameter as name+value, names in code-unit order. */
export function signedPayload(url: string, params: TwilioParams): string {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name]!;
    // Repeated names: Twilio signs each distinct value once, values sorted.
    const values = Array.isArray(value) ? [...new Set(value)].sort() : [value];
    for (const v of values) data += name + v;
  }
  return data;
}

/** Imported keys, per token: importing costs as much as signing, and the token rarely changes. */
const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(authToken: string): Promise<CryptoKey> {
  let key = keys.get(authToken);
  if (!key) {
    if (keys.size > 16) keys.clear();
    key = crypto.subtle.importKey('raw', encoder.encode(authToken), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
    keys.set(authToken, key);
  }
  return key;
}

/** HMAC-SHA1 of `data` with `key`, in base64. Web Crypto by default; a runtime may supply a faster native one. */
export type HmacSha1 = (key: string, data: string) => string | Promise<string>;

export const webCryptoHmacSha1: HmacSha1 = async (key, data) => {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(key), encoder.encode(data)));
  let binary = '';
  for (const byte of mac) binary += String.fromCharCode(byte);
  return btoa(binary);
};

export async function computeTwilioSignature(authToken: string, url: string, params: TwilioParams, hmac: HmacSha1 = webCryptoHmacSha1): Promise<string> {
  return hmac(authToken, signedPayload(url, params));
}

/** Compares without stopping at the first difference, so timing reveals nothing about the expected value. */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

/**
 * True when `signature` is Twilio's for this URL and these parameters. Like Twilio's own validateRequest, the URL
 * is tried as given, without its port and with the scheme's default port, since Twilio may sign either form.
 */
export async function verifyTwilioSignature(input: { authToken: string; url: string; params: TwilioParams; signature: string; hmac?: HmacSha1 }): Promise<boolean> {
  if (!input.authToken || !input.signature) return false;
  // Stopping at the first matching form only reveals which URL form Twilio signed, nothing about the token.
  const matches = async (url: string) => constantTimeEqual(await computeTwilioSignature(input.authToken, url, input.params, input.hmac), input.signature);
  // The URL as given is the form Twilio signs when the public base URL is right: the others only when it fails.
  if (await matches(input.url)) return true;
  for (const url of portVariants(input.url).slice(1)) if (await matches(url)) return true;
  return false;
}

function portVariants(url: string): string[] {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/is.exec(url);
  if (!match) return [url];
  const [, scheme, authority, rest] = match as unknown as [string, string, string, string];
  const hostEnd = authority.indexOf(':', authority.lastIndexOf(']') + 1);
  const host = hostEnd === -1 ? authority : authority.slice(0, hostEnd);
  const port = scheme.toLowerCase() === 'https://' ? ':443' : ':80';
  return [...new Set([url, scheme + host + rest, scheme + host + port + rest])];
}

/** The configured base URL without its trailing slashes, and its path: read once, not at every webhook. */
const publicBase = remembered((publicBaseUrl: string) => {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return { base, basePath: new URL(base).pathname.replace(/\/+$/, '') };
}, 16);

/**
 * The URL Twilio called, rebuilt from the configured public base URL and the request's path and query:
 * proxies rewrite scheme and host, so the Host header is never trusted.
 */
export function publicUrlFor(publicBaseUrl: string, requestUrl: string): string {
  const request = new URL(requestUrl);
  const { base, basePath } = publicBase(publicBaseUrl);
  // A proxy that strips the public prefix (/relais) sends the bare path; one that keeps it sends it whole.
  const path = basePath && request.pathname.startsWith(`${basePath}/`) ? request.pathname.slice(basePath.length) : request.pathname;
  return `${base}${path}${request.search}`;
}
