// « Voulez-vous que ce lieu soit prévenu ? »: after a place search by SMS, the person may have the place told
// (an orientation, seen by the department in its workspace). Yes by « oui » (the nearest) or the place's digit;
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

export const notifySteps: FlowDefinition['steps'] = {
  /** The offer is made by SMS; the phone and WhatsApp go on as before. */
  places_found: { type: 'branch', on: 'channel', cases: { sms: 'notify_offer' }, otherwise: 'after_places' },
  notify_offer: {
    type: 'choice',
    text: 'Voulez-vous que ce lieu soit prévenu ? OUI, ou le chiffre du lieu. Sinon : PLUS ou MENU.',
    namesItsAnswers: true,
    rephrase: 'Voulez-vous que le lieu soit prévenu de votre venue ?',
    options: [
      { id: 'place_1', key: '1', label: 'Oui, le premier lieu', synonyms: ['@oui', 'le premier', 'premier'], set: { notifyRank: '1' }, next: 'notify_call' },
      { id: 'place_2', key: '2', label: 'Oui, le deuxième lieu', synonyms: ['le deuxieme', 'deuxieme', 'le second'], set: { notifyRank: '2' }, next: 'notify_call' },
      { id: 'place_3', key: '3', label: 'Oui, le troisième lieu', synonyms: ['le troisieme', 'troisieme'], set: { notifyRank: '3' }, next: 'notify_call' },
      { id: 'no', key: '4', label: 'Non merci', synonyms: ['@non', 'non merci', 'pas besoin'], next: 'after_places' },
      { id: 'more', key: '5', label: "D'autres lieux", synonyms: ['plus', 'autres lieux', 'd autres', 'suivants', 'encore'], next: 'more_places' },
      { id: 'other_place', key: '6', label: 'Autre commune', synonyms: ['autre commune', 'autre ville', 'ailleurs'], next: 'ask_location' },
      { id: 'menu', key: '7', label: 'Menu', synonyms: ['menu', 'revenir au menu'], next: 'menu' },
      { id: 'done', key: '8', label: "C'est tout, merci", synonyms: ['c est tout', 'fini', 'termine', 'au revoir', 'merci'], next: 'goodbye' },
      { id: 'again', key: '9', label: 'Les renvoyer', synonyms: ['renvoyer', 'renvoyez', 'a nouveau', 'encore une fois', 'adresses'], next: 'places_again' },
    ],
  },
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
    provides: ['orientedPlace', 'sheetLink'],
    outcomes: {
      created: { text: "C'est noté : {orientedPlace} sera prévenu. {callNote}", next: 'after_places' },
      noPlace: { text: "Ce lieu n'est pas dans la liste.", next: 'notify_offer' },
      invalidNumber: { next: 'after_places' },
      error: { text: 'Désolé, je ne peux pas prévenir le lieu pour le moment.', next: 'after_places' },
    },
  },
};
