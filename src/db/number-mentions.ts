// Which contacts wrote which phone numbers: SUPPRIMER blanks a number out of someone else's data (a caregiver who
// gave their relative's mobile), and this table tells it whose rows to look at, through indexes, instead of reading
// every message, reply and snapshot ever stored, under the write lock that holds every other turn back.
import type { Statement } from './database.js';

/** Digits with at most one space, dot or dash between them, optionally after « + »: every form `writtenForms` writes. */
const DIGIT_RUN = /\+?\d(?:[ .-]?\d){7,}/g;
/** At least eight digits written that way: the cheap test that lets most messages through untouched. */
const MAY_HOLD_A_NUMBER = /\d(?:[ .-]?\d){7}/;

/**
 * The numbers, in E.164, that a text may contain in any form `writtenForms` knows (E.164, 00…, bare 33…, national,
 * paired). Generous on purpose: a French number is also looked for inside a longer run of digits (« 06 12 34 56 78
 * 74000 »), because the erasure's redaction finds it there. Hand-written rather than libphonenumber-js's
 * findPhoneNumbersInText, which skips the bare and run-together forms the redaction still matches.
 */
export function mentionedNumbers(text: string): string[] {
  if (!MAY_HOLD_A_NUMBER.test(text)) return [];
  const found = new Set<string>();
  for (const [run] of text.matchAll(DIGIT_RUN)) {
    const digits = run.replace(/\D/g, '');
    if (run.startsWith('+')) found.add(`+${digits}`);
    else if (digits.startsWith('00')) found.add(`+${digits.slice(2)}`);
    else if (!digits.startsWith('0')) found.add(`+${digits}`);
    for (let i = 0; i + 10 <= digits.length; i++) {
      if (digits[i] === '0') found.add(`+33${digits.slice(i + 1, i + 10)}`);
      if (digits.startsWith('33', i) && i + 11 <= digits.length) found.add(`+${digits.slice(i, i + 11)}`);
    }
  }
  return [...found];
}

/**
 * Records that `contact` wrote the numbers found in `texts` (their own number aside), each statement guarded like the
 * write it belongs to. Kept as long as the newest mention (the retention purge ages it like the messages).
 */
export function mentionStatements(contact: string, texts: string[], at: number, guard?: { sql: string; params: unknown[] }): Statement[] {
  const numbers = new Set(texts.flatMap(mentionedNumbers));
  numbers.delete(contact);
  return [...numbers].map((address) => ({
    // An upsert from a SELECT needs its WHERE, even `true`: without it SQLite reads ON CONFLICT as a join.
    sql:
      `insert into number_mentions (address, contact_address, created_at) select ?, ?, ? where ${guard?.sql ?? 'true'} ` +
      'on conflict (address, contact_address) do update set created_at = excluded.created_at',
    params: [address, contact, at, ...(guard?.params ?? [])],
  }));
}

/**
 * The contacts whose data may hold the number `?` as someone else wrote it: those recorded writing it, and those that
 * wrote eight digits before mentions were recorded (address `*`, set by migration 0014, aged out by the purge).
 */
export const MENTIONING_CONTACTS = "select contact_address from number_mentions where address in (?, '*')";

/**
 * Forgets who wrote `address`: its mentions, and any other number read in the same contacts' digits that holds it
 * (a longer run of digits is recorded under several readings).
 */
export function forgetMentionsStatement(address: string): Statement {
  const significant = address.startsWith('+33') ? address.slice(3) : address.replace(/^\+/, '');
  return {
    sql: 'delete from number_mentions where contact_address in (select contact_address from number_mentions where address = ?) and instr(address, ?) > 0',
    params: [address, significant],
  };
}
