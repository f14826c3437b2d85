// A loopback stand-in for Meta's Graph API: records every WhatsApp message Relais sends, and can be told to fail
// the next requests (HTTP 500), as Meta's API sometimes does.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GraphSend {
  path: string;
  to: string;
  body: Record<string, unknown>;
}

export interface FakeGraph {
  baseUrl: string;
  sent: GraphSend[];
  /** The next `count` requests answer 500 and are not recorded as sent. */
  failNext(count: number): void;
  /** Everything sent to `to` (digits, as Meta writes numbers), as one string to search. */
  textTo(to: string): string;
  close(): Promise<void>;
}

export async function startFakeGraph(): Promise<FakeGraph> {
  const sent: GraphSend[] = [];
  let failing = 0;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      res.setHeader('Content-Type', 'application/json');
      if (failing > 0) {
        failing--;
        return void res.writeHead(500).end('{"error":{"message":"temporarily unavailable"}}');
      }
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      sent.push({ path: req.url ?? '', to: String(body['to'] ?? ''), body });
      res.end(JSON.stringify({ messages: [{ id: `wamid.out${sent.length}` }] }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    failNext: (count) => void (failing = count),
    textTo: (to) => JSON.stringify(sent.filter((s) => s.to === to.replace(/^\+/, '')).map((s) => s.body)),
    close: () => new Promise((r) => server.close(() => r())),
  };
}
