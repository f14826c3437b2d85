// A loopback stand-in for Twilio's REST API (the only part of Twilio outside this machine): it records every SMS (and
// WhatsApp message) Relais asks it to send and answers as Twilio does, so tests check what would have reached a phone.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentSms {
  path: string;
  auth: string;
  to: string;
  from: string;
  body: string;
  /** A WhatsApp Content template's SID and variables (JSON), when one was sent instead of a Body. */
  contentSid?: string;
  contentVariables?: string;
}

/** A call Relais asked Twilio to place (a landline's follow-up), with its inline TwiML. */
export interface PlacedCall {
  to: string;
  from: string;
  twiml: string;
}

export interface FakeTwilioRest {
  baseUrl: string;
  sent: SentSms[];
  calls: PlacedCall[];
  /** Options for startTestRelais: Relais' REST client pointed at this fake. */
  twilioApi: { baseUrl: string; accountSid: string; authToken: string; from: string };
  close(): Promise<void>;
}

export async function startFakeTwilioRest(): Promise<FakeTwilioRest> {
  const sent: SentSms[] = [];
  const calls: PlacedCall[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      res.setHeader('Content-Type', 'application/json');
      const form = new URLSearchParams(body);
      if (req.url?.startsWith('/2010-04-01/Accounts/') && req.url.endsWith('/Calls.json')) {
        calls.push({ to: form.get('To') ?? '', from: form.get('From') ?? '', twiml: form.get('Twiml') ?? '' });
        return void res.writeHead(201).end(JSON.stringify({ sid: `CA${String(calls.length).padStart(32, '0')}` }));
      }
      if (!req.url?.startsWith('/2010-04-01/Accounts/') || !req.url.endsWith('/Messages.json')) return void res.writeHead(404).end('{"message":"not found"}');
      sent.push({
        path: req.url, auth: req.headers.authorization ?? '', to: form.get('To') ?? '', from: form.get('From') ?? '', body: form.get('Body') ?? '',
        ...(form.has('ContentSid') ? { contentSid: form.get('ContentSid')!, contentVariables: form.get('ContentVariables') ?? '' } : {}),
      });
      res.writeHead(201).end(JSON.stringify({ sid: `SM${String(sent.length).padStart(32, '0')}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    sent,
    calls,
    twilioApi: { baseUrl, accountSid: 'AC00000000000000000000000000000001', authToken: 'rest-token', from: '+33939000000' },
    close: () => new Promise((r) => server.close(() => r())),
  };
}
