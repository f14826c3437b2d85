// When Relais may write first: within sending hours in Europe/Paris, in the OSM syntax read by `opening_hours` (the
// field's library, already used for places' hours): its `PH` are the French public holidays, so « not on Sundays or
// public holidays » is `Mo-Sa 09:00-19:00; PH off`, with no hand-kept list of holidays.
import { nextOpening, parisLocalToEpoch, parisWallClock } from '../directory/hours.js';

export const DEFAULT_SENDING_HOURS = 'Mo-Sa 09:00-19:00; PH off';

/**
 * The first moment at or after `at` within the sending hours: `at` itself when it is within them, undefined when the
 * hours cannot be read or open nowhere in the next two weeks.
 */
export function nextSendingMoment(hours: string, at: number): number | undefined {
  const opening = nextOpening(hours, at);
  const { year, month, day } = parisWallClock(at);
  const on = (ahead: number, minute: number) => {
    const date = new Date(Date.UTC(year, month - 1, day + ahead));
    return parisLocalToEpoch(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), Math.floor(minute / 60), minute % 60);
  };
  switch (opening.type) {
    case 'open-now':
      return at;
    case 'later-today': {
      const { minute } = parisWallClock(at);
      const next = opening.today.find(([open]) => open > minute);
      return next ? on(0, next[0]) : undefined;
    }
    case 'next-day':
      return on(opening.daysAhead, opening.ranges[0]![0]);
    case 'unknown':
      return undefined;
  }
}

/** Midnight (Paris) of the day `days` before the day of `at`. */
export function parisMidnightDaysBefore(at: number, days: number): number {
  const { year, month, day } = parisWallClock(at);
  const date = new Date(Date.UTC(year, month - 1, day - days));
  return parisLocalToEpoch(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), 0, 0);
}
