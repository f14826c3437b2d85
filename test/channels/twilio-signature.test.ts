// Our Web Crypto signature must equal the twilio package's own, on every shape of request Twilio sends.
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { computeTwilioSignature, publicUrlFor, verifyTwilioSignature, type TwilioParams } from '../../src/channels/twilio/signature.js';

const token = '12345abcdef67890';
const cases: [string, string, TwilioParams][] = [
  ['plain SMS', 'https://relais.example.fr/twilio/sms', { MessageSid: 'SM1', From: '+33612345678', Body: 'Bonjour' }],
  ['French accents and quotes', 'https://relais.example.fr/twilio/sms', { Body: "Ça m'a l'air compliqué « vraiment » – où ?", From: '+33612345678' }],
  ['emoji', 'https://relais.example.fr/twilio/sms', { Body: '👍🙏 merci', From: '+33612345678' }],
  ['empty values', 'https://relais.example.fr/twilio/sms', { Body: '', From: '+33612345678', MediaUrl0: '' }],
  ['a query string', 'https://relais.example.fr/twilio/sms?dept=74&x=a%20b', { Body: 'x', From: '+1' }],
  ['repeated keys', 'https://relais.example.fr/twilio/sms', { Tag: ['b', 'a', 'b'], Body: 'x' }],
  ['keys sorted by code unit', 'https://relais.example.fr/twilio/sms', { a: '1', B: '2', _c: '3', Ä: '4', '1': '5' }],
  ['a path prefix', 'https://example.fr/relais/twilio/sms', { Body: '1' }],
  ['no params', 'https://relais.example.fr/twilio/sms', {}],
];

describe('computeTwilioSignature', () => {
  it.each(cases)('equals the twilio package on %s', async (_, url, params) => {
    expect(await computeTwilioSignature(token, url, params)).toBe(twilio.getExpectedTwilioSignature(token, url, params as Record<string, string>));
  });
});

describe('verifyTwilioSignature', () => {
  const url = 'https://relais.example.fr/twilio/sms';
  const params = { MessageSid: 'SM1', From: '+33612345678', Body: 'Bonjour' };
  const signed = twilio.getExpectedTwilioSignature(token, url, params);

  it('accepts what twilio signed, as twilio.validateRequest does', async () => {
    expect(twilio.validateRequest(token, signed, url, params)).toBe(true);
    expect(await verifyTwilioSignature({ authToken: token, url, params, signature: signed })).toBe(true);
  });

  it.each([
    ['a missing signature', { signature: '' }],
    ['another token', { authToken: 'another-token' }],
    ['another URL', { url: 'https://evil.example/twilio/sms' }],
    ['tampered params', { params: { ...params, Body: 'STOP' } }],
    ['an added param', { params: { ...params, Extra: '1' } }],
    ['an empty token', { authToken: '' }],
    ['a truncated signature', { signature: signed.slice(0, -2) }],
  ])('rejects %s', async (_, change) => {
    expect(await verifyTwilioSignature({ authToken: token, url, params, signature: signed, ...change })).toBe(false);
  });

  it('accepts the URL signed with or without the default port, like twilio', async () => {
    const withPort = twilio.getExpectedTwilioSignature(token, 'https://relais.example.fr:443/twilio/sms', params);
    expect(await verifyTwilioSignature({ authToken: token, url, params, signature: withPort })).toBe(true);
    expect(await verifyTwilioSignature({ authToken: token, url: 'https://relais.example.fr:443/twilio/sms', params, signature: signed })).toBe(true);
    const otherPort = twilio.getExpectedTwilioSignature(token, 'https://relais.example.fr:8443/twilio/sms', params);
    expect(await verifyTwilioSignature({ authToken: token, url, params, signature: otherPort })).toBe(false);
  });
});

describe('publicUrlFor', () => {
  it.each([
    ['https://relais.example.fr', 'http://10.0.0.5:3000/twilio/sms', 'https://relais.example.fr/twilio/sms'],
    ['https://relais.example.fr/', 'http://localhost/twilio/sms?a=1', 'https://relais.example.fr/twilio/sms?a=1'],
    ['https://example.fr/relais', 'http://internal/twilio/sms', 'https://example.fr/relais/twilio/sms'],
    ['https://example.fr/relais/', 'http://internal/relais/twilio/sms', 'https://example.fr/relais/twilio/sms'],
  ])('%s + %s', (base, request, expected) => {
    expect(publicUrlFor(base, request)).toBe(expected);
  });
});
