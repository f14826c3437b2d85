// Follow-ups: what Relais says when it writes first (src/followups), and where the person's answer leads. The
// scheduler enters these steps through the flow's interrupts (`followup_*`), with the follow-up's variables; the
// answer is then an ordinary answer, so STOP, AIDE, MENU and SUPPRIMER still win over it.
import type { FlowDefinition } from '../src/engine/flow-schema.js';

/** The interrupts the scheduler raises, one per kind of follow-up. */
export const followUpInterrupts: NonNullable<FlowDefinition['interrupts']> = {
  followup_reminder: { next: 'followup_reminder', unlessAt: [] },
  followup_verification: { next: 'followup_verification', unlessAt: [] },
  followup_evaluation: { next: 'followup_evaluation', unlessAt: [] },
};

const digits = (labels: string[], varName: string, next: string) =>
  labels.map((label, i) => ({ id: `a${i + 1}`, key: String(i + 1), label, set: { [varName]: String(i + 1) }, next }));

/** « 1 oui / 2 non / 3 besoin d'aide », the 7-day check's answers, read by the `visitAnswer` service (`next`: its step). */
export const visitAnswerOptions = (next: string, help: string) => [
  { id: 'yes', key: '1', label: 'Oui', synonyms: ['@oui', 'j y suis alle', 'j y suis allee', 'elle y est allee', 'il y est alle'], set: { visitAnswer: 'yes' }, next },
  { id: 'no', key: '2', label: 'Non', synonyms: ['@non', 'pas encore'], set: { visitAnswer: 'no' }, next },
  { id: 'help', key: '3', label: help, synonyms: ['aide', 'besoin d aide', 'besoin d un coup de main'], set: { visitAnswer: 'help' }, next },
];
const visitOptions = visitAnswerOptions('followup_visit_answer', 'J’ai besoin d’aide');

