// Workshop sessions (ateliers): the dated sessions a person can join, and the next ones near them for a need.
import { haversineKm } from './nearest.js';

export interface WorkshopSession {
  id: string;
  title: string;
  /** Needs it serves ("apprendre", "demarches"…) and free theme words ("smartphone", "photos"). */
  themes: string[];
  placeName: string;
  address: string;
  postalCode: string;
  commune: string;
  latitude: number;
  longitude: number;
  startsAt: number;
  endsAt: number;
  /** Undefined: no limit. */
  seats?: number;
  seatsTaken: number;
  price: string;
  audience?: string;
  organiser?: string;
  contact?: string;
  /** Demonstration data, said as such in every answer built from it. */
  demo: boolean;
}

export interface UpcomingQuery {
  latitude: number;
  longitude: number;
  after: number;
  maxDistanceKm: number;
  theme?: string;
  limit: number;
}

/** The next sessions with seats left, soonest first, within reach. */
export function upcomingSessions(sessions: WorkshopSession[], q: UpcomingQuery): { session: WorkshopSession; distanceKm: number }[] {
  return sessions
    .filter((s) => s.startsAt > q.after && (s.seats === undefined || s.seatsTaken < s.seats))
    .filter((s) => !q.theme || s.themes.includes(q.theme))
    .map((session) => ({ session, distanceKm: haversineKm(q.latitude, q.longitude, session.latitude, session.longitude) }))
    .filter((s) => s.distanceKm <= q.maxDistanceKm)
    .sort((a, b) => a.session.startsAt - b.session.startsAt || a.distanceKm - b.distanceKm)
    .slice(0, q.limit);
}

export type BookingResult = 'booked' | 'already-booked' | 'full' | 'unknown-session';

/** Where sessions live (the database): read fresh each time, since seats change. */
export interface WorkshopStore {
  upcoming(after: number): Promise<WorkshopSession[]>;
  book(sessionId: string, contactAddress: string, at: number): Promise<BookingResult>;
}
