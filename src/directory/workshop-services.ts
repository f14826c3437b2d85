// The workshop flow services: the next sessions near a person for their need, and booking a seat.
import { echoablePlaceName } from './normalize.js';
import type { ServiceResult, Vars } from '../engine/effects.js';
import { fillTemplate } from '../engine/template.js';
import { formatTime, parisTime } from './hours.js';
import type { Directory } from './types.js';
import { upcomingSessions, type WorkshopStore } from './workshops.js';

export interface SessionWording {
  weekdays: string[];
  months: string[];
  /** "{weekday} {day} {month} à {time}". */
  date: string;
  /** Said with every session built from demonstration data. */
  demo: string;
  unlimited: string;
}

const MAX_OFFERED = 3;

/**
 * `nextSessions`: inputs `query` (where), `theme` (a need or theme word), `maxDistanceKm` (default 30). Outcomes
 * `found` (items, and `session1`…`session3` with their ids for a choice), `none`, `notFound` (no such place).
 */
export function nextSessionsService(directory: Directory, store: WorkshopStore, options: { now: () => number; wording: SessionWording }) {
  return async (input: Vars): Promise<ServiceResult> => {
    const found = await directory.geocode(input['query'] ?? '');
    if (found.type !== 'found') return { outcome: 'notFound', vars: { heardPlace: echoablePlaceName(input['query'] ?? '') } };
    const { commune } = found;
    const list = upcomingSessions(await store.upcoming(options.now()), {
      latitude: commune.latitude,
      longitude: commune.longitude,
      after: options.now(),
      maxDistanceKm: Number(input['maxDistanceKm'] ?? '30') || 30,
      ...(input['theme'] ? { theme: input['theme'] } : {}),
      limit: MAX_OFFERED,
    });
    const vars: Vars = { commune: commune.name };
    if (list.length === 0) return { outcome: 'none', vars };
    list.forEach(({ session }, i) => {
      vars[`session${i + 1}`] = session.title;
      vars[`session${i + 1}Id`] = session.id;
    });
    return {
      outcome: 'found',
      vars,
      items: list.map(({ session }) => ({
        title: session.title,
        date: sessionDate(session.startsAt, options.wording),
        placeName: session.placeName,
        commune: session.commune,
        price: session.price,
        seatsLeft: session.seats === undefined ? options.wording.unlimited : String(session.seats - session.seatsTaken),
        demo: session.demo ? options.wording.demo : '',
      })),
    };
  };
}

/** `bookSession`: input `id`. Outcomes `booked` (already booked counts as booked: the seat is theirs), `full`, `notFound`. */
export function bookSessionService(store: WorkshopStore, options: { now: () => number; wording: SessionWording }) {
  return async (input: Vars, context: { address: string }): Promise<ServiceResult> => {
    const id = input['id'] ?? '';
    const session = (await store.upcoming(options.now())).find((s) => s.id === id);
    if (!session) return { outcome: 'notFound' };
    const result = await store.book(id, context.address, options.now());
    if (result === 'full') return { outcome: 'full', vars: { sessionTitle: session.title } };
    if (result === 'unknown-session') return { outcome: 'notFound' };
    return {
      outcome: 'booked',
      vars: {
        sessionTitle: session.title,
        sessionDate: sessionDate(session.startsAt, options.wording),
        sessionPlace: `${session.placeName}, ${session.address}, ${session.postalCode} ${session.commune}`,
        sessionDemo: session.demo ? options.wording.demo : '',
      },
    };
  };
}

export function sessionDate(epoch: number, wording: SessionWording): string {
  const { weekday, minute } = parisTime(epoch);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', day: 'numeric', month: 'numeric' }).formatToParts(new Date(epoch));
  const day = String(Number(parts.find((p) => p.type === 'day')?.value ?? '1'));
  const month = Number(parts.find((p) => p.type === 'month')?.value ?? '1');
  return fillTemplate(wording.date, { weekday: wording.weekdays[weekday]!, day, month: wording.months[month - 1]!, time: formatTime(minute) });
}
