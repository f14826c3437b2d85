// The everyday words that say a situation (lost, stolen, damaged, renew, first time, password), typos and SMS style
// included. The matcher uses them to tell « carte Vitale perdue » from « l'appli carte Vitale ».
import type { SituationWords } from '../../src/knowledge/match-procedure.js';

export const situationWords: SituationWords = {
  lost: ['perdu', 'perte', 'egare', 'egaree', 'retrouve plus', 'trouve plus', 'disparu', 'disparue', 'oublie dans'],
  stolen: ['vol', 'vole', 'volee', 'voler', 'derobe', 'derobee', 'cambriole', 'cambriolage', 'arrache', 'pickpocket'],
  damaged: ['abime', 'abimee', 'casse', 'cassee', 'marche plus', 'fonctionne plus', 'marche pas', 'fonctionne pas', 'illisible', 'raye', 'rayee', 'puce', 'deteriore', 'deterioree', 'endommage', 'endommagee', 'tordue', 'lit plus', 'refusee'],
  renew: ['renouveler', 'renouvellement', 'renouvele', 'perime', 'perimee', 'expire', 'expiree', 'refaire', 'nouvelle', 'remplacer', 'remplacement', 'duplicata', 'mettre a jour', 'mise a jour'],
  firstTime: ['creer', 'creation', 'premiere fois', 'ouvrir', 'inscrire', 'inscription', 'jamais eu'],
  password: ['mot de passe', 'mots de passe', 'mdp', 'oublie', 'oubliee', 'identifiant', 'identifiants', 'code secret', 'code provisoire', 'bloque', 'bloquee', 'connecter', 'connexion', 'acceder', 'arrive plus a rentrer', 'arrive pas a rentrer', 'rentrer dans mon compte', 'entrer dans mon compte', 'rentrer sur le site'],
};

/** Secrets a person may say they lost (« j'ai perdu mon mot de passe »): a forgotten password, not a lost paper. */
export const lostSecretWords = ['mot de passe', 'mots de passe', 'mdp', 'identifiant', 'identifiants', 'code secret', 'code provisoire'];
