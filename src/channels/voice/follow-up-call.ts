// The short automated call a person reached by phone only gets instead of a written follow-up: Twilio's REST API
// (Calls resource) places it with its TwiML inline, said slowly, keys only (1 to confirm, 2 to cancel), the key
// answered at Relais' follow-up gather route. The base URL is configurable: tests point it at a loopback fake.
import { gather, response, say, type VoiceSettings } from './twiml.js';

export interface FollowUpCallWording {
  keys: string;
  noAnswer: string;
}

/** The call's TwiML: the message and the keys inside one Gather (a key pressed while it speaks is taken at once). */
export function followUpCallTwiml(text: string, gatherUrl: string, wording: FollowUpCallWording, settings: VoiceSettings): string {
  const prompts = say(text, settings) + say(wording.keys, settings);
  // Keys only: a landline's speech in a first call Relais places is not worth the misreadings.
  const keysOnly = gather(prompts, { action: gatherUrl, numDigits: 1, hints: [] }, settings).replace('input="dtmf speech"', 'input="dtmf"');
  return response(keysOnly + say(wording.noAnswer, settings));
}

export interface TwilioCaller {
  call(to: string, twiml: string): Promise<{ ok: boolean; status: number; sid?: string; error?: string }>;
}

export function createTwilioCaller(options: { baseUrl: string; accountSid: string; authToken: string; from: string; fetch?: typeof fetch }): TwilioCaller {
  const fetchFn = options.fetch ?? fetch;
  return {
    async call(to, twiml) {
      const url = `${options.baseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Calls.json`;
      try {
        const answer = await fetchFn(url, {
          method: 'POST',
          headers: { Authorization: `Basic ${btoa(`${options.accountSid}:${options.authToken}`)}`, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ To: to, From: options.from, Twiml: twiml }).toString(),
        });
        const text = await answer.text();
        if (!answer.ok) return { ok: false, status: answer.status, error: text };
        return { ok: true, status: answer.status, sid: (JSON.parse(text) as { sid?: string }).sid };
      } catch (error) {
        return { ok: false, status: 0, error: String(error) };
      }
    },
  };
}
