// The French words of orientations: constraints as a relay says them, the SMS that tell of a change, the sheet's
// labels. User-facing French lives here, never in src/orientations.
import type { PersonConstraint } from '../src/orientations/statuses.js';

/** Each constraint's label, and the words (accents and case removed) by which a relay says it in a message. */
export const constraintWording: Record<PersonConstraint, { label: string; words: string[] }> = {
  mobility: { label: 'se déplace difficilement', words: ['deplace', 'marche', 'mobilite', 'fauteuil', 'pas de voiture', 'sans voiture', 'ne conduit'] },
  hearing: { label: 'entend mal', words: ['entend', 'sourd', 'audition', 'malentendant'] },
  sight: { label: 'voit mal', words: ['voit mal', 'vue', 'aveugle', 'malvoyant'] },
  reading: { label: 'lit difficilement', words: ['lire', 'lecture', 'illettr', 'analphab', 'ecrit mal'] },
  noInternet: { label: "pas d'internet", words: ['pas d internet', 'sans internet', 'pas internet'] },
  noDevice: { label: 'pas de téléphone portable', words: ['pas de portable', 'sans portable', 'pas de telephone portable', 'pas d ordinateur'] },
  urgent: { label: 'urgent', words: ['urgent', 'urgence', 'au plus vite', 'rapidement'] },
};

/** The reader's constraints (src/knowledge/understanding) that are also ours. */
export const readerConstraints: Record<string, PersonConstraint> = { mobility: 'mobility', hearing: 'hearing', sight: 'sight', noInternet: 'noInternet', noDevice: 'noDevice' };

/**
 * The SMS that tell the sender and the person of a change ({place}, {address}, {appointment}, {reason}). Plain words,
 * no link. An empty text: that side is not told (the person learns nothing of her own answer to the 7-day check).
 */
export const changeSms: Partial<Record<string, { sender: string; person: string }>> = {
  acceptée: {
    sender: 'Relais : {place} a accepté l\'orientation. Rendez-vous : {appointment}.',
    person: 'Relais : {place} vous attend. Quand : {appointment}. Adresse : {address}.',
  },
  refusée: {
    sender: 'Relais : {place} ne peut pas recevoir la personne ({reason}). Le département peut vous aider à trouver un autre lieu.',
    person: 'Relais : {place} ne peut pas vous recevoir. Pour trouver un autre lieu, répondez à ce SMS : nous vous aiderons.',
  },
  honorée: {
    sender: 'Relais : la personne que vous avez orientée vers {place} a pu y aller.',
    person: '',
  },
  'non honorée': {
    sender: "Relais : la personne que vous avez orientée vers {place} n'a pas pu y aller. Vous pouvez lui proposer un autre lieu.",
    person: '',
  },
};

/** The short SMS version of the orientation sheet (no link: seniors distrust them). */
export const sheetSms = 'Relais - votre rendez-vous :\n{place}\n{address}[\nTél : {phone}][\nQuand : {appointment}][\nÀ apporter : {documents}][\nOrienté par : {sender}]';

/** How a sender is named on the sheet and in the history. */
export const senderLabels = {
  person: 'La personne elle-même (SMS)',
  relay: '{email}[, {structure}]',
  agent: '{email} (plateforme du département)',
};

export const answerAuthor = 'Le lieu (lien de réponse)';

/** The author the history shows when the person's answer to the 7-day check settles an orientation. */
export const visitCheckAuthor = 'la personne (suivi à 7 jours)';

/** The same, when the relay who sent it answered for the person ({sender}: the relay as the history names them). */
export const relayVisitCheckAuthor = '{sender} (suivi à 7 jours)';

/** The sheet's opening hours, day by day (« Lundi au vendredi : 9h-12h, 13h30-17h »). */
export const sheetHours = { through: 'au', closed: 'fermé', holidays: 'jours fériés' };
