// Finding places near the person: ask where (unless already said), search, then offer what comes next.
import type { FlowDefinition } from '../src/engine/flow-schema.js';
import { notifyOfferOptions, notifySteps } from './notify-steps.js';

/** What the place search says back, for the lint: see src/directory/nearest-places.service.ts. */
const communeChoices = [1, 2, 3, 4, 5, 6].flatMap((i) => [`commune${i}`, `commune${i}Code`]);
const whiteZoneVars = ['itinerant', 'farName', 'farDistance', 'farPhone', 'platformName', 'platformPhone', 'platformHours', 'homeHelpName', 'homeHelpPhone'];
const placeVars = [...communeChoices, ...whiteZoneVars, 'commune', 'precisionNote', 'departement', 'radiusKm', 'placesOffset', 'heardPlace'];

export const searchInput = {
  query: '{location}',
  askedDay: '{askedDay}',
  need: '{need}',
  limit: '3',
  maxDistanceKm: '25',
  approximateNote: 'position approximative',
  itinerantTemplate: '{name}[, tél. {phone}]',
  askWhichCommune: 'yes',
  near: '{calledDepartement}',
};
export const itemTemplate = '{rank}. {name}\n{address}[ ({distance} km)][\nTél : {phone}][\n{opening}][\n{appointment}][\n{offers}][\nCarte : {map}]';

/** What an answer to « where? » must contain: a word of two letters or more, or a postal code. « 1 » is not a commune. */
export const PLACE_ANSWER = '\\p{L}{2}|\\d{2} ?\\d{3}';

/** « Where? », asked before a search: the same question wherever it leads, with its own lead-in if any. */
export const whereQuestion = (next: string, text = 'Quel est votre code postal, ou le nom de votre commune ?') =>
  ({
    type: 'input',
    text,
    rephrase: 'Dans quelle commune habitez-vous ? Vous pouvez écrire son nom ou son code postal.',
    voice: 'Quel est votre code postal, ou le nom de votre commune ? Dites-le, ou tapez le code postal puis la touche dièse.',
    voiceRephrase: 'Dans quelle commune habitez-vous ?',
    hint: 'Écrivez seulement les 5 chiffres de votre code postal. Par exemple : 74000',
    voiceHint: 'Tapez les 5 chiffres de votre code postal, puis la touche dièse.',
    capture: 'location',
    accept: PLACE_ANSWER,
    next,
  }) as const;

const afterPlaces = {
  type: 'choice',
  // After a long list of places, one short line: the whole list of choices would cost an SMS segment more.
  text: "Répondez PLUS pour d'autres lieux, ou MENU.",
  voice: 'Et maintenant ?',
  namesItsAnswers: true,
  rephrase: 'Que voulez-vous faire maintenant ?',
  options: [
    { id: 'other_place', key: '1', label: 'Autre commune', voiceLabel: 'Chercher dans une autre commune', synonyms: ['autre commune', 'autre ville', 'ailleurs'], next: 'ask_location' },
    { id: 'menu', key: '2', label: 'Menu', voiceLabel: 'Revenir au menu', synonyms: ['menu', 'revenir au menu'], next: 'menu' },
    { id: 'done', key: '3', label: "C'est tout, merci", synonyms: ['c est tout', 'fini', 'termine', 'au revoir', 'merci'], next: 'goodbye' },
    { id: 'more', key: '4', label: "D'autres lieux",  synonyms: ['plus', 'autres lieux', 'd autres', 'suivants', 'encore'], next: 'more_places' },
    { id: 'again', key: '5', label: 'Les renvoyer', voiceLabel: 'Réécouter ces adresses', synonyms: ['renvoyer', 'renvoyez', 'a nouveau', 'encore une fois', 'adresses'], next: 'places_again' },
    { id: 'sms', key: '6', label: 'Recevoir ces adresses par SMS', channels: ['voice'], synonyms: ['sms', 'par sms', 'texto', 'message'], set: { smsTopic: 'places', smsTo: '{callerNumber}' }, next: 'voice_sms' },
    { id: 'followup', key: '8', label: 'Me redemander dans une semaine', channels: ['sms', 'whatsapp'], synonyms: ['suivi', 'dans une semaine', 'redemander'], next: 'schedule_visit_check' },
  ],
} satisfies FlowDefinition['steps'][string] & { type: 'choice' };

