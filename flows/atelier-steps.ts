// The next workshop sessions near the person, and booking a seat (overbooking is impossible in the database).
import type { FlowDefinition } from '../src/engine/flow-schema.js';
import { whereQuestion } from './place-steps.js';

const sessionChoices = [1, 2, 3].flatMap((i) => [`session${i}`, `session${i}Id`]);
const sessionsWhere = whereQuestion('find_sessions', 'Pour les ateliers : quel est votre code postal, ou votre commune ?');

export const atelierSteps: FlowDefinition['steps'] = {
  sessions_locate: { ...sessionsWhere, skipIfKnown: true },
  sessions_ask_location: sessionsWhere,
  find_sessions: {
    type: 'invoke',
    service: 'nextSessions',
    input: { query: '{location}', theme: 'apprendre', maxDistanceKm: '30' },
    itemTemplate: '{rank}. {title}\n{date}, {placeName} ({commune})\n{price}, {seatsLeft} places[\n{demo}]',
    provides: [...sessionChoices, 'commune', 'heardPlace'],
    outcomes: {
      found: { text: 'Les prochains ateliers, pour {commune} :\n\n{items}', next: 'choose_session' },
      none: { text: "Il n'y a pas d'atelier prévu près {de:commune} pour le moment. Voici les lieux qui en proposent :", next: 'find_places' },
      notFound: { text: 'Je ne trouve pas la commune[ "{heardPlace}"].', next: 'sessions_ask_location' },
    },
  },
  choose_session: {
    type: 'choice',
    text: 'Voulez-vous réserver une place ?',
    rephrase: 'Pour réserver, répondez avec le chiffre de l’atelier.',
    voiceRephrase: 'Pour réserver, tapez le chiffre de l’atelier.',
    options: [
      ...[1, 2, 3].map((i) => ({ id: `session_${i}`, key: String(i), label: `{session${i}}`, set: { pickSession: `{session${i}Id}` }, next: 'book_session' })),
      { id: 'no', key: '9', label: 'Non merci', synonyms: ['@non', 'non merci', 'menu'], next: 'menu' },
    ],
  },
  book_session: {
    type: 'invoke',
    service: 'bookSession',
    input: { id: '{pickSession}' },
    provides: ['sessionTitle', 'sessionDate', 'sessionPlace', 'sessionDemo'],
    outcomes: {
      booked: { text: "C'est réservé : {sessionTitle}, {sessionDate}, {sessionPlace}.[ {sessionDemo}] Notez-le bien.", next: 'ask_reminder' },
      full: { text: "Désolé, il n'y a plus de place pour {sessionTitle}.", next: 'find_sessions' },
      notFound: { text: "Cet atelier n'est plus proposé.", next: 'find_sessions' },
    },
  },
};
