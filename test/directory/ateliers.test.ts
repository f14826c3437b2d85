// Workshops: CSV and iCalendar imports (recurrences, exclusions, daylight saving), the next sessions near a
// person, and booking through the real service, where overbooking must be impossible even when people race.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAteliers } from '../../src/directory/import/ateliers.js';
import { runImport, projectRoot } from '../support/import.js';
import { ManualClock, startTestRelais } from '../support/relais.js';

const root = projectRoot;
const demoCsv = join(root, 'data/demo/ateliers-demo.csv');
const demoIcs = join(root, 'data/demo/ateliers-demo.ics');
const dir = mkdtempSync(join(tmpdir(), 'relais-ateliers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ics = (event: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n${event.trim().replace(/\n/g, '\r\n')}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
const base = 'UID:x\nSUMMARY:Atelier\nLOCATION:Mairie, 1 place, 48000 Mende\nGEO:44.5;3.5';

describe('parseAteliers', () => {
  it('reads the demo CSV, every session marked as demo', () => {
    const parsed = parseAteliers(readFileSync(demoCsv, 'utf8'));
    expect(parsed.rejected).toEqual([]);
    expect(parsed.sessions).toHaveLength(3);
    expect(parsed.sessions.every((s) => s.demo)).toBe(true);
    expect(new Date(parsed.sessions[0]!.startsAt).toISOString()).toBe('2026-12-01T13:00:00.000Z'); // 14:00 in Paris, winter
  });

  it('names the line and field of rejected CSV rows', () => {
    const csv = 'id,titre,themes,lieu,adresse,code_postal,commune,latitude,longitude,debut,fin,places,prix\n' +
      'a,Atelier,apprendre,Lieu,1 rue,48000,Mende,44.5,3.5,2026-12-01T14:00,2026-12-01T13:00,5,Gratuit\n' +
      'b,Atelier,apprendre,Lieu,1 rue,48000,Mende,44.5,3.5,demain,2026-12-01T16:00,5,Gratuit\n' +
      'c,Atelier,apprendre,Lieu,1 rue,48000,Mende,44.5,3.5,2026-12-01T14:00,2026-12-01T16:00,cinq,Gratuit\n';
    expect(parseAteliers(csv).rejected.map((r) => `${r.line}:${r.field}`)).toEqual(['2:fin', '3:debut', '4:places']);
  });

  it('expands a weekly rule, counting excluded dates as RFC 5545 does', () => {
    const parsed = parseAteliers(readFileSync(demoIcs, 'utf8'));
    expect(parsed.unit).toBe('event');
    expect(parsed.sessions.map((s) => new Date(s.startsAt).toISOString().slice(0, 10))).toEqual(['2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22', '2027-01-05']);
  });

  it('keeps a weekly session at the same Paris time across the change to summer time', () => {
    const parsed = parseAteliers(ics(`${base}\nDTSTART;TZID=Europe/Paris:20270318T140000\nDTEND;TZID=Europe/Paris:20270318T160000\nRRULE:FREQ=WEEKLY;UNTIL=20270402T000000Z`));
    expect(parsed.sessions.map((s) => new Date(s.startsAt).toISOString())).toEqual(['2027-03-18T13:00:00.000Z', '2027-03-25T13:00:00.000Z', '2027-04-01T12:00:00.000Z']);
  });

  it('rejects what it cannot place or schedule, saying which field', () => {
    expect(parseAteliers(ics(`${base}\nDTSTART:20271301T140000\nDTEND:20271301T160000`)).rejected[0]?.field).toBe('DTSTART');
    // ical.js refuses the whole calendar on a rule it cannot read, and says why.
    expect(parseAteliers(ics(`${base}\nDTSTART:20270101T140000Z\nDTEND:20270101T160000Z\nRRULE:FREQ=SOMETIMES`)).rejected[0]).toMatchObject({ field: 'VCALENDAR', reason: expect.stringContaining('invalid frequency "SOMETIMES"') });
    expect(parseAteliers(ics(`UID:y\nSUMMARY:A\nDTSTART:20270101T140000Z\nDTEND:20270101T160000Z\nGEO:44.5;3.5\nLOCATION:Quelque part`)).rejected[0]?.field).toBe('LOCATION');
  });
});

describe('iCalendar through ical.js', () => {
  const parsed = parseAteliers(readFileSync(join(root, 'test/fixtures/ics/vtimezone-rdate.ics'), 'utf8'));
  const startsOf = (uid: string) => parsed.sessions.filter((s) => s.id.includes(`:${uid}:`)).map((s) => new Date(s.startsAt).toISOString());

  it('expands a monthly rule by weekday in a zone the calendar defines, with an added and an excluded date', () => {
    // First Tuesdays (5 January, 2 February, 2 March) at 9:00 in Cayenne (UTC-3), plus 20 January, minus 2 February.
    expect(startsOf('cayenne-smartphone')).toEqual(['2027-01-05T12:00:00.000Z', '2027-01-20T12:00:00.000Z', '2027-03-02T12:00:00.000Z']);
  });
  it('reads an all-day event from midnight to midnight in Paris', () => {
    const [day] = parsed.sessions.filter((s) => s.id.includes(':journee-numerique:'));
    expect(new Date(day!.startsAt).toISOString()).toBe('2027-03-14T23:00:00.000Z');
    expect(day!.endsAt - day!.startsAt).toBe(24 * 3_600_000);
  });
  it('expands any rule RFC 5545 allows (yearly here), and rejects a zone the calendar does not define', () => {
    expect(startsOf('fete-annuelle')).toEqual(['2027-06-01T12:00:00.000Z', '2028-06-01T12:00:00.000Z']);
    expect(parsed.rejected).toEqual([{ line: 4, field: 'DTSTART', reason: expect.stringContaining('2027-06-01T12:00:00') }]);
  });
});

describe('booking a seat through the service', () => {
  it('lists the next sessions as demo, books one, and never overbooks when people race for the last seats', async () => {
    const databasePath = join(dir, 'ateliers.sqlite');
    expect(runImport(databasePath, 'ateliers', demoCsv)).toContain('3 inserted');
    const relais = await startTestRelais({ databasePath, clock: new ManualClock(Date.UTC(2026, 10, 23, 9, 0)) });
    try {
      const walkToSessions = async (from: string, where: string) => {
        for (const line of ['Bonjour', '3', '9', '9', '9', '9', '9', '9']) await relais.sms(from, line);
        await relais.sms(from, '3'); // « Les prochains ateliers, pour réserver »
        return (await relais.sms(from, where)).messages.join('\n');
      };
      const list = await walkToSessions('+33655510000', '74000');
      expect(list).toContain('Débuter avec son smartphone (DÉMO)');
      expect(list).toContain('mardi 1 décembre à 14h');
      expect(list).toContain('démonstration');
      const booked = (await relais.sms('+33655510000', '1')).messages.join('\n');
      expect(booked).toContain("C'est réservé");
      expect(booked).toContain('démonstration');

      // Five people want the 3 seats of the Aix-les-Bains session, at the same moment.
      const people = Array.from({ length: 5 }, (_, i) => `+3365552000${i}`);
      const lists = [];
      for (const from of people) lists.push(await walkToSessions(from, '73100'));
      const rank = /(\d)\. Envoyer des photos/.exec(lists[0]!)![1]!;
      const answers = await Promise.all(people.map((from) => relais.sms(from, rank)));
      const confirmed = answers.filter((a) => a.messages.join().includes("C'est réservé")).length;
      expect(confirmed).toBe(3);
      expect(answers.filter((a) => a.messages.join().includes('plus de place')).length).toBe(2);
      expect(relais.query<{ seats_taken: number }>("select seats_taken from workshop_sessions where id = 'ateliers:demo-aix-1'")[0]!.seats_taken).toBe(3);
      expect(relais.query("select * from bookings where session_id = 'ateliers:demo-aix-1'")).toHaveLength(3);

      // SUPPRIMER frees the seat with the booking.
      const holder = people.find((_, i) => answers[i]!.messages.join().includes("C'est réservé"))!;
      await relais.sms(holder, 'SUPPRIMER');
      expect(relais.query<{ seats_taken: number }>("select seats_taken from workshop_sessions where id = 'ateliers:demo-aix-1'")[0]!.seats_taken).toBe(2);
    } finally {
      await relais.stop();
    }
  });
});
