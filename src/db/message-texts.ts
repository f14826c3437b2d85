// Outgoing texts stored once (message_texts): a turn's outgoing messages hold the key of their text, written in the
// turn's own atomic unit; every reader gets the text back through one join. Inbound messages (the person's own words)
// stay inline. A text stays as long as a message uses it: erasure and purge delete those whose last user they delete.
import type { Statement } from './database.js';

/**
 * FNV-1a (32 bits) over the UTF-16 code units: a cheap synchronous key to find a text by, on both runtimes (Web Crypto
 * is asynchronous). It need not be unique nor resist collisions: a lookup always compares the body too.
 */
export function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}

/** A message's text, inline or stored once (`m` the messages row, `t` its left-joined text). */
export const MESSAGE_BODY = 'coalesce(t.body, m.body)';
/** The join that reads a message's stored text (see {@link MESSAGE_BODY}). */
export const TEXT_JOIN = 'left join message_texts t on t.id = m.text_id';

/** Stores each of `texts` not stored yet, once, if the guard holds (the statement is a no-op for a lost turn). */
export function storeTextsStatement(texts: string[], guard: Statement): Statement {
  const distinct = [...new Set(texts)];
  return {
    sql:
      `insert into message_texts (hash, body) select column1, column2 from (values ${distinct.map(() => '(?, ?)').join(', ')}) v ` +
      `where not exists (select 1 from message_texts t where t.hash = v.column1 and t.body = v.column2) and ${guard.sql}`,
    params: [...distinct.flatMap((text) => [textHash(text), text]), ...guard.params],
  };
}

/** The key of a stored text, as an SQL expression over a hash and a body expression. */
export const textIdOf = (hash: string, body: string) => `(select min(id) from message_texts where hash = ${hash} and body = ${body})`;

/**
 * Deletes the texts used by the messages that `selected` picks (a condition on the messages table named by its
 * argument) and by no message outside them: run just before those messages are deleted (erasure, purge), so that no
 * text outlives its last message. Only those texts are looked at, each through the index on `text_id`.
 */
export function orphanTextsStatement(selected: (table: string) => string, params: unknown[]): Statement {
  return {
    sql:
      `delete from message_texts where id in (select text_id from messages where text_id is not null and ${selected('messages')}) ` +
      `and not exists (select 1 from messages m where m.text_id = message_texts.id and not (${selected('m')}))`,
    params: [...params, ...params],
  };
}
