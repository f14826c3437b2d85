// Outgoing texts stored once: every conversation's menu is one row of message_texts, every reader gets the same text
// back (the log, a redelivery's reply rebuilt from it), and a text only an erased person's messages used goes with them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textHash } from '../../src/db/message-texts.js';
import { newSid, startTestRelais, type TestRelais } from '../support/relais.js';

let relais: TestRelais;
beforeAll(async () => {
  relais = await startTestRelais();
});
afterAll(() => relais.stop());

/** The outgoing texts logged for a number, in order, read as every reader reads them (through the join). */
const loggedOut = (from: string) =>
  relais
    .query<{ body: string }>("select coalesce(t.body, m.body) as body from messages m left join message_texts t on t.id = m.text_id where m.contact_address = ? and m.direction = 'out' order by m.id", from)
    .map((r) => r.body);
const orphans = () => relais.query('select id from message_texts where id not in (select text_id from messages where text_id is not null)');

describe('outgoing texts stored once', () => {
  it('stores the flow texts of two conversations once, and gives each its texts back identically', async () => {
    const [a, b] = ['+33611110001', '+33611110002'];
    const replies: Record<string, string[]> = { [a]: [], [b]: [] };
    for (const from of [a, b]) for (const text of ['Bonjour', '1', '74000']) replies[from]!.push(...(await relais.sms(from, text)).messages);

    // The SMS reply joins a turn's texts into as few messages as fit: the same words, in the same order.
    const words = (texts: string[]) => texts.join(' ').replace(/\s+/g, ' ');
    expect(words(loggedOut(a))).toBe(words(replies[a]!));
    expect(loggedOut(b)).toEqual(loggedOut(a));
    expect(replies[b]).toEqual(replies[a]);
    // Each outgoing row holds a key and no body; both conversations point at the same rows, stored once.
    const keys = (from: string) => relais.query<{ text_id: number; body: string }>("select text_id, body from messages where contact_address = ? and direction = 'out' order by id", from);
    expect(keys(a).every((m) => m.text_id !== null && m.body === '')).toBe(true);
    expect(keys(a).map((m) => m.text_id)).toEqual(keys(b).map((m) => m.text_id));
    const stored = relais.query<{ hash: number; body: string }>('select hash, body from message_texts');
    expect(new Set(stored.map((t) => t.body)).size).toBe(stored.length);
    expect(stored.every((t) => t.hash === textHash(t.body))).toBe(true);
    // The person's own words stay inline.
    expect(relais.query("select body from messages where contact_address = ? and direction = 'in' and text_id is null", a)).toHaveLength(3);
  });

  it('rebuilds a redelivered reply from the stored texts, the same as the first answer', async () => {
    const from = '+33611110003';
    await relais.sms(from, 'Bonjour');
    const earlierSid = newSid();
    const earlier = await relais.sms(from, '1', { messageSid: earlierSid });
    const messageSid = newSid();
    const first = await relais.sms(from, '74000', { messageSid });
    // The delivery is recorded by its logged inbound message alone, not by a processed row.
    expect(relais.query('select reply from processed_webhooks where provider_id = ?', messageSid)).toEqual([]);
    expect(relais.query("select id from messages where provider_id = ? and direction = 'in'", messageSid)).toHaveLength(1);
    const again = await relais.sms(from, '74000', { messageSid });
    expect(again.body).toBe(first.body);
    expect(first.messages.join()).toContain('Annecy');
    // « Répéter » says the last reply again, read from the stored texts.
    expect((await relais.sms(from, 'répéter')).messages).toEqual(first.messages);
    // An earlier turn's redelivery gets that turn's texts only, not those that followed it.
    expect((await relais.sms(from, '1', { messageSid: earlierSid })).body).toBe(earlier.body);
    expect(earlier.messages.join()).toContain('code postal');
    // Outgoing rows do not repeat the delivery's id: the inbound row names it.
    expect(relais.query("select id from messages where contact_address = ? and direction = 'out' and provider_id is not null", from)).toEqual([]);
  });

  it('erases the texts only the erased person had, keeps the shared ones, and leaves no orphan', async () => {
    const [erased, other] = ['+33611110004', '+33611110005'];
    for (const from of [erased, other]) for (const text of ['Bonjour', '1']) await relais.sms(from, text);
    const otherSid = newSid();
    const otherReply = await relais.sms(other, '74000', { messageSid: otherSid });
    // A text made of the person's own words, echoed to them alone.
    await relais.sms(erased, 'Zyxwvilliers-sur-Test');
    const ownTexts = () => relais.query<{ body: string }>('select body from message_texts').filter((t) => t.body.includes('Zyxwvilliers'));
    expect(ownTexts().length).toBeGreaterThan(0);
    const shared = loggedOut(other);

    expect((await relais.sms(erased, 'SUPPRIMER')).messages.join()).toContain('effacées');
    expect(ownTexts()).toEqual([]);
    expect(orphans()).toEqual([]);
    expect(loggedOut(other)).toEqual(shared);
    expect((await relais.sms(other, '74000', { messageSid: otherSid })).body).toBe(otherReply.body);
  });
});
