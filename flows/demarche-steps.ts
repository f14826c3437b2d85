// Explaining a procedure (démarche): find it from everyday words, then one step per message (« SUITE »),
// then where to get it done in person and the official contacts. All facts come from data/procedures.
import type { FlowDefinition } from '../src/engine/flow-schema.js';

/** What the procedure services put in the conversation (see src/knowledge/flow-services.ts). */
export const procedureVars = [
  'procedureId', 'procedureTitle', 'procedureAudience', 'procedureCost', 'procedureWarning', 'procedureDocuments', 'procedureWebsite',
  'procedurePhone', 'procedurePhoneHours', 'procedurePhoneCost', 'procedureFranceServices', 'procedureAidantsConnect', 'procedureSteps', 'stepIndex',
];
export const candidateVars = ['candidate1Id', 'candidate1', 'candidate2Id', 'candidate2'];

export const demarcheSteps: FlowDefinition['steps'] = {
  explain_ask: {
    type: 'input',
    text: 'Quelle démarche ? Écrivez-la avec vos mots. Par exemple : carte Vitale, impôts, retraite, passeport.',
    rephrase: 'Dites-moi en quelques mots ce que vous devez faire. Par exemple : déclarer mes impôts.',
    voice: 'Quelle démarche ? Dites-la avec vos mots. Par exemple : carte Vitale, impôts, retraite, passeport.',
    voiceRephrase: 'Dites en quelques mots ce que vous devez faire. Par exemple : déclarer mes impôts.',
    hint: 'Écrivez un seul mot. Par exemple : retraite',
    voiceHint: 'Dites un seul mot. Par exemple : retraite.',
    capture: 'procedureQuery',
    // An agent who transferred the call may already have named it.
    skipIfKnown: true,
    next: 'explain_find',
  },
  explain_find: {
    type: 'invoke',
    service: 'findProcedure',
    input: { query: '{procedureQuery}' },
    provides: [...procedureVars, ...candidateVars, 'situationText'],
    // The query is used once: a second démarche in the same conversation is asked for, not the first one again.
    outcomes: {
      found: { set: { procedureQuery: '' }, next: 'explain_intro' },
      ambiguous: { set: { procedureQuery: '' }, next: 'explain_which' },
      // « Carte vitale perdue » when only the app is explained: not the wrong steps, a France Services.
      situation: { set: { need: 'demarches', procedureQuery: '' }, next: 'explain_situation' },
      notFound: {
        set: { procedureQuery: '' },
        text: "Je ne connais pas encore cette démarche. Un agent France Services pourra vous aider : répondez 1 pour trouver le plus proche.",
        voice: 'Je ne connais pas encore cette démarche. Un agent France Services pourra vous aider : tapez 1 pour trouver le plus proche.',
        next: 'menu',
      },
    },
  },
  explain_which: {
    type: 'choice',
    text: 'Voulez-vous parler de :',
    rephrase: 'Laquelle de ces démarches ?',
    options: [
      { id: 'first', key: '1', label: '{candidate1}', set: { pick: '{candidate1Id}' }, next: 'explain_select' },
      { id: 'second', key: '2', label: '{candidate2}', set: { pick: '{candidate2Id}' }, next: 'explain_select' },
      { id: 'other', key: '3', label: 'Autre chose', synonyms: ['autre', 'aucune', 'ni l un ni l autre'], next: 'explain_ask' },
    ],
  },
  explain_select: {
    type: 'invoke',
    service: 'selectProcedure',
    input: { id: '{pick}' },
    provides: procedureVars,
    outcomes: { found: { next: 'explain_intro' }, notFound: { text: 'Je ne retrouve pas cette démarche.', next: 'menu' } },
  },
  explain_intro: {
    type: 'say',
    text:
      '{procedureTitle}. {procedureAudience}\nCoût : {procedureCost}[\n{procedureWarning}]' +
      '[\nSans internet ? Un agent France Services peut la faire avec vous, gratuitement.{procedureFranceServices?}]',
    next: 'explain_route',
  },
  /** Without internet or a computer, or asking where to get it done with the commune said: not the online steps, but where. */
  explain_route: { type: 'branch', on: 'inPerson', cases: { yes: 'explain_in_person' }, otherwise: 'explain_step' },
  explain_in_person: {
    type: 'say',
    text: "Le plus simple : la faire avec quelqu'un, près de chez vous.[\nÀ apporter : {procedureDocuments}.]",
    next: 'locate',
  },
  explain_step: {
    type: 'invoke',
    service: 'procedureStep',
    input: { id: '{procedureId}', index: '{stepIndex}' },
    provides: ['stepText', 'stepNumber', 'stepTotal', 'stepIndex'],
    outcomes: {
      // The step is the text of the question that follows it: one SMS (one segment) per step, « SUITE » included.
      step: { next: 'explain_next' },
      last: { text: 'Étape {stepNumber} sur {stepTotal} : {stepText}', next: 'explain_end' },
      notFound: { next: 'explain_end' },
    },
  },
  explain_next: {
    type: 'choice',
    text: 'Étape {stepNumber} sur {stepTotal} : {stepText}',
    voice: 'Étape {stepNumber} sur {stepTotal} : {stepText}\nEt ensuite ?',
    rephrase: "Pour lire l'étape suivante, écrivez SUITE ou 1.",
    voiceRephrase: "Pour l'étape suivante, dites « suite » ou tapez 1.",
    options: [
      { id: 'next', key: '1', label: 'Suite', synonyms: ['suite', 'suivant', 'suivante', 'ensuite', 'continuer', 'continue', '@oui'], next: 'explain_step' },
      {
        id: 'help',
        key: '2',
        label: 'Aide en personne',
        voiceLabel: 'Être aidé près de chez vous',
        synonyms: ['aide pres de chez moi', 'etre aide', 'france services', 'aide en personne'],
        set: { need: 'demarches' },
        next: 'locate',
      },
      { id: 'menu', key: '3', label: 'Menu', voiceLabel: 'Revenir au menu', synonyms: ['menu', 'revenir au menu', '@non'], next: 'menu' },
    ],
  },
  explain_end: {
    type: 'say',
    text: '[À préparer : {procedureDocuments}.\n]Site officiel : {procedureWebsite}[\nTéléphone : {procedurePhone}][, {procedurePhoneHours}][, {procedurePhoneCost}]',
    // An address on the web cannot be heard: it goes in the SMS Relais offers to send.
    voice: '[À préparer : {procedureDocuments}.\n][Téléphone : {procedurePhone}][, {procedurePhoneHours}][, {procedurePhoneCost}.]',
    next: 'explain_offer',
  },
  /** On the phone, the steps just heard are best kept by SMS: that comes first, on key 1. */
  explain_offer: { type: 'branch', on: 'channel', cases: { voice: 'explain_help_offer_voice' }, otherwise: 'explain_help_offer' },
  explain_help_offer_voice: {
    type: 'choice',
    text: 'Voulez-vous recevoir ces étapes par SMS ? Un agent France Services peut aussi vous aider en personne, gratuitement.',
    rephrase: 'Voulez-vous les étapes par SMS, ou l’adresse de la France Services la plus proche ?',
    options: [
      {
        id: 'sms',
        key: '1',
        label: 'Recevoir les étapes par SMS',
        synonyms: ['sms', 'par sms', 'texto', 'etapes', '@oui'],
        set: {
          smsTopic: 'procedure',
          smsTo: '{callerNumber}',
          smsText: 'Relais - {procedureTitle} :\n{procedureSteps}\nSite officiel : {procedureWebsite}[\nTéléphone : {procedurePhone}][, {procedurePhoneHours}]',
        },
        next: 'voice_sms',
      },
      { id: 'place', key: '2', label: 'La France Services la plus proche', synonyms: ['france services', 'adresse', 'pres de chez moi'], set: { need: 'demarches' }, next: 'locate' },
      { id: 'menu', key: '3', label: 'Revenir au menu', synonyms: ['@non', 'menu'], next: 'menu' },
    ],
  },
  explain_help_offer: {
    type: 'choice',
    text: "Un agent France Services peut vous aider en personne, gratuitement. Voulez-vous l'adresse la plus proche ?",
    rephrase: 'Voulez-vous que je cherche la France Services la plus proche de chez vous ?',
    options: [
      { id: 'yes', key: '1', label: 'Oui', synonyms: ['@oui'], set: { need: 'demarches' }, next: 'locate' },
      { id: 'no', key: '2', label: 'Non, revenir au menu', synonyms: ['@non', 'menu'], next: 'menu' },
    ],
  },
};
