// Paris wall-clock time without asking Intl on every call. Formatting a moment in a time zone costs several
// microseconds, and each turn asked for it several times (its activity day, each place's opening state). Paris's
// offset from UTC only changes at a daylight-saving switch, which always falls on a whole UTC hour (01:00 UTC), so
// the offset is asked of Intl once per UTC hour and the rest is arithmetic.

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const offsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' });
const offsetsByHour = new Map<number, number>();

/** Paris's offset from UTC at that instant, in milliseconds (one or two hours). */
export function parisOffsetMs(at: number): number {
  const hour = Math.floor(at / HOUR_MS);
  let offset = offsetsByHour.get(hour);
  if (offset === undefined) {
    const name = offsetFormat.formatToParts(hour * HOUR_MS).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+01:00';
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : HOUR_MS;
    if (offsetsByHour.size >= 10_000) offsetsByHour.clear();
    offsetsByHour.set(hour, offset);
  }
  return offset;
}

/** The date, minute of the day and weekday (0 = Monday) of a moment in Europe/Paris, whatever the server's zone. */
export function parisWallClock(epochMs: number): { year: number; month: number; day: number; minute: number; weekday: number } {
  const local = epochMs + parisOffsetMs(epochMs);
  const date = new Date(local);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    minute: Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 60_000),
    weekday: (date.getUTCDay() + 6) % 7,
  };
}

/** The Paris calendar day of a moment, as a day number since 1970-01-01. */
export const parisDayNumber = (at: number): number => Math.floor((at + parisOffsetMs(at)) / DAY_MS);
