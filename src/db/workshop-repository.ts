// Workshop sessions and bookings in the database. A booking is one atomic unit: the booking row and the seat count
// together, the count guarded by a CHECK constraint, so two people can never take the last seat twice.
import { and, eq, gt } from 'drizzle-orm';
import type { BookingResult, WorkshopSession } from '../directory/workshops.js';
import type { DatabaseHandle } from './database.js';
import { sourceTable } from './source-table.js';
import { sessions } from './schema.js';

const COLUMNS = [
  'id', 'source', 'title', 'themes', 'place_name', 'address', 'postal_code', 'commune', 'latitude', 'longitude', 'starts_at',
  'ends_at', 'seats', 'price', 'audience', 'organiser', 'contact', 'demo', 'imported_at',
];
export function createWorkshopRepository(handle: DatabaseHandle) {
  const { db, atomic } = handle;
  // seats_taken is not an import column: re-importing a programme keeps the seats already booked.
  const table = sourceTable(handle, 'workshop_sessions', COLUMNS, row);
  return {
    upsert: table.upsert,

    /** Deletes the sessions a new import no longer lists, with their bookings. */
    deleteOthers: (source: string, keepIds: Set<string>) =>
      table.deleteOthers(source, keepIds, (ids) => [{ sql: `delete from bookings where session_id in (${ids.map(() => '?').join(', ')})`, params: ids }]),

    async upcoming(after: number): Promise<WorkshopSession[]> {
      const rows = await db.select().from(sessions).where(gt(sessions.startsAt, after));
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        themes: JSON.parse(r.themes) as string[],
        placeName: r.placeName,
        address: r.address,
        postalCode: r.postalCode,
        commune: r.commune,
        latitude: r.latitude,
        longitude: r.longitude,
        startsAt: r.startsAt,
        endsAt: r.endsAt,
        ...(r.seats !== null ? { seats: r.seats } : {}),
        seatsTaken: r.seatsTaken,
        price: r.price,
        ...(r.audience ? { audience: r.audience } : {}),
        ...(r.organiser ? { organiser: r.organiser } : {}),
        ...(r.contact ? { contact: r.contact } : {}),
        demo: r.demo,
      }));
    },

    async find(id: string): Promise<{ seats: number | null; seatsTaken: number } | undefined> {
      const rows = await db.select({ seats: sessions.seats, seatsTaken: sessions.seatsTaken }).from(sessions).where(and(eq(sessions.id, id)));
      return rows[0];
    },

    /**
     * Cancels a booking and frees its seat in one unit: the count goes down only while the booking still exists, so a
     * second ANNULER (or two at once) frees nothing more. True when a booking was cancelled.
     */
    async cancel(sessionId: string, contactAddress: string): Promise<boolean> {
      const [, deleted] = await atomic([
        {
          sql: 'update workshop_sessions set seats_taken = seats_taken - 1 where id = ? and exists (select 1 from bookings where session_id = ? and contact_address = ?)',
          params: [sessionId, sessionId, contactAddress],
        },
        { sql: 'delete from bookings where session_id = ? and contact_address = ? returning id', params: [sessionId, contactAddress] },
      ]);
      return (deleted?.length ?? 0) > 0;
    },

    /** Books a seat: the booking and the count in one unit; the CHECK refuses a count past the seats. */
    async book(sessionId: string, contactAddress: string, at: number): Promise<BookingResult> {
      const rows = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, sessionId));
      if (rows.length === 0) return 'unknown-session';
      try {
        await atomic([
          { sql: 'insert into bookings (session_id, contact_address, created_at) values (?, ?, ?)', params: [sessionId, contactAddress, at] },
          { sql: 'update workshop_sessions set seats_taken = seats_taken + 1 where id = ?', params: [sessionId] },
        ]);
        return 'booked';
      } catch (error) {
        const text = `${(error as Error)?.message ?? error} ${(error as { cause?: Error })?.cause?.message ?? ''}`;
        if (/UNIQUE constraint failed: bookings/i.test(text)) return 'already-booked';
        if (/CHECK constraint failed/i.test(text)) return 'full';
        throw error;
      }
    },
  };
}

function row(source: string, s: WorkshopSession, importedAt: number): unknown[] {
  return [
    s.id, source, s.title, JSON.stringify(s.themes), s.placeName, s.address, s.postalCode, s.commune, s.latitude, s.longitude, s.startsAt,
    s.endsAt, s.seats ?? null, s.price, s.audience ?? null, s.organiser ?? null, s.contact ?? null, s.demo ? 1 : 0, importedAt,
  ];
}
