// The front door: a welcome with the privacy notice, the main menu, the understanding of free sentences,
// and the search for places near the person. The journeys of flows/*-steps.ts plug into it.
import type { FlowDefinition } from '../src/engine/flow-schema.js';
import { arnaqueSteps } from './arnaque-steps.js';
import { aidantSteps } from './aidant-steps.js';
import { atelierSteps } from './atelier-steps.js';
import { commands, texts, voiceTexts } from './common.js';
import { candidateVars, demarcheSteps, procedureVars } from './demarche-steps.js';
import { diagnosticSteps } from './diagnostic-steps.js';
import { placeSteps } from './place-steps.js';
import { telephoneSteps } from './telephone-steps.js';
import { followUpInterrupts, suiviSteps } from './suivi-steps.js';

export const accueil: FlowDefinition = {
  id: 'accueil',
  title: 'Accueil, menu et parcours',
  start: 'start',
  menu: 'menu',
  commands,
  texts,
  voiceTexts,
  helpSteps: { voice: 'voice_person' },
  // A scam in progress wins over any question, on every channel (the words are in data/intents.fr.ts).
  interrupts: { scamNow: { next: 'scam_now', unlessAt: ['scam_'] }, scam: { next: 'scam_intro', unlessAt: ['scam_'] }, ...followUpInterrupts },
  // A position shared while a choice is asked (WhatsApp) is where to look: answered with the places near it.
  onLocation: { capture: 'location', next: 'located' },
  steps: {
    /** A call transferred by a department's platform, with what its agent already knows, is greeted as such. */
    start: { type: 'branch', on: 'transferred', cases: { yes: 'welcome_transferred' }, otherwise: 'welcome' },
    welcome: {
      type: 'say',
      // Short, so that with the menu it fits one SMS of 2 segments; INFO gives the whole privacy notice.
      text: 'Bonjour, ici Relais, aide gratuite. Numéro et messages gardés 6 mois. SUPPRIMER efface tout, INFO en dit plus.',
      voice:
        'Bonjour, ici Relais[, avec {calledDepartementName}]. Nous vous aidons gratuitement pour vos démarches et le numérique. ' +
        'Nous gardons votre numéro 6 mois, seulement pour vous répondre. À tout moment, tapez 0 pour parler à une personne, ou étoile pour réécouter.',
      next: 'first_question',
    },
    /** On WhatsApp, family members write first for a parent: ask at once who the help is for. */
    first_question: { type: 'branch', on: 'channel', cases: { whatsapp: 'who_for' }, otherwise: 'menu' },
    who_for: {
      type: 'choice',
      text: "C'est pour vous ou pour un proche ?",
      rephrase: "L'aide est-elle pour vous, ou pour quelqu'un de votre famille ?",
      onFreeText: 'understand',
      options: [
        { id: 'me', key: '1', label: 'Pour moi', synonyms: ['moi', 'pour moi', 'moi meme'], next: 'menu' },
        { id: 'relative', key: '2', label: 'Pour un proche', synonyms: ['proche', 'ma mere', 'mon pere', 'parent', 'famille'], set: { forWhom: 'relative' }, next: 'carer_intro' },
      ],
    },
    menu: {
      type: 'choice',
      text: 'Que souhaitez-vous ? Un chiffre ou vos mots :',
      voice: 'Que souhaitez-vous ?',
      rephrase: 'Dites-moi ce que vous cherchez, ou répondez 1 pour un lieu près de chez vous :',
      voiceRephrase: 'Dites-moi ce que vous cherchez, en quelques mots.',
      onFreeText: 'understand',
      options: [
        { id: 'find_place', key: '1', label: "Un lieu d'aide près de chez moi", synonyms: ['lieu', 'adresse', 'pres de chez moi', 'france services', 'trouver'], voiceLabel: "Un lieu d'aide près de chez vous", next: 'locate' },
        { id: 'procedure', key: '2', label: 'Comprendre une démarche', voiceLabel: 'Une démarche à comprendre', synonyms: ['demarche', 'demarches', 'papiers', 'comprendre'], next: 'explain_ask' },
        { id: 'learn', key: '3', label: 'Apprendre le numérique', synonyms: ['apprendre', 'atelier', 'cours', 'formation', 'tablette', 'ordinateur', 'smartphone'], voiceLabel: 'Apprendre le numérique', next: 'assess_intro' },
        { id: 'scam', key: '4', label: 'Arnaque ?', synonyms: ['arnaque', 'message bizarre', 'sms bizarre', 'escroquerie'], voiceLabel: 'Un message bizarre ou une arnaque', next: 'scam_intro' },
        { id: 'relative', key: '5', label: 'Pour un proche', synonyms: ['pour un proche', 'ma mere', 'mon pere', 'un proche', 'pour ma mere', 'pour mon pere', 'aidant'], voiceLabel: 'Pour un proche', set: { forWhom: 'relative' }, next: 'carer_intro' },
        { id: 'person', key: '0', label: "Parler à quelqu'un", synonyms: ['parler', 'personne', 'rappel', 'rappeler', 'rappelez', 'rappelez moi', 'appelez moi'], next: 'person' },
      ],
    },
    understand: {
      type: 'invoke',
      service: 'understand',
      input: { text: '{freeText}', departement: '{calledDepartement}', slower: '{slower}' },
      provides: ['situationText', 'inPerson', 'answerInWriting', 'equipment', 'slower'],
      outcomes: {
        scamNow: { next: 'scam_now' },
        scam: { next: 'scam_intro' },
        callback: { next: 'person_how' },
        person: { next: 'person_now' },
        relative: { next: 'carer_intro' },
        procedure: { next: 'explain_intro' },
        procedureAmbiguous: { next: 'explain_which' },
        procedureSituation: { next: 'explain_situation' },
        nearest: { text: 'Je cherche près {de:location}.', next: 'find_places' },
        whichPlace: { next: 'which_commune' },
        locate: { next: 'locate' },
        learn: { next: 'assess_intro' },
        notUnderstood: { text: "Je n'ai pas bien compris.", next: 'menu' },
        error: { text: "Je n'ai pas bien compris.", next: 'menu' },
      },
    },
    /** A lost card, a forgotten password: the entry found explains something else, so a person helps instead. */
    explain_situation: {
      type: 'say',
      text: "[Pour {situationText}, ]je n'ai pas encore de fiche. Un agent France Services peut vous aider, gratuitement.",
      next: 'locate',
    },
    /** A position shared at any choice: the places near it, or, for a relative, the caregiver's journey goes on. */
    located: { type: 'branch', on: 'forWhom', cases: { relative: 'carer_need_known' }, otherwise: 'find_places' },
    /** « Je voudrais parler à un conseiller »: on the phone a person now, as the keypad's 0; elsewhere a callback. */
    person_now: { type: 'branch', on: 'channel', cases: { voice: 'voice_person' }, otherwise: 'person_how' },
    /** Someone who said they hear badly (« je suis sourde, je ne peux pas téléphoner ») is answered by SMS, not called. */
    person_how: { type: 'branch', on: 'answerInWriting', cases: { yes: 'person_in_writing' }, otherwise: 'person' },
    person_in_writing: {
      type: 'callback',
      text: "C'est noté : une personne de Relais vous répondra par écrit, par SMS à ce numéro, sans vous appeler.",
      next: 'menu',
    },
    person: {
      type: 'callback',
      text: "C'est noté : une personne de Relais va vous rappeler à ce numéro. Pour parler à quelqu'un tout de suite : Allô Service Public, 39 39 (prix d'un appel local).",
      next: 'menu',
    },
    person_offer: {
      type: 'choice',
      text: "Voulez-vous qu'une personne vous rappelle ?",
      rephrase: "Souhaitez-vous être rappelé par quelqu'un ?",
      options: [
        { id: 'yes', key: '1', label: 'Oui, rappelez-moi', synonyms: ['@oui'], next: 'person_how' },
        { id: 'other_place', key: '2', label: 'Chercher dans une autre commune', synonyms: ['autre commune', 'autre ville'], next: 'ask_location' },
        { id: 'menu', key: '3', label: 'Revenir au menu', synonyms: ['@non', 'menu'], next: 'menu' },
      ],
    },
    goodbye: {
      type: 'end',
      text: 'Merci, à bientôt ! Écrivez-nous quand vous voulez.',
      voice: 'Merci de votre appel. Au revoir !',
    },
    ...placeSteps,
    ...demarcheSteps,
    ...diagnosticSteps,
    ...arnaqueSteps,
    ...atelierSteps,
    ...aidantSteps,
    ...telephoneSteps,
    ...suiviSteps,
  },
};
