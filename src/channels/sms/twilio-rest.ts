// Sends an SMS through Twilio's REST API (for messages that are not a reply: the message a caregiver asked Relais to
// send to their relative). The base URL is configurable, so tests point it at a loopback fake.
import { cheaperSms } from './gsm7.js';

export interface SmsSender {
  send(to: string, body: string): Promise<{ ok: boolean; status: number; sid?: string; error?: string }>;
}

export function createTwilioSmsSender(options: { baseUrl: string; accountSid: string; authToken: string; from: string; fetch?: typeof fetch }): SmsSender {
  const fetchFn = options.fetch ?? fetch;
  return {
    async send(to, body) {
      const url = `${options.baseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
      try {
        const response = await fetchFn(url, {
          method: 'POST',
          headers: { Authorization: `Basic ${btoa(`${options.accountSid}:${options.authToken}`)}`, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ To: to, From: options.from, Body: cheaperSms(body).text }).toString(),
        });
        const text = await response.text();
        if (!response.ok) return { ok: false, status: response.status, error: text };
        return { ok: true, status: response.status, sid: (JSON.parse(text) as { sid?: string }).sid };
      } catch (error) {
        return { ok: false, status: 0, error: String(error) };
      }
    },
  };
}
