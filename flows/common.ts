// Built-in commands and texts shared by every flow: the words people use and what Relais answers.
import type { FlowDefinition } from '../src/engine/flow-schema.js';

export const commands: FlowDefinition['commands'] = {
  // « Je voudrais parler à un conseiller » is the same wish as « un conseiller »: filler words are ignored.
  help: ['aide', '0', 'conseiller', 'un conseiller', 'parler a quelqu un', 'humain', 'une personne', 'parler a un conseiller', 'parler a une conseillere', 'conseillere', 'parler a une personne', 'parler a un humain', 'passez moi un conseiller', 'une vraie personne'],
  restart: ['recommencer', 'menu', 'retour', 'revenir au menu', 'accueil', 'reprendre au debut'],
  optOut: ['stop', 'arret', 'arreter', 'stopper', 'desabonner', 'desinscrire', 'stop sms'],
  optIn: ['start', 'demarrer', 'reprendre les sms'],
  erase: ['supprimer', 'effacer', 'supprimer mes donnees', 'effacer mes donnees'],
  // « étoile » is also what the star key sends on the phone.
  repeat: ['repeter', 'repetez', 'repete', 'etoile', 'redites', 'pardon', 'vous pouvez repeter', 'reecouter'],
  info: ['info', 'infos', 'information', 'informations', 'mes donnees', 'vos donnees', 'donnees personnelles', 'confidentialite', 'vie privee'],
  // Said by someone who hears badly: Relais cannot speak louder, it speaks slower and says it again.
  slower: [
    'plus lentement', 'moins vite', 'parlez plus lentement', 'parlez moins vite', 'trop vite', 'lentement',
    'plus fort', 'parlez plus fort', 'j entends mal', 'je vous entends mal', 'je n entends pas', 'je n entends rien', 'je suis malentendant', 'je suis malentendante',
  ],
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
  noInput: "Je n'ai pas entendu votre réponse.",
  goneSilent: 'Je ne vous entends plus. Une personne de Relais vous rappellera à ce numéro. Au revoir.',
  privacy:
    'Vos données : Relais garde votre numéro, vos messages et vos demandes de rappel 6 mois après votre dernier ' +
    'message, seulement pour vous répondre. SUPPRIMER les efface tout de suite. STOP arrête nos SMS (START pour ' +
    'reprendre) : la loi nous demande alors de garder votre numéro sur la liste des refus.',
  confirmHeard: { question: "J'ai compris : « {heard} ». C'est bien ça ?", yes: 'Oui', no: 'Non' },
};

/** The built-in texts for the ear: on the phone nobody writes, and a menu is answered with the keypad. */
export const voiceTexts: FlowDefinition['voiceTexts'] = {
  optOut: "C'est noté : Relais ne vous enverra plus de SMS. Au revoir.",
  optIn: 'Vous recevez de nouveau les SMS de Relais.',
  resume: 'Bonjour, on reprend.',
  flowChanged: 'Relais a été mis à jour. Reprenons depuis le début.',
  numberedOptionsIntro: 'Tapez seulement le chiffre de votre choix sur le clavier.',
  offerPerson: "Je n'arrive pas à bien vous comprendre.",
  unsupportedContent: 'Je ne comprends pas. Tapez votre réponse sur le clavier, s’il vous plaît.',
  privacy:
    'Relais garde votre numéro, vos messages et vos demandes de rappel 6 mois après votre dernier appel, seulement pour ' +
    'vous répondre. Dites « supprimer » pour tout effacer tout de suite.',
};

/** What a channel says when something fails on our side: kind, and never silent. */
export const channelTexts = {
  /** The button that opens a WhatsApp list of choices. */
  whatsappListButton: 'Choisir',
  technicalError:
    "Désolé, Relais a un problème technique. Réessayez dans quelques minutes. Si c'est urgent : Allô Service Public, 39 39.",
};
