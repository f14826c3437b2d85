// Renders a turn for the phone: what was said, for the ear and in short prompts; then, by what the conversation
// waits for, a <Gather> (every choice on a key, hints from the expected words), a <Dial> to a person, or <Hangup>.
import type { VoiceWording } from '../../../data/voice.fr.js';
import type { OutboundMessage } from '../../engine/message.js';
import { fillTemplate } from '../../engine/template.js';
import type { TurnOutput } from '../../conversation/turn-outcome.js';
import { forTheEar } from './ear.js';
import { dial, gather, redirect, response, say, splitPrompts, type VoiceSettings } from './twiml.js';

export interface VoiceRenderContext {
  settings: VoiceSettings;
  wording: VoiceWording;
  /** Absolute URLs Twilio calls back, each naming the turn so a retried request is recognised. */
  urls: { gather: string; dial: string; whisper: (text: string) => string };
}

/** Each « plus lentement » slows the voice by this many points, down to the slowest rate below. */
const SLOWER_STEP = 8;
const SLOWEST_RATE = 70;

/** What a message says aloud, paragraph by paragraph: its voice wording, else its text; choices as keys to press. */
function spokenParagraphs(message: OutboundMessage, wording: VoiceWording): string[] {
  const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p) => forTheEar(p, wording)).filter(Boolean);
  if (!message.choices?.length) return paragraphs(message.voice ?? message.text);
  const lead = paragraphs(message.voice ?? message.lead ?? message.text);
  const choices = message.choices.map((c) => fillTemplate(wording.choice, { label: forTheEar(c.spoken ?? c.label, wording).replace(/\.$/, ''), key: c.key }));
  return [...lead.slice(0, -1), [lead.at(-1), ...choices].filter(Boolean).join(' ')];
}

/** The voice at the pace this caller asked for (each « plus lentement » a step slower). */
const atTheirPace = (settings: VoiceSettings, slower: number): VoiceSettings => ({
  ...settings,
  ratePercent: Math.max(SLOWEST_RATE, settings.ratePercent - SLOWER_STEP * slower),
});

export function renderVoiceTurn({ replies, session }: TurnOutput, context: VoiceRenderContext): string {
  const settings = atTheirPace(context.settings, session.slower);
  const rate = settings.ratePercent;
  // A blank line separates things said apart (one place from the next): each starts its own prompt.
  const prompts = (message: OutboundMessage) =>
    spokenParagraphs(message, context.wording)
      .flatMap((paragraph) => splitPrompts(paragraph, rate))
      .map((p) => say(p, settings))
      .join('');
  // The question (the last reply) is said inside the <Gather>, so a key pressed while it is read is taken at once.
  const question = session.awaiting === 'choice' || session.awaiting === 'input' ? replies.at(-1) : undefined;
  const before = (question ? replies.slice(0, -1) : replies).map(prompts).join('');
  switch (session.awaiting) {
    case 'choice':
    case 'input': {
      const choices = question?.choices ?? [];
      const keyLength = Math.max(0, ...choices.map((c) => c.key.length));
      const hints = choices.flatMap((c) => [c.spoken ?? c.label, ...(c.words ?? [])]);
      const listening = gather(question ? prompts(question) : '', { action: context.urls.gather, ...(session.awaiting === 'choice' && keyLength ? { numDigits: keyLength } : {}), hints }, settings);
      return response(before + listening);
    }
    case 'connection': {
      const connect = session.connect!;
      return response(before + dial(connect.number, context.urls.dial, context.urls.whisper(connect.whisper)));
    }
    case 'nothing':
      return response(`${before}<Hangup/>`);
  }
}

/** A held turn: « un instant » said at once, at the caller's pace, then the same turn run again at `resumeUrl`. */
export const renderHold = (resumeUrl: string, slower: number, settings: VoiceSettings, wording: VoiceWording): string =>
  response(say(wording.holdOn, atTheirPace(settings, slower)) + redirect(resumeUrl));

/** The whisper: what whoever answers a transferred call hears first, before the caller is put through. */
export const renderWhisper = (text: string, settings: VoiceSettings, wording: VoiceWording): string =>
  response(splitPrompts(forTheEar(text, wording), settings.ratePercent).map((p) => say(p, settings)).join(''));
