// What operators read about follow-ups (the dry run, the workspace's Suivis page): why one is not sent now, and the
// names of kinds, channels and statuses.
export const followUpReasons = {
  quietHours: 'heures calmes (envoi à {next})',
  stop: 'STOP : le numéro ne veut plus de messages',
  expired: 'fenêtre dépassée : trop tard pour l’envoyer',
  whatsAppWindow: 'fenêtre WhatsApp de 24 h dépassée, sans modèle approuvé pour ce suivi',
  inConversation: 'conversation en cours : il attend la fin',
  noChannel: 'aucun moyen d’envoi configuré pour ce canal',
  nothingToSay: 'la conversation ne peut pas recevoir ce suivi',
  cancelledBooking: 'réservation annulée',
  sendFailed: 'échec de l’envoi',
  metaFailed: 'Meta Graph API : échec',
  twilioWhatsAppFailed: 'Twilio (WhatsApp) : échec',
  orientationSettled: 'l’orientation est déjà « {status} » : plus rien à demander',
  orientationRefused: 'le lieu a refusé l’orientation : rien à évaluer',
};

export const followUpLabels = {
  kinds: { reminder: 'rappel de la veille', verification: 'vérification à 7 jours', evaluation: 'évaluation à froid' } as Record<string, string>,
  channels: { sms: 'SMS', whatsapp: 'WhatsApp', voice: 'appel' } as Record<string, string>,
  statuses: {
    pending: 'prévu',
    claimed: 'en cours d’envoi',
    sent: 'envoyé',
    answered: 'répondu',
    failed: 'échec',
    cancelled: 'annulé',
    expired: 'expiré',
  } as Record<string, string>,
  send: 'envoi',
  /** Whom an orientation's follow-up asks, on the orientation's page. */
  askedOf: { person: 'la personne', relay: 'le relais qui l’a orientée' } as Record<string, string>,
  /** The orientation's page when no follow-up could be scheduled. */
  noneForOrientation:
    'Aucun suivi prévu : la personne n’a pas donné de portable où lui écrire, et l’orientation n’a pas été envoyée par un relais au portable enregistré. Relais ne demandera pas si elle a pu y aller : pensez à le faire.',
};

/** The short automated call to a person reached by phone only (a landline): said slowly, answered by a key. */
export const followUpCallWording = {
  keys: 'Pour confirmer votre venue, tapez 1. Pour annuler et libérer votre place, tapez 2.',
  confirmed: 'Merci, à bientôt à l’atelier. Au revoir !',
  cancelled: 'C’est annulé : votre place est libérée pour quelqu’un d’autre. Merci de nous avoir prévenus. Au revoir !',
  notFound: 'Je ne trouve plus cette réservation. Au revoir !',
  noAnswer: 'Je n’ai pas entendu de réponse. Votre place reste réservée. Au revoir !',
};
