// Signed posts to every inbound route, as Twilio and Meta send them, for tests that drive several channels at once.
import twilio from 'twilio';
import { metaPayload, postMeta } from './meta.js';
import { AUTH_TOKEN, newSid, parseMessages, PUBLIC_BASE_URL } from './relais.js';

/** A form post signed for `path` (query included), as Twilio signs it. */
export async function postTwilio(serverUrl: string, path: string, params: Record<string, string>) {
  const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_BASE_URL}${path}`, params);
  const response = await fetch(`${serverUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
    body: new URLSearchParams(params).toString(),
  });
  const body = await response.text();
  return { status: response.status, body, messages: parseMessages(body) };
}

/** A Twilio WhatsApp message from `from` (E.164, without the "whatsapp:" prefix). */
export const twilioWhatsApp = (serverUrl: string, from: string, body: string, extra: Record<string, string> = {}) =>
  postTwilio(serverUrl, '/twilio/whatsapp', { MessageSid: newSid(), From: `whatsapp:${from}`, To: 'whatsapp:+33939000000', Body: body, NumMedia: '0', ...extra });

let wamid = 0;
export const newWamid = () => `wamid.${Date.now().toString(36)}${(wamid++).toString(36)}`;

/** A Meta Cloud API text message from `from` (E.164); returns the HTTP answer. */
export const metaText = (serverUrl: string, appSecret: string, from: string, text: string, id = newWamid(), phoneNumberId = 'PNID1') =>
  postMeta(serverUrl, appSecret, metaPayload(from.replace(/^\+/, ''), { id, type: 'text', text: { body: text } }, phoneNumberId));

/** A phone call: the incoming-call webhook, then each gather's answer, signed; `say` returns the TwiML. */
export class VoiceSession {
  private turn = 0;
  readonly callSid = `CA${Date.now().toString(16)}${Math.random().toString(16).slice(2, 10)}`.padEnd(34, '0');
  constructor(
    private serverUrl: string,
    readonly from: string,
    readonly to = '+33939000000',
  ) {}

  async start(): Promise<string> {
    const r = await postTwilio(this.serverUrl, '/twilio/voice', this.params());
    this.turn = turnIn(r.body) ?? this.turn;
    return r.body;
  }

  /** Posts a gather answer (Digits or SpeechResult) to the current turn's action. */
  async answer(input: Record<string, string>): Promise<{ status: number; body: string }> {
    const r = await postTwilio(this.serverUrl, `/twilio/voice/gather?turn=${this.turn}`, { ...this.params(), ...input });
    this.turn = turnIn(r.body) ?? this.turn;
    return r;
  }

  say = (speech: string) => this.answer({ SpeechResult: speech, Confidence: '0.9' });
  press = (digits: string) => this.answer({ Digits: digits });

  private params() {
    return { CallSid: this.callSid, AccountSid: 'AC00000000000000000000000000000000', From: this.from, To: this.to, CallStatus: 'in-progress' };
  }
}

const turnIn = (twiml: string) => {
  const m = /gather\?turn=(\d+)/.exec(twiml);
  return m ? Number(m[1]) : undefined;
};
