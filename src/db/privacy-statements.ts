// What SUPPRIMER and the retention purge do to the database, as plain statements both drivers run atomically.
// Erasure reaches every table that can hold a person's number or words; the purge reaches every table by age.
import { normalizePlaceName } from '../directory/normalize.js';
import type { Statement } from './database.js';
import { orphanTextsStatement } from './message-texts.js';
import { MENTIONING_CONTACTS, forgetMentionsStatement } from './number-mentions.js';
import { ERASED_SENDER } from './schema.js';

/** What replaces a number erased from someone else's data (a caregiver who gave it for their relative). */
export const ERASED_NUMBER = '[numéro effacé]';

/**
 * The ways a number is commonly written (E.164, national, in pairs with spaces, dots or dashes), longest first so
 * that a longer form is replaced before a shorter one inside it. Spoken forms (« zéro six… ») are not matched.
 */
export function writtenForms(address: string): string[] {
  const e164 = /^\+\d{8,15}$/.test(address) ? address : undefined;
  if (!e164) return address.length >= 6 ? [address] : [];
  const forms = new Set([e164, `00${e164.slice(1)}`, e164.slice(1)]);
  if (e164.startsWith('+33') && e164.length === 12) {
    const national = `0${e164.slice(3)}`;
    const pairs = national.match(/\d\d/g)!;
    for (const separator of [' ', '.', '-']) forms.add(pairs.join(separator));
    forms.add(`+33 ${e164.slice(3, 4)} ${pairs.slice(1).join(' ')}`);
    forms.add(national);
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * `replace(replace(column, f1, …), f2, …)` for every form, and the condition that any form is present, on the rows
 * `rowsOf` selects: those of the contacts recorded writing `address` (its one parameter).
 */
function redaction(table: string, column: string, forms: string[], rowsOf: string, guard: string, guardParams: unknown[], address: string): Statement {
  let expression = column;
  for (let i = 0; i < forms.length; i++) expression = `replace(${expression}, ?, ?)`;
  // A conversation changed under a turn in flight must make that turn retry on the new snapshot, not write back the old.
  const bump = table === 'conversations' ? ', version = version + 1' : '';
  return {
    sql: `update ${table} set ${column} = ${expression}${bump} where ${rowsOf} and (${forms.map(() => `instr(${column}, ?) > 0`).join(' or ')}) and ${guard}`,
    params: [...forms.flatMap((f) => [f, ERASED_NUMBER]), address, ...forms, ...guardParams],
  };
}

/** Where the number may be written by someone else, and how each table's rows of the mentioning contacts are found. */
const WRITTEN_IN = [
  ['messages', 'body', `contact_address in (${MENTIONING_CONTACTS})`],
  ['message_texts', 'body', `id in (select text_id from messages where text_id is not null and contact_address in (${MENTIONING_CONTACTS}))`],
  ['processed_webhooks', 'reply', `contact_address in (${MENTIONING_CONTACTS})`],
  ['callback_requests', 'context', `contact_address in (${MENTIONING_CONTACTS})`],
  ['handoffs', 'context', `caller_address in (${MENTIONING_CONTACTS})`],
  ['outbox', 'replies', `contact_address in (${MENTIONING_CONTACTS})`],
  ['conversations', 'snapshot', `contact_address in (${MENTIONING_CONTACTS})`],
] as const;

/**
 * SUPPRIMER, as statements run in the turn's own atomic unit (each guarded by `guard`, so a turn that lost a race
 * erases nothing; the conversations go last because the guard reads them). Everything with the number goes;
 * the erasure's own processed row stays for the redelivery window, without the number; the opt-out list stays
 * (the law requires it to be honoured); anonymous signals stay. `inboundTexts` are the person's own messages:
 * geocoder cache entries made from them go too.
 */
export function erasureStatements(address: string, keepProviderId: string, inboundTexts: string[], guard: string, guardParams: unknown[]): Statement[] {
  const g = (sql: string, params: unknown[]): Statement => ({ sql: `${sql} and ${guard}`, params: [...params, ...guardParams] });
  const orphanText = orphanTextsStatement((table) => `${table}.contact_address = ?`, [address]);
  const statements: Statement[] = [
    // Erased bookings free their seats.
    g(
      'update workshop_sessions set seats_taken = seats_taken - (select count(*) from bookings b where b.session_id = workshop_sessions.id and b.contact_address = ?) where id in (select session_id from bookings where contact_address = ?)',
      [address, address],
    ),
    g('delete from bookings where contact_address = ?', [address]),
    // Every follow-up still to come, or sent and awaiting an answer, goes with the number.
    g('delete from scheduled_messages where contact_address = ?', [address]),
    // The texts only this person's messages used go with them (a text can hold their commune or their words).
    g(orphanText.sql, orphanText.params),
    g('delete from messages where contact_address = ?', [address]),
    g('delete from callback_requests where contact_address = ?', [address]),
    g('delete from calls where contact_address = ?', [address]),
    g('delete from handoffs where caller_address = ?', [address]),
    g('delete from contacts where address = ?', [address]),
    // Orientations stay, anonymous, for the figures: the person's contact and a sender's own number go.
    g('update orientations set person_contact = null where person_contact = ?', [address]),
    g('update orientations set sender_address = null where sender_address = ?', [address]),
    // The confirmation of this erasure may still wait in the outbox: it is deleted once sent.
    g('delete from outbox where contact_address = ? and provider_id <> ?', [address, keepProviderId]),
    g('delete from processed_webhooks where contact_address = ? and provider_id <> ?', [address, keepProviderId]),
    g(`update or replace processed_webhooks set contact_address = '${ERASED_SENDER}' where contact_address = ? and provider_id = ?`, [address, keepProviderId]),
  ];
  const texts = inboundTexts.join('\n');
  if (texts.trim()) {
    const searched = `${texts.toLowerCase()}\n${normalizePlaceName(texts)}`;
    statements.push(g("delete from geocode_cache where length(query) > 3 and instr(?, substr(query, instr(query, ':') + 1)) > 0", [searched]));
  }
  const forms = writtenForms(address);
  if (forms.length > 0) {
    // The number as someone else wrote it (a caregiver giving their relative's mobile) is blanked out.
    for (const [table, column, rowsOf] of WRITTEN_IN) statements.push(redaction(table, column, forms, rowsOf, guard, guardParams, address));
  }
  // Who wrote this number, and what this person wrote, are no longer anyone's business.
  const forget = forgetMentionsStatement(address);
  statements.push(g(forget.sql, forget.params), g('delete from number_mentions where contact_address = ?', [address]));
  statements.push(g('delete from conversations where contact_address = ? and id <> ?', [address, guardParams[0]]));
  // Last: the guard reads this very row.
  statements.push({ sql: `delete from conversations where id = ? and last_turn_id = ?`, params: guardParams });
  return statements;
}

/**
 * The retention purge: every table that can hold personal data, by the age of each row (not through the contact
 * list, so rows whose contact is already gone are reached too). Signals (anonymous), the opt-out list (the law),
 * places and workshops (reference data) are not personal and stay. Processed deliveries go after the providers'
 * redelivery window (`redeliveredBefore`), sooner than the rest: past it no provider sends the same id again, so the
 * reply kept for it is dead weight (a third of what a turn stored). Each conversation's last delivery stays, for
 * « répéter ». The index on created_at and the one on conversations' contact make it cheap.
 */
export function purgeStatements(before: number, redeliveredBefore: number, orientationsClosedBefore?: number): Statement[] {
  return [
    // Closed orientations are anonymised after their own retention (ORIENTATION_RETENTION_DAYS, 365 by default).
    ...(orientationsClosedBefore === undefined ? [] : [anonymiseOrientations(orientationsClosedBefore)]),
    orphanTextsStatement((table) => `${table}.created_at < ?`, [before]),
    { sql: 'delete from messages where created_at < ?', params: [before] },
    { sql: 'delete from conversations where updated_at < ?', params: [before] },
    // A contact is written when a conversation begins: it stays while one of its conversations does.
    {
      sql: 'delete from contacts where last_seen_at < ? and not exists (select 1 from conversations c where c.contact_address = contacts.address)',
      params: [before],
    },
    {
      sql:
        'delete from processed_webhooks where created_at < ? and not exists ' +
        '(select 1 from conversations c where c.contact_address = processed_webhooks.contact_address and c.last_turn_id = processed_webhooks.provider_id)',
      params: [Math.max(before, redeliveredBefore)],
    },
    { sql: 'delete from callback_requests where created_at < ?', params: [before] },
    { sql: 'delete from calls where started_at < ?', params: [before] },
    { sql: 'delete from handoffs where created_at < ?', params: [before] },
    { sql: 'delete from outbox where created_at < ?', params: [before] },
    { sql: 'delete from geocode_cache where fetched_at < ?', params: [before] },
    { sql: 'delete from scheduled_messages where created_at < ?', params: [before] },
    // A mention lives as long as the newest one and as the contact's conversation, whose snapshot may still hold it.
    {
      sql: 'delete from number_mentions where created_at < ? and not exists (select 1 from conversations c where c.contact_address = number_mentions.contact_address)',
      params: [before],
    },
    // A booking outlives the retention only while its session is still to come.
    {
      sql: 'delete from bookings where created_at < ? and not exists (select 1 from workshop_sessions s where s.id = bookings.session_id and s.ends_at >= ?)',
      params: [before, before],
    },
  ];
}

/** Closed before `closedBefore`: the person's contact and the sender's number go, the anonymous orientation stays. */
export function anonymiseOrientations(closedBefore: number): Statement {
  return {
    sql: 'update orientations set person_contact = null, sender_address = null, anonymised_at = closed_at where closed_at < ? and anonymised_at is null',
    params: [closedBefore],
  };
}
