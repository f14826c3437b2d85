// For a relative (caregiver mode): where the relative lives, a few questions about them, places near them, a short
// message written for them to forward, and, with their consent confirmed, an SMS sent to them directly.
import type { FlowDefinition } from '../src/engine/flow-schema.js';
import { carerNeedPhrases } from '../data/intents.fr.js';
import { itemTemplate, PLACE_ANSWER, searchInput } from './place-steps.js';

export const aidantSteps: FlowDefinition['steps'] = {
  carer_intro: {
    type: 'say',
    text: "D'accord, nous allons chercher de l'aide près de votre proche[, {a:location}]. Les questions portent sur lui ou sur elle.",
    next: 'carer_where',
  },
  carer_where: {
    type: 'input',
    text: 'Dans quelle commune habite votre proche ? Écrivez la commune ou le code postal, ou partagez sa position.',
    voice: 'Dans quelle commune habite votre proche ? Dites-la, ou tapez son code postal puis la touche dièse.',
    rephrase: 'Quelle est la commune de votre proche ?',
    hint: 'Écrivez le code postal de votre proche. Par exemple : 48000',
    voiceHint: 'Tapez les 5 chiffres du code postal de votre proche, puis la touche dièse.',
    capture: 'location',
    accept: PLACE_ANSWER,
    skipIfKnown: true,
    next: 'carer_need_known',
  },
  /** What the caregiver already said (« pour ses papiers », « je suis épuisée ») is not asked again. */
  carer_need_known: { type: 'branch', on: 'carerNeedKnown', cases: { yes: 'carer_support_known' }, otherwise: 'carer_need' },
  carer_support_known: { type: 'branch', on: 'carerSupport', cases: { yes: 'carer_places' }, otherwise: 'carer_autonomy' },
  carer_need: {
    type: 'choice',
    text: 'De quoi votre proche a-t-il besoin ?',
    rephrase: "Qu'est-ce qui aiderait le plus votre proche ?",
    options: [
      { id: 'procedure', key: '1', label: 'Faire une démarche', synonyms: ['demarche', 'papiers', 'dossier'], set: { need: 'demarches', carerNeed: carerNeedPhrases['demarches']!, carerNeedKnown: 'yes' }, next: 'carer_autonomy' },
      { id: 'learn', key: '2', label: 'Apprendre (téléphone, tablette)', synonyms: ['apprendre', 'tablette', 'telephone', 'ordinateur'], set: { need: 'apprendre', carerNeed: carerNeedPhrases['apprendre']!, carerNeedKnown: 'yes' }, next: 'carer_autonomy' },
      { id: 'equipment', key: '3', label: 'Un appareil pas cher', synonyms: ['appareil', 'materiel', 'pas cher'], set: { need: 'materiel', carerNeed: carerNeedPhrases['materiel']!, carerNeedKnown: 'yes' }, next: 'carer_autonomy' },
    ],
  },
  carer_autonomy: {
    type: 'choice',
    text: 'Et au quotidien, votre proche :',
    rephrase: 'Votre proche se débrouille-t-il seul au quotidien ?',
    options: [
      { id: 'ok', key: '1', label: 'Se débrouille seul', synonyms: ['seul', 'autonome', 'ca va'], next: 'carer_places' },
      { id: 'declining', key: '2', label: "A de plus en plus besoin d'aide", synonyms: ['besoin d aide', 'de plus en plus', 'perd'], set: { carerSupport: 'yes' }, next: 'carer_places' },
      { id: 'tired', key: '3', label: 'Moi, je suis épuisé(e)', synonyms: ['epuise', 'epuisee', 'fatigue', 'fatiguee', 'a bout'], set: { carerSupport: 'yes' }, next: 'carer_places' },
    ],
  },
  carer_places: {
    type: 'invoke',
    service: 'nearestPlaces',
    // No list of communes here: for a shared postal code or a name several communes bear (Saint-Denis), the
    // caregiver is asked the postal code instead, which is quicker for them.
    input: { ...searchInput, askWhichCommune: 'homonyms' },
    itemTemplate,
    provides: ['commune', 'precisionNote', 'firstName', 'firstAddress', 'firstPhone', 'farName', 'farDistance', 'farPhone', 'radiusKm', 'homeHelpName', 'homeHelpPhone', 'heardPlace'],
    outcomes: {
      found: {
        text: 'Près de votre proche[, {a:commune}] :\n\n{items}',
        set: {
          forwardMessage:
            "Bonjour. Pour {carerNeed}, vous pouvez aller à : {firstName}, {firstAddress}.[ Téléphone : {firstPhone}.] C'est gratuit. Vous pouvez y aller avec un proche.",
          lastPlaces: 'Près de votre proche[, {a:commune}] :\n\n{items}',
          smsText: 'Relais - lieux d\'aide[ pour {commune}] :\n\n{items}',
          smsTopic: 'places',
        },
        next: 'carer_after_places',
      },
      notFound: { text: 'Je ne trouve pas la commune[ "{heardPlace}"].', next: 'carer_where_again' },
      whichCommune: { text: 'Plusieurs communes portent ce nom.', next: 'carer_where_again' },
      none: {
        text: "Je n'ai pas trouvé de lieu d'aide à moins de {radiusKm} km {de:commune}.[ Le plus proche : {farName}, à {farDistance} km[, tél. {farPhone}].]",
        signal: 'white-zone',
        next: 'carer_support',
      },
      error: { text: 'Désolé, la recherche ne fonctionne pas pour le moment.', next: 'person_offer' },
    },
  },
  carer_where_again: {
    type: 'input',
    text: 'Quel est le code postal de votre proche ?',
    rephrase: 'Écrivez le code postal de la commune de votre proche.',
    voiceRephrase: 'Dites le code postal de la commune de votre proche.',
    hint: 'Par exemple : 48000',
    voiceHint: 'Tapez les 5 chiffres, puis la touche dièse.',
    capture: 'location',
    accept: PLACE_ANSWER,
    next: 'carer_places',
  },
  /** By phone, a message to forward means nothing: the caller is offered the places by SMS instead. */
  carer_after_places: { type: 'branch', on: 'channel', cases: { voice: 'after_places' }, otherwise: 'carer_forward' },
  carer_forward: {
    type: 'say',
    text: 'Voici un message pour votre proche, à lui transférer :\n\n{forwardMessage}',
    next: 'carer_consent',
  },
  carer_consent: {
    type: 'choice',
    text: 'Relais peut aussi envoyer ce message par SMS à votre proche, s’il est d’accord. Il est d’accord ?',
    rephrase: 'Votre proche accepte-t-il de recevoir ce SMS de Relais ?',
    options: [
      { id: 'yes', key: '1', label: "Oui, il ou elle est d'accord", synonyms: ['@oui', 'd accord'], next: 'carer_phone' },
      { id: 'no', key: '2', label: 'Non, je transfère moi-même', synonyms: ['@non', 'moi meme'], next: 'carer_support' },
    ],
  },
  carer_phone: {
    type: 'input',
    text: 'Quel est le numéro de portable de votre proche ?',
    rephrase: 'Écrivez le numéro de portable de votre proche, qui commence par 06 ou 07.',
    hint: 'Par exemple : 06 12 34 56 78',
    capture: 'relativePhone',
    next: 'carer_send',
  },
  carer_send: {
    type: 'invoke',
    service: 'sendSms',
    input: { to: '{relativePhone}', text: '{forwardMessage} (Message envoyé par Relais à la demande d’un proche.)' },
    provides: ['sentTo'],
    outcomes: {
      sent: { text: "C'est envoyé au {sentTo}.", next: 'carer_support' },
      invalidNumber: { text: "Ce numéro n'est pas un portable français.", next: 'carer_phone' },
      optedOut: { text: 'Ce numéro a demandé à ne plus recevoir de SMS de Relais : nous ne pouvons pas lui écrire.', next: 'carer_support' },
      unavailable: { text: "L'envoi de SMS n'est pas possible pour le moment. Vous pouvez transférer le message vous-même.", next: 'carer_support' },
    },
  },
  carer_support: {
    type: 'say',
    text:
      '[Quand un proche perd en autonomie, le CLIC ou le conseil départemental vous aide : aide à domicile, APA, solutions de répit pour les aidants. ' +
      'Tout est expliqué sur pour-les-personnes-agees.gouv.fr.{carerSupport?}\n][Près de chez votre proche : {homeHelpName}, {homeHelpPhone}.\n]' +
      'Merci de prendre soin de votre proche.',
    next: 'menu',
  },
};
