// Dates as the workspace shows them: French, Paris time.
const dateTime = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });

export const formatDateTime = (epochMs: number) => dateTime.format(new Date(epochMs));
