// Recognises a scam from what it looks like, not only from the word « arnaque »: a code asked by someone posing as
// the bank, a link to pay or « renew », codes or money already gone. Pure and synchronous, so that the conversation
// can check every message, at any step, before it is read as an answer (a scam in progress wins over everything).
import { normalizeFrench } from '../../engine/nlu/normalize.js';
import { hasAny, hasPhrase, type PhraseList } from './phrases.js';

export interface ScamVocabulary {
  scamWords: PhraseList;
  fakeWords: PhraseList;
  impostorNouns: PhraseList;
  scamDoubtWords: PhraseList;
  secretWords: PhraseList;
  askWords: PhraseList;
  impostorWords: PhraseList;
  contactWords: PhraseList;
  paymentWords: PhraseList;
  threatWords: PhraseList;
  linkWords: PhraseList;
  givenWords: PhraseList;
  familyImpostorWords: PhraseList;
  selfPaymentWords: PhraseList;
  someoneElseWords: PhraseList;
  prizeWords: PhraseList;
  replyWords: PhraseList;
  dataRequestWords: PhraseList;
  personalDataWords: PhraseList;
  callWords: PhraseList;
  postWords: PhraseList;
  remoteControlWords: PhraseList;
  remoteContactWords: PhraseList;
  posingWords: PhraseList;
}

export interface ScamSignal {
  /** `clear`: the message shows a scam; `doubt`: the person only wonders (« bizarre », « c'est normal ? »). */
  strength: 'clear' | 'doubt';
  /** `now`: codes or money already gone, or a scammer on the line. */
  urgency: 'now' | 'normal';
}

const URL_PATTERN = /(https?:\/\/|www\.|bit\.ly|\b[a-z0-9-]+\.(info|co|xyz|top|site|online|link)\b)/i;

export function scamSignal(raw: string, v: ScamVocabulary): ScamSignal | undefined {
  const text = normalizeFrench(raw);
  if (!text) return undefined;
  const has = (list: PhraseList) => hasAny(text, list);
  const fake = text.split(' ').some((w, i, words) => v.fakeWords.includes(w) && v.impostorNouns.includes(words[i + 1] ?? ''));
  // « Ma banque me demande un code reçu par SMS pour valider mon achat en ligne »: the secure payment working as it should.
  const payingThemselves = has(v.selfPaymentWords) && !has(v.someoneElseWords);
  const secretAsked = has(v.secretWords) && has(v.askWords) && !payingThemselves;
  const impostor = has(v.impostorWords);
  // A letter received by post is not a scammer's contact, unless a call, a message or a link came with it.
  const byPost = has(v.postWords) && !has(v.remoteContactWords);
  const contact = has(v.contactWords) && !byPost;
  const payment = has(v.paymentWords);
  const threat = has(v.threatWords);
  const link = has(v.linkWords) || URL_PATTERN.test(raw);
  const given = has(v.givenWords);
  const familyImpostor = has(v.familyImpostorWords) && (payment || hasPhrase(text, 'whatsapp') || hasPhrase(text, 'ecris moi'));
  // A pasted message: a prize to claim (« vous avez gagné… répondez OUI »), or personal data asked under pressure.
  const prize = has(v.prizeWords) && (has(v.replyWords) || link || payment);
  const dataAsked = has(v.dataRequestWords) && (threat || link);
  // « Un conseiller ameli m'a appelé, il me demande mon RIB »: bank details or the sécu number asked on a call.
  const dataAskedOnACall = has(v.personalDataWords) && has(v.askWords) && impostor && has(v.callWords);
  // « Un monsieur de Microsoft m'a appelé, mon ordinateur a un virus, il veut prendre le contrôle »: happening now.
  const remoteControl = has(v.remoteControlWords) && (impostor || contact);
  // « Quelqu'un se fait passer pour ma banque »: the person already sees the pretence (« pour moi » names no impostor).
  const posing = has(v.posingWords) && impostor;

  const clear =
    has(v.scamWords) ||
    fake ||
    (secretAsked && (impostor || contact)) ||
    (given && (has(v.secretWords) || impostor || payment)) ||
    (link && (payment || threat || impostor)) ||
    (impostor && payment && (threat || contact)) ||
    (impostor && threat && contact) ||
    familyImpostor ||
    prize ||
    dataAsked ||
    dataAskedOnACall ||
    remoteControl ||
    posing;
  const urgency = given || (secretAsked && contact) || dataAskedOnACall || remoteControl || (payment && has(v.givenWords)) ? 'now' : 'normal';
  if (clear) return { strength: 'clear', urgency };
  if (has(v.scamDoubtWords) && (contact || link || impostor)) return { strength: 'doubt', urgency: 'normal' };
  return undefined;
}

/** The engine's interrupt for a message that clearly shows a scam: `scamNow` when it is happening, else `scam`. */
export function scamInterrupt(raw: string, v: ScamVocabulary): 'scam' | 'scamNow' | undefined {
  const signal = scamSignal(raw, v);
  if (signal?.strength !== 'clear') return undefined;
  return signal.urgency === 'now' ? 'scamNow' : 'scam';
}
