// The short automated call a person reached by phone only gets instead of a written follow-up: Twilio's REST API
// (Calls resource) places it with its TwiML inline, said slowly, keys only (1 to confirm, 2 to cancel), the key
// answered at Relais' follow-up gather route. The base URL is configurable: tests point it at a loopback fake.
import { postTwilioResource, type TwilioRestOptions } from '../sms/twilio-rest.js';
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

export function createTwilioCaller(options: TwilioRestOptions): TwilioCaller {
  return { call: (to, twiml) => postTwilioResource(options, 'Calls', { To: to, Twiml: twiml }) };
}
