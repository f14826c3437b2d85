// « Est-ce une arnaque ? »: the warning signs, what to do, what to do if it is too late. Never asks for personal data.
import type { FlowDefinition } from '../src/engine/flow-schema.js';

export const arnaqueSteps: FlowDefinition['steps'] = {
  /**
   * A scam happening now (a « bank adviser » on the line, codes given, money gone), reached from any step: the
   * whole advice at once, before anything else.
   */
  scam_now: {
    type: 'say',
    text:
      // « N'installez rien »: the false technician who wants to take control of the computer is on the line too.
      "Attention, c'est une arnaque. Raccrochez. Ne donnez aucun code : votre banque n'en demande jamais. " +
      "N'installez rien. Rappelez le numéro écrit sur votre carte.",
    next: 'scam_now_block',
  },
  scam_now_block: {
    type: 'say',
    text:
      'Code ou carte donnés ? Faites opposition tout de suite : votre banque, ou le 0 892 705 705 (opposition interbancaire, 7j/7). ' +
      "Argent parti ? Dites-le à votre banque pour contester et portez plainte. Urgence : le 17. SMS douteux : transférez-le au 33 700.",
    voice:
      'Si vous avez donné un code ou votre carte, faites opposition tout de suite : appelez votre banque, ou le 0 892 705 705, le numéro d’opposition interbancaire, 7 jours sur 7. ' +
      "Si de l'argent est parti, dites-le à votre banque pour contester, et portez plainte. En cas d'urgence, appelez le 17.",
    next: 'scam_person',
  },
  scam_intro: {
    type: 'say',
    text:
      "Bon réflexe de vérifier. Signes d'arnaque : un message urgent ou menaçant, un lien à cliquer, " +
      "une demande de code, de mot de passe ou de carte bancaire, un colis ou une amende que vous n'attendiez pas.",
    next: 'scam_advice',
  },
  scam_advice: {
    type: 'say',
    text:
      'Ne cliquez pas et ne répondez pas. Ne donnez aucun code. Appelez vous-même le numéro officiel, écrit sur votre carte ' +
      'ou un courrier. Un SMS douteux : transférez-le au 33700 (gratuit). Relais ne vous demandera jamais de code.',
    next: 'scam_next',
  },
  scam_next: {
    type: 'choice',
    text: 'Avez-vous déjà cliqué ou donné des informations ?',
    rephrase: 'Avez-vous donné un code, un mot de passe ou vos coordonnées bancaires ?',
    options: [
      { id: 'bank', key: '1', label: "Oui, j'ai donné des codes ou ma carte", synonyms: ['carte bancaire', 'code', 'codes', 'donne', '@oui'], next: 'scam_bank' },
      { id: 'nothing', key: '2', label: "Non, je n'ai rien donné", synonyms: ['rien donne', 'non', '@non'], next: 'scam_safe' },
      { id: 'menu', key: '3', label: 'Revenir au menu', synonyms: ['menu'], next: 'menu' },
    ],
  },
  scam_bank: {
    type: 'say',
    text:
      'Appelez tout de suite votre banque pour bloquer la carte. Changez le mot de passe donné. ' +
      "Puis portez plainte à la gendarmerie ou au commissariat. Conseils et aide : cybermalveillance.gouv.fr.",
    next: 'scam_person',
  },
  scam_safe: {
    type: 'say',
    text: "Très bien : vous n'avez rien à faire de plus. Supprimez le message. En cas de doute, demandez toujours à un proche ou à nous.",
    next: 'menu',
  },
  scam_person: {
    type: 'choice',
    text: "Voulez-vous qu'une personne vous rappelle pour vous aider ?",
    rephrase: "Souhaitez-vous être rappelé par quelqu'un ?",
    options: [
      { id: 'yes', key: '1', label: 'Oui, rappelez-moi', synonyms: ['@oui'], next: 'person_how' },
      { id: 'no', key: '2', label: 'Non, revenir au menu', synonyms: ['@non', 'menu'], next: 'menu' },
    ],
  },
};
