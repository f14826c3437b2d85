// A processed delivery's reply, stored once. An SMS turn's reply is exactly the texts of its outgoing messages, which
// the message log keeps anyway (for six months, with the person's history): such a turn writes no processed_webhooks
// row at all, its logged inbound message (unique per sender and provider id, index messages_contact_delivery) records that the
// delivery was handled, and the reply is rebuilt from the log on a redelivery or « répéter ». That was first a third,
// then a sixth of what a turn stored. Any other reply (WhatsApp buttons, the phone's session, an erasure's
// confirmation, whose log is erased) is stored whole in processed_webhooks.
import type { TurnRecord } from '../conversation/ports.js';
import type { Statement } from './database.js';
import { MESSAGE_BODY, TEXT_JOIN } from './message-texts.js';

/** The reply of a delivery whose reply is its logged outgoing messages. Real replies are JSON objects. */
export const REPLY_IN_LOG = 'log';

const replyOf = (texts: string[]) => JSON.stringify({ replies: texts.map((text) => ({ text })) });

/** What the delivery row stores as its reply: the marker when the log rebuilds the same reply, else the reply. */
export function storedReply(turn: TurnRecord): string {
  if (turn.erase) return turn.reply;
  return replyOf(turn.log.filter((m) => m.direction === 'out').map((m) => m.body)) === turn.reply ? REPLY_IN_LOG : turn.reply;
}

/** Whether the turn's logged inbound message records its delivery, so that no processed_webhooks row is needed. */
export const deliveryInLog = (turn: TurnRecord, reply: string) => reply === REPLY_IN_LOG && turn.log.some((m) => m.direction === 'in');

/** SQL: the marker if the delivery (sender `address`, provider id `providerId`, both SQL expressions) is in the log. */
export const loggedDelivery = (address: string, providerId: string) =>
  `(select '${REPLY_IN_LOG}' from messages where contact_address = ${address} and provider_id = ${providerId} and direction = 'in')`;

/**
 * The statement that reads a delivery's logged outgoing messages, in the order they were written. A turn's messages
 * are written by one insert, so they follow one another: its inbound message (the only one that names the delivery;
 * outgoing rows written before that change name it too) and its outgoing ones, up to the sender's next inbound message.
 */
export const loggedRepliesStatement = (providerId: string, address: string): Statement => {
  const delivered = "(select id from messages where contact_address = ? and provider_id = ? and direction = 'in')";
  return {
    sql:
      `select ${MESSAGE_BODY} as body from messages m ${TEXT_JOIN} where m.contact_address = ? and m.direction = 'out' and m.id > ${delivered} ` +
      `and m.id < coalesce((select min(n.id) from messages n where n.contact_address = ? and n.direction = 'in' and n.id > ${delivered}), 9223372036854775807) order by m.id`,
    params: [address, address, providerId, address, address, providerId],
  };
};

/** The reply as it was given, from the stored column and, for the marker, the logged messages' bodies. */
export const replyFromStored = (stored: string, loggedBodies: () => Promise<string[]>): Promise<string> | string =>
  stored === REPLY_IN_LOG ? loggedBodies().then(replyOf) : stored;
