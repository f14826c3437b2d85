// A loopback stand-in for Twilio's REST API (the only part of Twilio outside this machine): it records every SMS
// Relais asks it to send and answers as Twilio does, so tests check what would have reached a phone.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentSms {
  path: string;
  auth: string;
  to: string;
  from: string;
  body: string;
}

export interface FakeTwilioRest {
  baseUrl: string;
  sent: SentSms[];
  /** Options for startTestRelais: Relais' REST client pointed at this fake. */
  twilioApi: { baseUrl: string; accountSid: string; authToken: string; from: string };
  close(): Promise<void>;
}

export async function startFakeTwilioRest(): Promise<FakeTwilioRest> {
  const sent: SentSms[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      res.setHeader('Content-Type', 'application/json');
      if (!req.url?.startsWith('/2010-04-01/Accounts/') || !req.url.endsWith('/Messages.json')) return void res.writeHead(404).end('{"message":"not found"}');
      const form = new URLSearchParams(body);
      sent.push({ path: req.url, auth: req.headers.authorization ?? '', to: form.get('To') ?? '', from: form.get('From') ?? '', body: form.get('Body') ?? '' });
      res.writeHead(201).end(JSON.stringify({ sid: `SM${String(sent.length).padStart(32, '0')}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    sent,
    twilioApi: { baseUrl, accountSid: 'AC00000000000000000000000000000001', authToken: 'rest-token', from: '+33939000000' },
    close: () => new Promise((r) => server.close(() => r())),
  };
}
