// Finding places near the person: ask where (unless already said), search, then offer what comes next.
import type { FlowDefinition } from '../src/engine/flow-schema.js';

const whereQuestion = {
  text: 'Quel est votre code postal, ou le nom de votre commune ?',
  rephrase: 'Dans quelle commune habitez-vous ? Vous pouvez écrire son nom ou son code postal.',
  hint: 'Écrivez seulement les 5 chiffres de votre code postal. Par exemple : 74000',
  capture: 'location',
  next: 'find_places',
} as const;

export const placeSteps: FlowDefinition['steps'] = {
  /** Asks where, unless the person already said it (« ma mère habite à Mende »). */
  locate: { type: 'input', ...whereQuestion, skipIfKnown: true },
  ask_location: { type: 'input', ...whereQuestion },
  find_places: {
    type: 'invoke',
    service: 'nearestPlaces',
    provides: ['commune', 'precisionNote', 'departement', 'radiusKm', 'itinerant', 'farName', 'farDistance', 'farPhone'],
    input: {
      query: '{location}',
      need: '{need}',
      limit: '3',
      maxDistanceKm: '25',
      approximateNote: 'position approximative',
      itinerantTemplate: '{name}[, tél. {phone}]',
    },
    itemTemplate: '{rank}. {name}\n{address}[, à {distance} km][\nTél : {phone}][\n{opening}][\n{appointment}]',
    outcomes: {
      found: { text: 'Les lieux les plus proches, pour {commune}[ ({precisionNote})] :\n\n{items}', next: 'after_places' },
      notFound: { text: 'Je ne trouve pas la commune "{location}".', next: 'ask_location' },
      none: {
        text:
          "Je n'ai pas trouvé de lieu d'aide à moins de {radiusKm} km de {commune}.[\nUn service itinérant passe dans votre département : {itinerant}.]" +
          '[\nLe plus proche : {farName}, à {farDistance} km[, tél. {farPhone}]. Il peut souvent vous aider par téléphone.]',
        signal: 'white-zone',
        next: 'person_offer',
      },
      error: { text: 'Désolé, la recherche ne fonctionne pas pour le moment.', next: 'person_offer' },
    },
  },
  after_places: {
    type: 'choice',
    text: 'Et maintenant ?',
    rephrase: 'Que voulez-vous faire maintenant ?',
    options: [
      { id: 'other_place', key: '1', label: 'Chercher dans une autre commune', synonyms: ['autre commune', 'autre ville', 'ailleurs'], next: 'ask_location' },
      { id: 'menu', key: '2', label: 'Revenir au menu', synonyms: ['menu'], next: 'menu' },
      { id: 'done', key: '3', label: "C'est tout, merci", synonyms: ['c est tout', 'fini', 'termine', 'au revoir', 'merci'], next: 'goodbye' },
    ],
  },
};
