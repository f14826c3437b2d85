// On the phone: reaching a person now (a transfer to the department's platform, or a callback when it is closed),
// sending what was just heard by SMS, and saying goodbye. The help command (0, « conseiller ») leads here by phone.
import type { FlowDefinition } from '../src/engine/flow-schema.js';

/** A transferred caller's greeting, with where the agent said they live when it names a commune. */
const transferredGreeting = {
  text: 'Bonjour, ici Relais. Le conseiller nous a transmis votre demande.',
  voice: (where: string) =>
    `Bonjour, ici Relais. Le conseiller nous a transmis votre demande${where}. À tout moment, tapez 0 pour parler à une personne, ou étoile pour réécouter.`,
};

export const telephoneSteps: FlowDefinition['steps'] = {
  /** A call transferred with context starts where the agent left off: the journey the need names. */
  welcome_transferred: {
    type: 'invoke',
    // The agent may have typed a postal code: the caller is greeted with the commune's name.
    service: 'placeName',
    input: { query: '{location}' },
    provides: ['locationName', 'locationNearby'],
    outcomes: {
      found: { text: transferredGreeting.text, voice: transferredGreeting.voice('[ pour {locationName}][ et ses environs{locationNearby?}]'), next: 'transferred_route' },
      notFound: { text: transferredGreeting.text, voice: transferredGreeting.voice(''), next: 'transferred_route' },
      error: { text: transferredGreeting.text, voice: transferredGreeting.voice(''), next: 'transferred_route' },
    },
  },
  transferred_route: {
    type: 'branch',
    on: 'handoffNeed',
    cases: { lieu: 'locate', materiel: 'locate', demarche: 'explain_ask', apprendre: 'assess_intro', arnaque: 'scam_intro' },
    otherwise: 'menu',
  },
  voice_person: {
    type: 'invoke',
    service: 'reachPerson',
    input: { calledDepartement: '{calledDepartement}', departement: '{departement}' },
    provides: ['transferNumber', 'platformName', 'platformHours'],
    outcomes: {
      open: { next: 'voice_transfer' },
      closed: { text: 'Le service du département ({platformName}) est fermé en ce moment.[ Il répond {platformHours}.]', next: 'voice_callback_offer' },
      none: { text: "Personne n'est disponible tout de suite.", next: 'voice_callback_offer' },
      error: { text: "Personne n'est disponible tout de suite.", next: 'voice_callback_offer' },
    },
  },
  voice_transfer: {
    type: 'connect',
    text: "Je vous passe une personne du département ({platformName}). Restez en ligne, s'il vous plaît.",
    number: '{transferNumber}',
    // The agent hears this first: who is calling and what Relais already knows, in one line.
    whisper: 'Appel transmis par Relais.[ Commune : {commune}.][ Démarche : {procedureTitle}.][ Note : {agentNote}.]',
    answered: 'voice_goodbye',
    failed: 'voice_transfer_failed',
  },
  voice_transfer_failed: { type: 'say', text: "Personne n'a pu répondre.", next: 'voice_callback_offer' },
  voice_callback_offer: {
    type: 'choice',
    text: "Voulez-vous qu'une personne vous rappelle à ce numéro ?",
    rephrase: 'Souhaitez-vous être rappelé ?',
    options: [
      { id: 'yes', key: '1', label: 'Oui, rappelez-moi', synonyms: ['@oui', 'rappelez moi', 'rappel'], next: 'voice_callback' },
      { id: 'no', key: '2', label: 'Non, revenir au menu', synonyms: ['@non', 'menu'], next: 'menu' },
    ],
  },
  voice_callback: {
    type: 'callback',
    text: "C'est noté : une personne de Relais vous rappellera à ce numéro.",
    next: 'voice_goodbye',
  },
  voice_goodbye: { type: 'end', text: 'Merci de votre appel. Au revoir !' },

  /**
   * Sends what was just heard (`smsText`) to `smsTo`: the caller's own number first (the option that leads here sets
   * it), else the mobile they then give, asked again until it is one.
   */
  voice_sms: {
    type: 'invoke',
    service: 'sendSms',
    input: { to: '{smsTo}', text: '{smsText}' },
    provides: ['sentTo'],
    outcomes: {
      sent: { text: "C'est envoyé par SMS au {sentTo}.", next: 'voice_sms_done' },
      invalidNumber: { text: 'Ce numéro ne peut pas recevoir de SMS.', next: 'voice_sms_number' },
      optedOut: { text: 'Ce numéro a demandé à ne plus recevoir de SMS de Relais : rien n’est envoyé.', next: 'voice_sms_done' },
      unavailable: { text: "L'envoi de SMS ne marche pas pour le moment.", next: 'voice_sms_done' },
    },
  },
  voice_sms_number: {
    type: 'input',
    text: 'Quel est votre numéro de portable ?',
    voice: 'Quel est votre numéro de portable ? Dites-le, ou tapez-le puis la touche dièse.',
    rephrase: 'À quel numéro de portable faut-il envoyer le SMS ?',
    hint: 'Par exemple : 06 12 34 56 78',
    voiceHint: 'Tapez les 10 chiffres de votre portable, puis la touche dièse.',
    capture: 'smsTo',
    next: 'voice_sms',
  },
  voice_sms_done: { type: 'branch', on: 'smsTopic', cases: { places: 'after_places' }, otherwise: 'menu' },
};
