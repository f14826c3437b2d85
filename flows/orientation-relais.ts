// Relay mode: a home-help worker, a CCAS agent… texts from their registered number about a person they accompany.
// One message describes the person (commune, need, constraints, without naming them); the nearest places come back;
// the relay picks one by its digit, confirms the person agrees (and may be called), and the place is told.
import type { FlowDefinition } from '../src/engine/flow-schema.js';
import { commands, texts } from './common.js';
import { itemTemplate, PLACE_ANSWER, searchInput } from './place-steps.js';
import { visitAnswerOptions } from './suivi-steps.js';

export const RELAY_FLOW_ID = 'orientation-relais';

/** The relay's « 2 non » or « 3 besoin d'aide » to the 7-day check: what they can do next. */
const RELAY_DID_NOT_GO = 'C’est noté : elle n’a pas pu y aller. Pour lui trouver un autre lieu, décrivez-la de nouveau ; pour parler à quelqu’un, écrivez AIDE.';

const relayPlaceVars = ['commune', 'precisionNote', 'departement', 'radiusKm', 'placesOffset', 'heardPlace', 'firstName', 'firstAddress', 'firstPhone'];

export const orientationRelais: FlowDefinition = {
  id: RELAY_FLOW_ID,
  title: 'Orientation par un relais',
  start: 'relay_describe',
  menu: 'relay_describe',
  commands,
  texts,
  /** The 7-day check of an orientation whose person cannot be written to is asked of the relay, in this flow. */
  interrupts: { followup_verification: { next: 'followup_verification', unlessAt: [] } },
  steps: {
    relay_describe: {
      type: 'input',
      text:
        "C'est pour une personne que vous accompagnez ? Décrivez-la en un message, sans son nom : sa commune, son besoin, " +
        'ses difficultés (se déplacer, entendre, voir, lire, internet, portable), et si c\'est urgent.',
      rephrase: 'Écrivez la commune de la personne et ce dont elle a besoin. Par exemple : Florac, carte Vitale perdue, ne conduit pas.',
      hint: 'Par exemple : Florac, carte Vitale perdue, ne conduit pas, pas internet.',
      capture: 'relayText',
      accept: PLACE_ANSWER,
      answersAfterSilence: true,
      next: 'relay_read',
    },
    relay_read: {
      type: 'invoke',
      service: 'relayRead',
      input: { text: '{relayText}' },
      provides: ['location', 'need', 'procedureId', 'procedureTitle', 'constraints', 'constraintsText'],
      outcomes: {
        found: { next: 'relay_find' },
        noPlace: { next: 'relay_where' },
        error: { text: "Je n'ai pas bien compris.", next: 'relay_describe' },
      },
    },
    relay_where: {
      type: 'input',
      text: 'Dans quelle commune habite la personne ? Son nom ou son code postal.',
      rephrase: 'Écrivez le code postal de la personne, par exemple 48400.',
      hint: 'Écrivez seulement les 5 chiffres du code postal. Par exemple : 48400',
      capture: 'location',
      accept: PLACE_ANSWER,
      next: 'relay_find',
    },
    relay_find: {
      type: 'invoke',
      service: 'nearestPlaces',
      input: { ...searchInput, askWhichCommune: 'no' },
      itemTemplate,
      provides: relayPlaceVars,
      outcomes: {
        found: { text: 'Pour {commune}[ : {procedureTitle}][ ({constraintsText})] :\n\n{items}', next: 'relay_pick' },
        notFound: { text: 'Je ne trouve pas la commune[ "{heardPlace}"].', next: 'relay_where' },
        none: { text: "Je n'ai pas trouvé de lieu à moins de {radiusKm} km {de:commune}. Le département peut vous aider : écrivez AIDE.", next: 'relay_where' },
        error: { text: 'Désolé, la recherche ne fonctionne pas pour le moment.', next: 'relay_describe' },
      },
    },
    relay_pick: {
      type: 'choice',
      text: 'Quel lieu prévenir ? Répondez son chiffre.',
      rephrase: 'Répondez 1, 2 ou 3 : le lieu à prévenir.',
      namesItsAnswers: true,
      options: [
        { id: 'place_1', key: '1', label: 'Le premier lieu', synonyms: ['le premier', 'premier'], set: { notifyRank: '1' }, next: 'relay_consent' },
        { id: 'place_2', key: '2', label: 'Le deuxième lieu', synonyms: ['le deuxieme', 'deuxieme'], set: { notifyRank: '2' }, next: 'relay_consent' },
        { id: 'place_3', key: '3', label: 'Le troisième lieu', synonyms: ['le troisieme', 'troisieme'], set: { notifyRank: '3' }, next: 'relay_consent' },
        { id: 'other', key: '4', label: 'Une autre commune', synonyms: ['autre commune', 'ailleurs'], next: 'relay_where' },
      ],
    },
    relay_consent: {
      type: 'choice',
      text: "La personne est-elle d'accord pour que ce lieu soit prévenu ?",
      rephrase: 'La personne accepte-t-elle que le lieu soit prévenu ? Répondez 1, 2 ou 3.',
      options: [
        { id: 'yes', key: '1', label: 'Oui', synonyms: ['@oui'], set: { callConsent: 'no' }, next: 'relay_create' },
        { id: 'yes_call', key: '2', label: "Oui, et elle accepte d'être appelée", synonyms: ['appelee', 'appeler', 'oui appel'], set: { callConsent: 'yes' }, next: 'relay_contact' },
        { id: 'no', key: '3', label: 'Non', synonyms: ['@non'], next: 'relay_refused' },
      ],
    },
    relay_contact: {
      type: 'input',
      text: 'Son numéro de téléphone ?',
      rephrase: 'Écrivez le numéro de la personne, par exemple 06 12 34 56 78.',
      hint: 'Écrivez les 10 chiffres, par exemple 06 12 34 56 78.',
      capture: 'contact',
      accept: '\\d{2}',
      next: 'relay_create',
    },
    relay_refused: {
      type: 'say',
      text: "Entendu : rien n'est enregistré sur cette personne. Vous pouvez lui donner les adresses vous-même.",
      next: 'relay_next',
    },
    relay_create: {
      type: 'invoke',
      service: 'orient',
      input: {
        location: '{location}',
        need: '{need}',
        rank: '{notifyRank}',
        procedureId: '{procedureId}',
        procedureTitle: '{procedureTitle}',
        constraints: '{constraints}',
        callConsent: '{callConsent}',
        contact: '{contact}',
      },
      provides: ['orientedPlace', 'sheetLink'],
      outcomes: {
        created: { text: "C'est envoyé à {orientedPlace}. Nous vous écrirons sa réponse.[\nFiche à imprimer : {sheetLink}]", next: 'relay_next' },
        invalidNumber: { text: 'Ce numéro ne semble pas valide.', next: 'relay_contact' },
        noPlace: { text: "Ce lieu n'est pas dans la liste.", next: 'relay_pick' },
        error: { text: "Désolé, l'orientation n'a pas pu être envoyée. Écrivez AIDE.", next: 'relay_describe' },
      },
    },
    /**
     * A week after an orientation, when the person gave no number: the relay who sent it is asked. The answer
     * settles the orientation (honorée / non honorée) with the relay as its author.
     */
    followup_verification: {
      type: 'choice',
      text: 'Bonjour, c’est Relais. La personne que vous avez orientée vers {visitPlace} a-t-elle pu y aller ?',
      rephrase: 'La personne a-t-elle pu aller à {visitPlace} ?',
      options: visitAnswerOptions('followup_visit_answer', 'Elle a besoin d’aide'),
    },
    followup_visit_answer: {
      type: 'invoke',
      service: 'visitAnswer',
      input: { answer: '{visitAnswer}', followupId: '{followupId}' },
      provides: ['visitPlace'],
      outcomes: {
        went: { text: 'Merci, c’est noté : elle a pu aller à {visitPlace}.', next: 'relay_next' },
        nextPlace: { text: RELAY_DID_NOT_GO, next: 'relay_next' },
        callback: { text: RELAY_DID_NOT_GO, next: 'relay_next' },
        otherPlaces: { text: 'C’est noté.', next: 'relay_next' },
        error: { next: 'relay_next' },
      },
    },
    /** Ready for the next person: their description is read as the answer, not lost to a menu. */
    relay_next: {
      type: 'input',
      text: 'Pour une autre personne, décrivez-la en un message.',
      rephrase: 'Écrivez la commune de la personne et ce dont elle a besoin.',
      hint: 'Par exemple : Florac, carte Vitale perdue, ne conduit pas, pas internet.',
      capture: 'relayText',
      accept: PLACE_ANSWER,
      // Days later, the relay's next message is the next person, not a reason to greet them again.
      answersAfterSilence: true,
      next: 'relay_read',
    },
  },
};
