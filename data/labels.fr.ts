// French wording for the facts a place answer carries: opening times and appointments.
export const openingWording = {
  weekdays: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  tomorrow: 'demain',
  openNow: "Ouvert maintenant, jusqu'à {until}",
  laterToday: "Ouvert aujourd'hui : {hours}",
  nextDay: 'Prochaine ouverture {day} : {hours}',
  /** The day the person asked about (« ouverte le samedi ? »). */
  onDay: 'Le {day} : {hours}',
  closedOnDay: 'Fermé le {day}',
  appointment: 'Sur rendez-vous',
  /** What a place offers, said when the person asked for something precise (learning, equipment, internet). */
  /** Short on purpose: said for each place of an SMS, so every word costs (« Aide : démarches, initiation »). */
  offers: 'Aide : {offers}',
  services: { demarches: 'démarches', apprendre: 'initiation', materiel: 'ordinateurs', internet: 'internet' },
  /** A France Services given for learning: it does not teach, it finds the workshop. */
  orientation: 'vous oriente vers un atelier',
};

/** French wording of workshop sessions. */
export const sessionWording = {
  weekdays: openingWording.weekdays,
  months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  date: '{weekday} {day} {month} à {time}',
  demo: 'Exemple de démonstration : cet atelier n’existe pas.',
  unlimited: 'des',
};

/** How an itinerant service's stop is named and described. */
export const stopWording = { name: '{name} (le {day})', comment: 'Arrêt du {day} à {commune}' };
