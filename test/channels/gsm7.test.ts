// GSM-7 conversion, segment counting and splitting: what keeps a senior's reply cheap and readable.
import { describe, expect, it } from 'vitest';
import { cheaperSms, countSegments, splitForSms, toGsm7 } from '../../src/channels/sms/gsm7.js';
import { escapeXml, renderMessagingTwiml, renderSmsReplies } from '../../src/channels/sms/twiml.js';

describe('toGsm7', () => {
  it.each([
    ['« Bonjour »', '"Bonjour"'],
    ['L’adresse', "L'adresse"],
    ['Vous êtes à Mâcon', 'Vous etes à Macon'],
    ['Ça coûte 3 € — c’est tout…', 'Ça coute 3 € - c\'est tout...'],
    ['œuvre, cœur', 'oeuvre, coeur'],
    ['Merci 👍🙏', 'Merci'],
    ['été, où, là, Élise', 'été, où, là, Élise'],
    ['a\u00a0:\u202fb', 'a : b'],
  ])('%s -> %s', (input, expected) => {
    const out = toGsm7(input);
    expect(out).toBe(expected);
    expect(countSegments(out).encoding).toBe('GSM-7');
  });
});

describe('countSegments', () => {
  it('counts GSM-7 single and concatenated segments at their boundaries', () => {
    expect(countSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', segments: 1, units: 160 });
    expect(countSegments('a'.repeat(161)).segments).toBe(2);
    expect(countSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSegments('a'.repeat(307)).segments).toBe(3);
  });
  it('counts extension characters twice', () => {
    expect(countSegments('€'.repeat(80))).toEqual({ encoding: 'GSM-7', segments: 1, units: 160 });
    expect(countSegments('€'.repeat(81)).segments).toBe(2);
  });
  it('falls back to UCS-2 for a non-GSM character', () => {
    expect(countSegments('ê'.repeat(70))).toEqual({ encoding: 'UCS-2', segments: 1, units: 70 });
    expect(countSegments('ê'.repeat(71)).segments).toBe(2);
    expect(countSegments('😀').encoding).toBe('UCS-2');
  });
  it('counts nothing for an empty text', () => {
    expect(countSegments('').segments).toBe(0);
  });
});

describe('splitForSms', () => {
  const words = Array.from({ length: 200 }, (_, i) => `mot${i}`);
  it('keeps every part within 2 segments and loses no word', () => {
    const parts = splitForSms(words.join(' '));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(countSegments(p).segments).toBeLessThanOrEqual(2);
    expect(parts.join(' ').split(' ')).toEqual(words);
  });
  it('prefers paragraph breaks to cutting a paragraph', () => {
    const a = 'a '.repeat(100).trim();
    const b = 'b '.repeat(100).trim();
    expect(splitForSms(`${a}\n\n${b}`)).toEqual([a, b]);
  });
  it('cuts a single overlong word only when it must', () => {
    const parts = splitForSms('x'.repeat(700));
    expect(parts.map((p) => p.length)).toEqual([306, 306, 88]);
  });
  it('leaves a short text whole', () => {
    expect(splitForSms('Bonjour')).toEqual(['Bonjour']);
  });
});

describe('TwiML', () => {
  it('escapes XML and wraps each part in a Message', () => {
    expect(escapeXml(`<a & "b" 'c'>`)).toBe('&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;');
    const xml = renderMessagingTwiml(['Tom & Jerry <3']);
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Message>Tom &amp; Jerry &lt;3</Message></Response>');
  });
  it('answers an empty Response when there is nothing to say', () => {
    expect(renderMessagingTwiml([])).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
  });
  it('renders neutral replies into SMS parts with their segment counts', () => {
    const { parts, segments, perReply } = renderSmsReplies([{ text: '« Vous êtes prêt ? »' }, { text: 'x '.repeat(300) }]);
    // Too long to share an SMS with the next reply: the short one goes alone, every letter kept (UCS-2 costs no more).
    expect(parts[0]).toBe('« Vous êtes prêt ? »');
    expect(parts.length).toBe(3);
    expect(segments).toEqual([1, 3, 1]);
    expect(perReply).toEqual([1, 4]);
  });

  it('cuts a turn where it costs the fewest segments', () => {
    const { parts, segments } = renderSmsReplies([{ text: '« Vous êtes prêt ? »' }, { text: 'x '.repeat(200) }]);
    expect(parts).toEqual([`"Vous etes pret ?"\n${'x '.repeat(200).trim()}`]);
    expect(segments).toEqual([3]);
  });

  it('sends what belongs together in one SMS while it fits in 2 segments', () => {
    const { parts, segments, perReply } = renderSmsReplies([{ text: 'Je cherche près de Rodez.' }, { text: 'Les lieux :' }, { text: 'Et maintenant ?\n1 - Menu' }]);
    expect(parts).toEqual(['Je cherche près de Rodez.\nLes lieux :\nEt maintenant ?\n1 - Menu']);
    expect(segments).toEqual([1]);
    expect(perReply).toEqual([1, 0, 0]);
  });

  it('keeps the accents GSM-7 lacks when they cost nothing, and drops them only to save a segment', () => {
    expect(cheaperSms('Merci, à bientôt !')).toEqual({ text: 'Merci, à bientôt !', segments: 1 });
    const long = `Appelez vous-même le numéro officiel. ${'Ne donnez aucun code. '.repeat(5)}`;
    expect(countSegments(long).encoding).toBe('UCS-2');
    const sent = cheaperSms(long);
    expect(sent.text).toContain('vous-meme');
    expect(sent.segments).toBe(1);
    expect(countSegments(sent.text).encoding).toBe('GSM-7');
  });
});
