// A committed Meta WhatsApp reply is delivered at least once: kept in the outbox until sent, retried, and resent by
// a redelivery that finds it unsent; whatever fails after the commit (Meta's API down, a malformed phone_number_id
// that makes encodeURIComponent throw) never turns into a 500 nor loses the reply.
import { describe, expect, it } from 'vitest';
import { metaPayload, postMeta } from '../support/meta.js';
import { newWamid } from '../support/post.js';
import { relaisWithFakeGraph } from '../support/meta-suite.js';

const APP_SECRET = 'outbox-app-secret';
const suite = relaisWithFakeGraph(APP_SECRET);
let n = 0;
const nextPhone = () => `+3367700${String(n++).padStart(4, '0')}`;
const outboxRows = (phone: string) => suite.relais.query<{ sent: number; attempts: number }>('select * from outbox where contact_address = ?', phone);


const post = (phone: string, text: string, id: string, phoneNumberId = 'PNID1') =>
  postMeta(suite.relais.url, APP_SECRET, metaPayload(phone.slice(1), { id, type: 'text', text: { body: text } }, phoneNumberId));

describe('the outbox', () => {
  it('keeps a reply Meta refused and sends it when Meta redelivers the message, once', async () => {
    const phone = nextPhone();
    const id = newWamid();
    suite.graph.failNext(1);
    expect((await post(phone, 'Bonjour', id)).status).toBe(200);
    expect(suite.graph.textTo(phone)).toBe('[]');
    expect(outboxRows(phone)).toHaveLength(1);

    expect((await post(phone, 'Bonjour', id)).status).toBe(200); // Meta redelivers
    const sent = suite.graph.sent.filter((s) => s.to === phone.slice(1));
    expect(sent.length).toBeGreaterThan(0);
    expect(JSON.stringify(sent)).toContain('Relais');
    expect(outboxRows(phone)).toHaveLength(0);

    await post(phone, 'Bonjour', id); // and again: nothing is sent twice
    expect(suite.graph.sent.filter((s) => s.to === phone.slice(1))).toHaveLength(sent.length);
    expect(suite.relais.query('select * from conversations where contact_address = ?', phone)).toHaveLength(1);
  });

  it('resumes after the replies already sent when a later one failed', async () => {
    const phone = nextPhone();
    await post(phone, 'Bonjour', newWamid());
    await post(phone, 'pour moi', newWamid());
    const before = suite.graph.sent.length;
    suite.graph.failNext(1);
    await post(phone, 'aide', newWamid());
    expect(suite.graph.sent.length).toBe(before);
    const [row] = outboxRows(phone);
    expect(row).toMatchObject({ sent: 0, attempts: 1 });
    suite.relais.clock.advanceHours(1);
    expect(await suite.relais.retryOutbox()).toBe(1);
    expect(suite.graph.sent.length).toBeGreaterThan(before);
    expect(outboxRows(phone)).toHaveLength(0);
  });

  it('answers 200 to a malformed phone_number_id (a lone surrogate), and the reply still goes out', async () => {
    const phone = nextPhone();
    const response = await post(phone, 'Bonjour', newWamid(), 'PN\ud800');
    expect(response.status).toBe(200);
    expect(suite.graph.textTo(phone)).toContain('Relais');
    expect(outboxRows(phone)).toHaveLength(0);
  });

  it('retries with backoff while Meta is down, and gives up only after the redelivery window', async () => {
    const phone = nextPhone();
    suite.graph.failNext(1000);
    expect((await post(phone, 'Bonjour', newWamid())).status).toBe(200);
    expect(outboxRows(phone)).toHaveLength(1);
    suite.relais.clock.advanceHours(2);
    expect(await suite.relais.retryOutbox()).toBe(0);
    expect(outboxRows(phone)[0]!.attempts).toBe(2);
    suite.relais.clock.advanceHours(8 * 24);
    await suite.relais.retryOutbox();
    expect(outboxRows(phone)).toHaveLength(0);
    suite.graph.failNext(0);
    expect((await fetch(`${suite.relais.url}/health`)).status).toBe(200);
  });
});
