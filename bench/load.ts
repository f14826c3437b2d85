// A small closed-loop load generator: N concurrent conversations, each posting Twilio-signed SMS webhooks back to
// back for a fixed time. Keep-alive sockets, no dependency, latency recorded per request.
import http from 'node:http';
import twilio from 'twilio';

export interface LoadResult {
  completed: number;
  errors: number;
  seconds: number;
  latenciesMs: number[];
}

export interface LoadOptions {
  baseUrl: string;
  publicBaseUrl: string;
  authToken: string;
  concurrency: number;
  seconds: number;
  transcript: string[];
  /** What every response must contain to count as a success. */
  expect: string;
  /** Distinguishes the conversations of two runs against one database. */
  label: string;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const target = new URL('/twilio/sms', options.baseUrl);
  const signedUrl = `${options.publicBaseUrl}/twilio/sms`;
  const latenciesMs: number[] = [];
  let errors = 0;
  let sequence = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;

  async function conversation(index: number) {
    const from = `+336${options.label}${String(index).padStart(5, '0')}`;
    for (let turn = 0; performance.now() < deadline; turn++) {
      const params = {
        MessageSid: `SM${options.label}${(sequence++).toString(16).padStart(30, '0')}`,
        From: from,
        To: '+33939000000',
        Body: options.transcript[turn % options.transcript.length]!,
      };
      const body = new URLSearchParams(params).toString();
      const signature = twilio.getExpectedTwilioSignature(options.authToken, signedUrl, params);
      const t0 = performance.now();
      const { status, text } = await post(agent, target, body, signature);
      latenciesMs.push(performance.now() - t0);
      if (status !== 200 || !text.includes(options.expect)) errors++;
    }
  }

  await Promise.all(Array.from({ length: options.concurrency }, (_, i) => conversation(i)));
  agent.destroy();
  return { completed: latenciesMs.length, errors, seconds: (performance.now() - started) / 1000, latenciesMs };
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