export const placeSteps: FlowDefinition['steps'] = {
  ...notifySteps,
  /** Asks where, unless the person already said it (« ma mère habite à Mende »). */
  locate: { ...whereQuestion('find_places'), skipIfKnown: true },
  ask_location: whereQuestion('find_places'),
  find_places: {
    type: 'invoke',
    service: 'nearestPlaces',
    input: searchInput,
    itemTemplate,
    provides: placeVars,
    outcomes: {
      found: {
        text: 'Les plus proches[, pour {commune}][ ({precisionNote})] :\n\n{items}',
        // Kept, so that the person can ask for it again, even days later (« Renvoyer ces adresses »).
        set: { lastPlaces: 'Les lieux les plus proches[, pour {commune}] :\n\n{items}', smsText: 'Relais - lieux d\'aide[ pour {commune}] :\n\n{items}', smsTopic: 'places' },
        next: 'places_found',
      },
      notFound: { text: 'Je ne trouve pas la commune[ "{heardPlace}"].', next: 'ask_location' },
      whichCommune: { next: 'which_commune' },
      none: {
        text:
          "Je n'ai pas trouvé de lieu d'aide à moins de {radiusKm} km {de:commune}.[\nUn service itinérant passe dans votre département : {itinerant}.]" +
          '[\nLe plus proche : {farName}, à {farDistance} km[, tél. {farPhone}]. Il peut souvent vous aider par téléphone.]' +
          '[\nLe département ({platformName}) vous répond au {platformPhone}[, {platformHours}].]' +
          '[\nAide à domicile : {homeHelpName}, {homeHelpPhone}.]',
        signal: 'white-zone',
        next: 'person_offer',
      },
      error: { text: 'Désolé, la recherche ne fonctionne pas pour le moment.', next: 'person_offer' },
    },
  },
  which_commune: {
    type: 'choice',
    text: 'Plusieurs communes correspondent. Laquelle ?',
    rephrase: 'Dans laquelle de ces communes habitez-vous ?',
    options: [
      ...[1, 2, 3, 4, 5, 6].map((i) => ({ id: `commune_${i}`, key: String(i), label: `{commune${i}}`, set: { location: `{commune${i}Code}` }, next: 'find_places' })),
      { id: 'other', key: '9', label: 'Une autre : écrivez son nom', voiceLabel: 'Une autre commune', synonyms: ['autre', 'une autre', 'aucune'], next: 'ask_location' },
    ],
  },
  places_again: { type: 'say', text: '{lastPlaces}', next: 'after_places' },
  more_places: {
    type: 'invoke',
    service: 'nearestPlaces',
    input: { ...searchInput, offset: '{placesOffset}' },
    itemTemplate,
    provides: placeVars,
    outcomes: {
      found: { text: '{items}', next: 'after_places' },
      noMore: { text: "Il n'y a pas d'autre lieu à moins de {radiusKm} km {de:commune}.", next: 'after_places' },
      notFound: { next: 'ask_location' },
      error: { text: 'Désolé, la recherche ne fonctionne pas pour le moment.', next: 'person_offer' },
    },
  },
  after_places: afterPlaces,
  /** By SMS, the question after the places also offers to have the nearest one told (an orientation). */
  after_places_sms: {
    ...afterPlaces,
    // The question alone: with « PLUS ou MENU » the places and it would cost a fourth segment (both still work).
    text: 'Voulez-vous que ce lieu soit prévenu ?',
    rephrase: 'Voulez-vous que le lieu le plus proche soit prévenu ? Que voulez-vous faire maintenant ?',
    options: [...afterPlaces.options.filter((o) => !o.channels), ...notifyOfferOptions, ...afterPlaces.options.filter((o) => o.id === 'followup')],
  },
};
