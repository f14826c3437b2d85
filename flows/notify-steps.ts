// « Voulez-vous que ce lieu soit prévenu ? »: after a place search by SMS, the person may have the nearest place told
// (an orientation, seen by the department in its workspace). Yes by « oui » or its digit;
// being called back by the place is a second, separate consent: without it, no number is kept.
import type { FlowDefinition } from '../src/engine/flow-schema.js';

const orientInput = {
  location: '{location}',
  need: '{need}',
  rank: '{notifyRank}',
  procedureId: '{procedureId}',
  procedureTitle: '{procedureTitle}',
  callConsent: '{callConsent}',
  calledDepartement: '{calledDepartement}',
};

/**
 * Added to the question after the places, by SMS (place-steps.ts: after_places_sms): « oui » or 6 has the nearest
 * place told; the other answers keep their digits (1 another commune… 5 again), so nothing a person knows changes.
 */
export const notifyOfferOptions = [
  { id: 'notify', key: '6', label: 'Oui, prévenir le lieu le plus proche', synonyms: ['@oui', 'prevenir', 'prevenez le'], set: { notifyRank: '1' }, next: 'notify_call' },
  { id: 'no_notify', key: '7', label: 'Non, ne pas le prévenir', synonyms: ['@non', 'non merci', 'pas besoin'], next: 'after_places' },
];

export const notifySteps: FlowDefinition['steps'] = {
  /** The offer is made by SMS; the phone and WhatsApp go on as before. */
  places_found: { type: 'branch', on: 'channel', cases: { sms: 'after_places_sms' }, otherwise: 'after_places' },
  notify_call: {
    type: 'choice',
    text: 'Le lieu peut-il vous appeler à ce numéro ? OUI ou NON.',
    namesItsAnswers: true,
    rephrase: 'Êtes-vous d\'accord pour que le lieu vous appelle à ce numéro ?',
    options: [
      { id: 'yes', key: '1', label: 'Oui', synonyms: ['@oui'], set: { callConsent: 'yes', callNote: 'Il pourra vous appeler à ce numéro, et nous vous écrirons sa réponse.' }, next: 'notify_create' },
      { id: 'no', key: '2', label: 'Non', synonyms: ['@non'], set: { callConsent: 'no', callNote: 'Votre numéro ne lui est pas donné.' }, next: 'notify_create' },
    ],
  },
  notify_create: {
    type: 'invoke',
    service: 'orient',
    input: orientInput,
    provides: ['orientedPlace', 'sheetLink', 'orientationId'],
    outcomes: {
      created: { text: "C'est noté : {orientedPlace} sera prévenu. {callNote}", next: 'notify_visit_check' },
      noPlace: { text: "Ce lieu n'est plus dans la liste.", next: 'after_places' },
      invalidNumber: { next: 'after_places' },
      error: { text: 'Désolé, je ne peux pas prévenir le lieu pour le moment.', next: 'after_places' },
    },
  },
  /**
   * A week later, « Avez-vous pu y aller ? » (flows/suivi-steps.ts): the answer settles the orientation (honorée or
   * not). Scheduled when the orientation is created (src/orientations/follow-through.ts); said now, so the person
   * knows a message will come; STOP still stops it.
   */
  notify_visit_check: { type: 'say', text: 'Dans une semaine, je vous demanderai si vous avez pu y aller.', next: 'after_places' },
};
