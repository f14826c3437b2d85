// Sends an SMS through Twilio's REST API (for messages that are not a reply: the message a caregiver asked Relais to
// send to their relative). The base URL is configurable, so tests point it at a loopback fake.
import { cheaperSms } from './gsm7.js';

export interface SmsSender {
  send(to: string, body: string): Promise<{ ok: boolean; status: number; sid?: string; error?: string }>;
}

export interface TwilioRestOptions {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  from: string;
  fetch?: typeof fetch;
}

/** Posts a form to one of the account's REST resources (Messages, Calls) and reads Twilio's answer. */
export async function postTwilioResource(
  options: TwilioRestOptions,
  resource: 'Messages' | 'Calls',
  form: Record<string, string>,
): Promise<{ ok: boolean; status: number; sid?: string; error?: string }> {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/${resource}.json`;
  try {
    const response = await (options.fetch ?? fetch)(url, {
      method: 'POST',
      headers: { Authorization: `Basic ${btoa(`${options.accountSid}:${options.authToken}`)}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ From: options.from, ...form }).toString(),
    });
    const text = await response.text();
    if (!response.ok) return { ok: false, status: response.status, error: text };
    return { ok: true, status: response.status, sid: (JSON.parse(text) as { sid?: string }).sid };
  } catch (error) {
    return { ok: false, status: 0, error: String(error) };
  }
}

export function createTwilioSmsSender(options: TwilioRestOptions): SmsSender {
  return { send: (to, body) => postTwilioResource(options, 'Messages', { To: to, Body: cheaperSms(body).text }) };
}
