// Built-in commands and texts shared by every flow: the words people use and what Relais answers.
import type { FlowDefinition } from '../src/engine/flow-schema.js';

export const commands: FlowDefinition['commands'] = {
  help: ['aide', '0', 'conseiller', 'un conseiller', 'parler a quelqu un', 'humain', 'une personne'],
  restart: ['recommencer', 'menu', 'retour', 'revenir au menu', 'accueil', 'reprendre au debut'],
  optOut: ['stop', 'arret', 'arreter', 'stopper', 'desabonner', 'desinscrire', 'stop sms'],
  optIn: ['start', 'demarrer', 'reprendre les sms'],
  erase: ['supprimer', 'effacer', 'supprimer mes donnees', 'effacer mes donnees'],
};

export const texts: FlowDefinition['texts'] = {
  help:
    "C'est noté : une personne de Relais va vous rappeler à ce numéro. " +
    'Pour parler à quelqu\'un tout de suite : Allô Service Public, 39 39 (prix d\'un appel local). ' +
    'Écrivez MENU pour continuer ici.',
  optOut: "C'est noté : Relais ne vous enverra plus de SMS. Pour reprendre, écrivez START.",
  optIn: 'Bonjour, vous recevez de nouveau les SMS de Relais.',
  erase:
    'Vos données sont effacées : votre numéro, vos messages et vos demandes. ' +
    'Vous pouvez nous écrire de nouveau quand vous voulez.',
  resume: 'Bonjour, on reprend ? Voici où nous en étions (ou écrivez MENU pour recommencer) :',
  flowChanged: 'Relais a été mis à jour depuis votre dernier message. Reprenons depuis le menu.',
  numberedOptionsIntro: 'Répondez seulement avec le chiffre de votre choix :',
  offerPerson: "Je n'arrive pas à bien vous comprendre. Écrivez AIDE et une personne vous rappellera.",
  unsupportedContent: 'Je ne sais pas encore lire ce type de message. Pouvez-vous écrire votre réponse ?',
};

/** What a channel says when something fails on our side: kind, and never silent. */
export const channelTexts = {
  /** The button that opens a WhatsApp list of choices. */
  whatsappListButton: 'Choisir',
  technicalError:
    "Désolé, Relais a un problème technique. Réessayez dans quelques minutes. Si c'est urgent : Allô Service Public, 39 39.",
};
