// The neutral message model: every channel (SMS, voice, WhatsApp, the terminal simulator)
// translates its own wire format to and from these types, so the engine never sees TwiML or JSON payloads.

/** Where a message came from. New channels are added here, never special-cased inside the engine. */
export type ChannelName = 'sms' | 'voice' | 'whatsapp';

/** What a person sent, independent of the channel that carried it. */
export type InboundContent =
  /** `uncertain`: a speech recogniser was not sure of what it heard, so the answer is confirmed before it is used. */
  | { type: 'text'; text: string; uncertain?: boolean }
  /** A tap on a button or a keypad digit that names one of the offered choices directly. */
  | { type: 'choice'; choiceId: string }
  | { type: 'location'; latitude: number; longitude: number; label?: string }
  | { type: 'audio'; url: string; mimeType: string }
  /** The person said nothing before the channel stopped listening (a phone call's timeout). */
  | { type: 'silence' }
  /**
   * A new session begins (an incoming call): the flow starts again from its start, with what is already known
   * (a commune and a need given by the agent who transferred the call, the number that was called…).
   */
  | { type: 'session-start'; known: Record<string, string> }
  /** What became of a connection the flow asked for (a transferred call): `answered` or `failed`. */
  | { type: 'status'; status: 'answered' | 'failed' };

/** One inbound message, as a channel hands it to the conversation service. */
export interface InboundMessage {
  channel: ChannelName;
  /** The person's address on that channel, normalised (E.164 for phones). */
  from: string;
  /** The number or account that was contacted (used later to pick a department). */
  to: string;
  /** The provider's id for this delivery (Twilio MessageSid…): the idempotency key. */
  providerId: string;
  /** Epoch milliseconds, from the injected clock. */
  receivedAt: number;
  content: InboundContent;
}

/** A choice offered with a prompt, so that channels can render buttons, lists or keypad menus. */
export interface OfferedChoice {
  id: string;
  /** The key a person can type or press ("1", "2", "0"). */
  key: string;
  label: string;
  /** The label written for the ear, where the written one does not read well aloud. */
  spoken?: string;
  /** Words a person may say for it: speech recognisers take them as hints. */
  words?: string[];
}

/** One outbound message in neutral form. Channels decide how to render it. */
export interface OutboundMessage {
  /** The whole message as plain text, numbered choices included: what an SMS or the terminal shows. */
  text: string;
  /** The question alone, without the numbered list, for channels that render `choices` as buttons. */
  lead?: string;
  /** A wording written for the ear, when the text does not read well aloud. */
  voice?: string;
  choices?: OfferedChoice[];
}
