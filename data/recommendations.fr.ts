// How Relais says its recommendation: one sentence per route and one reason per rule, in plain French.
import type { Reason, Route } from '../src/knowledge/recommend.js';

export const routeSentences: Record<Route, string> = {
  'france-services': "Je vous conseille d'aller dans une France Services : un agent fera la démarche avec vous, gratuitement",
  workshop: 'Je vous conseille un atelier pour apprendre à votre rythme, en petit groupe',
  equipment: "Je vous conseille d'abord un appareil à petit prix, puis un atelier pour débuter",
  'drop-in': "Je vous conseille de passer à une permanence France Services : on vous donnera un coup de main pour cette démarche",
  volunteer: "Vous êtes à l'aise : vous pourriez aider d'autres personnes comme bénévole",
};

export const reasonPhrases: Record<Reason, string> = {
  'urgent-procedure': 'votre démarche ne peut pas attendre',
  'no-equipment': "vous n'avez pas encore d'appareil avec internet",
  'not-ready-to-learn': "vous préférez qu'on le fasse avec vous",
  cost: 'le prix compte pour vous',
  mobility: 'se déplacer est difficile : il existe des ateliers qui viennent près de chez vous',
  confidence: "on apprend mieux en confiance, et vous pouvez venir avec un proche",
  'office-skills': 'vous voulez aller plus loin avec votre ordinateur',
  'one-off-procedure': "vous êtes à l'aise et il s'agit d'une seule démarche",
  'wants-to-help': 'vous voulez aider les autres',
  beginner: 'vous débutez',
  'already-at-ease': 'vous avez déjà de bonnes bases',
  reading: "la lecture ou l'écriture vous gêne : l'agent peut remplir avec vous",
  senses: "vous entendez ou voyez mal : dites-le en arrivant, l'accueil s'adapte",
  language: "le français n'est pas votre langue : l'agent prendra le temps",
};

/** How the sentence is put together: the route's sentence, then its reasons. */
export const sentence = { because: '{route}, car {reasons}.', without: '{route}.', and: ', et ' };

/** The need searched for nearby places, per route. */
export const routeNeeds: Record<Route, string> = {
  'france-services': 'demarches',
  workshop: 'apprendre',
  equipment: 'materiel',
  'drop-in': 'demarches',
  volunteer: 'apprendre',
};