export const suiviSteps: FlowDefinition['steps'] = {
  /** After a booking: consent, asked once, to the reminder (and the evaluation later). */
  ask_reminder: {
    type: 'choice',
    text: 'Voulez-vous un rappel la veille ?',
    rephrase: 'Voulez-vous que Relais vous rappelle cet atelier la veille ?',
    options: [
      { id: 'yes', key: '1', label: 'Oui', synonyms: ['@oui', 'rappel'], next: 'schedule_reminder' },
      { id: 'no', key: '2', label: 'Non merci', synonyms: ['@non'], next: 'menu' },
    ],
  },
  schedule_reminder: {
    type: 'invoke',
    service: 'scheduleWorkshopFollowUps',
    input: { id: '{pickSession}' },
    outcomes: {
      scheduled: { text: 'C’est noté : je vous écrirai la veille.', voice: 'C’est noté : je vous appellerai la veille.', next: 'menu' },
      tooLate: { text: 'L’atelier est très bientôt : pas de rappel, notez-le bien.', next: 'menu' },
      error: { next: 'menu' },
    },
  },

  /** The day before a booked session. */
  followup_reminder: {
    type: 'choice',
    text: 'Rappel de Relais : votre atelier {sessionTitle} a lieu {sessionDate}, {sessionPlace}. Si vous ne pouvez pas venir, répondez ANNULER pour libérer votre place.',
    voice: 'Rappel de Relais : votre atelier {sessionTitle} a lieu {sessionDate}, {sessionPlace}.',
    namesItsAnswers: true,
    rephrase: 'Venez-vous à l’atelier ? Répondez ANNULER si vous ne pouvez pas venir.',
    voiceRephrase: 'Venez-vous à l’atelier ?',
    options: [
      { id: 'come', key: '1', label: 'Je viendrai', synonyms: ['@oui', 'ok', 'merci', 'je viens', 'je viendrai'], next: 'followup_thanks' },
      { id: 'cancel', key: '2', label: 'Annuler ma place', synonyms: ['annuler', 'annule', 'annulation', 'je ne peux pas venir', 'je ne viendrai pas'], next: 'followup_cancel' },
    ],
  },
  followup_cancel: {
    type: 'invoke',
    service: 'cancelBooking',
    input: { id: '{sessionId}', followupId: '{followupId}' },
    outcomes: {
      cancelled: { text: 'C’est annulé : votre place à l’atelier {sessionTitle} est libérée pour quelqu’un d’autre. Merci de nous avoir prévenus.', next: 'followup_done' },
      notFound: { text: 'Je ne trouve plus cette réservation : elle est peut-être déjà annulée.', next: 'followup_done' },
    },
  },
  followup_thanks: { type: 'say', text: 'Merci, à bientôt à l’atelier !', next: 'followup_done' },

  /** After places were given, on a written channel: the person may ask to be asked, a week later, whether she went. */
  schedule_visit_check: {
    type: 'invoke',
    service: 'scheduleVisitCheck',
    input: { visitPlace: 'les lieux d’aide pour {commune}' },
    provides: ['visitPlace'],
    outcomes: {
      scheduled: { text: 'C’est noté : dans une semaine, je vous demanderai si vous avez pu y aller.', next: 'menu' },
      error: { next: 'menu' },
    },
  },

  /**
   * A week after places were given (or an orientation): did the person go? Told « je vous ai indiqué » when Relais
   * gave them to her; when a relay or an agent oriented her, the place is said to have been told of her coming.
   */
  followup_verification: { type: 'branch', on: 'orientedBy', cases: { other: 'followup_verification_oriented' }, otherwise: 'followup_verification_given' },
  followup_verification_given: {
    type: 'choice',
    text: 'Bonjour, c’est Relais. Il y a une semaine, je vous ai indiqué {visitPlace}. Avez-vous pu y aller ?',
    rephrase: 'Avez-vous pu aller à {visitPlace} ?',
    options: visitOptions,
  },
  followup_verification_oriented: {
    type: 'choice',
    text: 'Bonjour, c’est Relais. Il y a une semaine, {visitPlace} a été prévenu de votre venue. Avez-vous pu y aller ?',
    rephrase: 'Avez-vous pu aller à {visitPlace} ?',
    options: visitOptions,
  },
  followup_visit_answer: {
    type: 'invoke',
    service: 'visitAnswer',
    input: { answer: '{visitAnswer}', followupId: '{followupId}' },
    provides: ['nextPlace'],
    outcomes: {
      went: { text: 'Merci, c’est une bonne nouvelle !', next: 'followup_done' },
      otherPlaces: { text: 'D’accord. Voici d’autres lieux près de chez vous :', next: 'more_places' },
      nextPlace: { text: 'D’accord. Un autre lieu peut vous aider : {nextPlace}', next: 'followup_done' },
      callback: { next: 'person_how' },
      error: { next: 'person_offer' },
    },
  },

  /** Two to three months after a workshop or an orientation: the field's satisfaction grid, each answer one digit. */
  followup_evaluation: { type: 'branch', on: 'subjectKind', cases: { orientation: 'followup_evaluation_orientation' }, otherwise: 'followup_evaluation_workshop' },
  followup_evaluation_workshop: {
    type: 'choice',
    text: 'Bonjour, c’est Relais. Vous avez suivi l’atelier {sessionTitle}. Trois petites questions, répondez par un chiffre. Aujourd’hui, faites-vous seul ce que vous avez appris ?',
    voice: 'Bonjour, c’est Relais. Vous avez suivi l’atelier {sessionTitle}. Trois petites questions. Aujourd’hui, faites-vous seul ce que vous avez appris ?',
    rephrase: 'Faites-vous seul ce que vous avez appris à l’atelier ?',
    options: digits(['Oui', 'Un peu', 'Non'], 'evalAlone', 'followup_evaluation_use'),
  },
  followup_evaluation_use: {
    type: 'choice',
    text: 'Utilisez-vous encore ce que vous avez appris ?',
    rephrase: 'Depuis l’atelier, vous en servez-vous encore ?',
    options: digits(['Oui, souvent', 'Parfois', 'Non'], 'evalUse', 'followup_evaluation_recommend'),
  },
  followup_evaluation_recommend: {
    type: 'choice',
    text: 'Conseilleriez-vous cet atelier à un proche ?',
    rephrase: 'Diriez-vous à un proche d’y aller ?',
    options: digits(['Oui', 'Non'], 'evalRecommend', 'followup_evaluation_need'),
  },
  followup_evaluation_need: {
    type: 'choice',
    text: 'De quoi auriez-vous encore besoin ?',
    rephrase: 'Que vous faudrait-il encore ?',
    options: digits(['De rien', 'Un autre atelier', 'D’aide pour une démarche'], 'evalNeed', 'followup_evaluation_save'),
  },
  /** After an orientation: three questions, on the démarche and the place rather than on a workshop. */
  followup_evaluation_orientation: {
    type: 'choice',
    text: 'Bonjour, c’est Relais. Il y a deux mois, vous avez été orienté vers {visitPlace}. Trois petites questions, répondez par un chiffre. Aujourd’hui, savez-vous faire seul cette démarche ?',
    voice: 'Bonjour, c’est Relais. Il y a deux mois, vous avez été orienté vers {visitPlace}. Trois petites questions. Aujourd’hui, savez-vous faire seul cette démarche ?',
    rephrase: 'Savez-vous faire seul cette démarche maintenant ?',
    options: digits(['Oui', 'Un peu', 'Non'], 'evalAlone', 'followup_evaluation_orientation_recommend'),
  },
  followup_evaluation_orientation_recommend: {
    type: 'choice',
    text: 'Conseilleriez-vous ce lieu à un proche ?',
    rephrase: 'Diriez-vous à un proche d’y aller ?',
    options: digits(['Oui', 'Non'], 'evalRecommend', 'followup_evaluation_need'),
  },
  followup_evaluation_save: {
    type: 'invoke',
    service: 'saveEvaluation',
    input: { followupId: '{followupId}', alone: '{evalAlone}', use: '{evalUse}', recommend: '{evalRecommend}', need: '{evalNeed}' },
    outcomes: {
      saved: { text: 'Merci beaucoup pour vos réponses !', next: 'followup_done' },
      error: { text: 'Merci beaucoup pour vos réponses !', next: 'followup_done' },
    },
  },
  followup_done: { type: 'end', text: 'Écrivez-nous quand vous voulez : MENU pour recommencer.', voice: 'Au revoir !' },
};
