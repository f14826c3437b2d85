// Checks every TwiML document of a call against what the phone line promises: French neural voice slowed by SSML,
// integer speech timeouts, keys accepted everywhere, no prompt longer than about 25 seconds at its rate, and no
// question cut from its answer.
import { DOMParser, type Element } from '@xmldom/xmldom';
import { expect } from 'vitest';
import { MAX_PROMPT_SECONDS, speakingSeconds } from '../../src/channels/voice/twiml.js';
import type { TwimlCall } from './twiml-walker.js';

const elements = (doc: Document | Element, tag: string): Element[] => Array.from((doc as Element).getElementsByTagName(tag) as unknown as Element[]);

export function expectPhoneFriendly(call: TwimlCall, voice = 'Polly.Lea-Neural'): void {
  for (const xml of call.documents) {
    const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
    for (const say of elements(doc, 'Say')) {
      expect(say.getAttribute('language'), xml).toBe('fr-FR');
      const prosody = elements(say, 'prosody')[0];
      const rate = Number(/^(\d+)%$/.exec(prosody?.getAttribute('rate') ?? '')?.[1]);
      expect(rate, `a <Say> without an SSML rate: ${xml}`).toBeGreaterThanOrEqual(60);
      expect(say.getAttribute('voice')).toBe(voice);
      const text = say.textContent ?? '';
      // A web address cannot be heard: it goes by SMS.
      expect(text, 'a web address read aloud').not.toMatch(/(?<![.\w])(?:https?:\/\/|www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:fr|com|org|net)\b/i);
      expect(speakingSeconds(text, rate), `too long to hear in one go: « ${text} »`).toBeLessThanOrEqual(MAX_PROMPT_SECONDS);
    }
    // A question said inside a text (« Sans internet ? ») is never cut from its answer: only the last prompt may end on one.
    const says = elements(doc, 'Say').map((say) => (say.textContent ?? '').trim());
    for (const text of says.slice(0, -1)) expect(text, `a question cut from what follows it: ${xml}`).not.toMatch(/\?$/);
    for (const gather of elements(doc, 'Gather')) {
      expect(gather.getAttribute('input')).toBe('dtmf speech');
      expect(gather.getAttribute('language')).toBe('fr-FR');
      expect(gather.getAttribute('speechTimeout')).toMatch(/^\d+$/);
      expect(gather.getAttribute('actionOnEmptyResult')).toBe('true');
    }
  }
}
