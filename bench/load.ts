// A small closed-loop load generator: N concurrent clients, each running short conversations back to back (a new
// number for each conversation) for a fixed time, as Twilio would post them: signed form posts, keep-alive sockets,
// latency recorded per request. SMS and WhatsApp post the transcript's texts; a call starts with the « call comes in »
// webhook, then answers each <Gather> at the action URL the previous TwiML gave (keys, as a keypad would).
import http from 'node:http';
import twilio from 'twilio';

export type LoadChannel = 'sms' | 'whatsapp' | 'voice';

export interface LoadResult {
  completed: number;
  errors: number;
  seconds: number;
  latenciesMs: number[];
  /** The first unexpected answer, to say why errors happened. */
  firstError?: string;
}

export interface LoadOptions {
  baseUrl: string;
  publicBaseUrl: string;
  authToken: string;
  channel: LoadChannel;
  concurrency: number;
  seconds: number;
  /** One conversation: what the person sends, turn by turn (keys on the phone; the call itself is turn 0). */
  transcript: string[];
  /** What every response must contain to count as a success. */
  expect: string;
  /** Distinguishes the numbers of two runs against one database. */
  label: string;
}

const TO = '+33939000000';

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latenciesMs: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let sequence = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const id = () => `${options.label}${(sequence++).toString(16).padStart(30, '0')}`;

  async function send(path: string, params: Record<string, string>): Promise<string> {
    const body = new URLSearchParams(params).toString();
    const signature = twilio.getExpectedTwilioSignature(options.authToken, `${options.publicBaseUrl}${path}`, params);
    const t0 = performance.now();
    const { status, text } = await post(agent, new URL(path, options.baseUrl), body, signature);
    latenciesMs.push(performance.now() - t0);
    if (status !== 200 || !text.includes(options.expect)) {
      errors++;
      firstError ??= `${status} ${text.slice(0, 300)}`;
    }
    return text;
  }

  async function conversation(from: string) {
    if (options.channel === 'voice') {
      const callSid = `CA${id()}`;
      const call = { CallSid: callSid, AccountSid: 'AC00000000000000000000000000000000', From: from, To: TO, CallStatus: 'in-progress', Direction: 'inbound' };
      let twiml = await send('/twilio/voice', call);
      for (const keys of options.transcript) {
        const action = /<Gather[^>]*action="([^"]+)"/.exec(twiml)?.[1]?.replace(/&amp;/g, '&');
        if (!action || performance.now() >= deadline) return;
        const url = new URL(action);
        twiml = await send(url.pathname + url.search, { ...call, Digits: keys });
      }
      return;
    }
    const path = options.channel === 'sms' ? '/twilio/sms' : '/twilio/whatsapp';
    const address = options.channel === 'sms' ? from : `whatsapp:${from}`;
    for (const text of options.transcript) {
      if (performance.now() >= deadline) return;
      await send(path, { MessageSid: `SM${id()}`, AccountSid: 'AC00000000000000000000000000000000', From: address, To: TO, Body: text, NumMedia: '0' });
    }
  }

  async function client(index: number) {
    for (let n = 0; performance.now() < deadline; n++) {
      await conversation(`+336${options.label}${String(index).padStart(3, '0')}${String(n).padStart(5, '0')}`);
    }
  }

  await Promise.all(Array.from({ length: options.concurrency }, (_, i) => client(i)));
  agent.destroy();
  return { completed: latenciesMs.length, errors, seconds: (performance.now() - started) / 1000, latenciesMs, ...(firstError ? { firstError } : {}) };
}

function post(agent: http.Agent, url: URL, body: string, signature: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body), 'X-Twilio-Signature': signature },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
