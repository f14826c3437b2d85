// The million-conversation goal holds only if no statement a turn runs walks a table: every SQL the real service
// prepares while it answers SMS and phone turns (reads through drizzle, writes through the group commit, a redelivery,
// « répéter », a callback request, SUPPRIMER) is asked for its query plan, and no plan may SCAN a stored table, nor
// depend on the values bound (SQLite would compile such a statement again on every run).
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSid, startTestRelais, type TestRelais } from '../support/relais.js';

/** Every SQL run while recording, with the parameters of its first run there (plans need them bound). */
const seen = new Map<string, unknown[]>();
let recording = false;
const originalPrepare = Database.prototype.prepare;

let relais: TestRelais;
beforeAll(async () => {
  // Patched before the service starts: the store prepares its hot reads once, at start.
  Database.prototype.prepare = function (this: Database.Database, sql: string) {
    const statement = originalPrepare.call(this, sql);
    if (this.readonly) return statement;
    for (const method of ['run', 'all', 'get', 'iterate'] as const) {
      const original = statement[method] as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        if (recording && !seen.has(sql)) seen.set(sql, args);
        return original.apply(statement, args);
      };
    }
    return statement;
  } as typeof Database.prototype.prepare;
  relais = await startTestRelais();
});
afterAll(async () => {
  Database.prototype.prepare = originalPrepare;
  await relais.stop();
});

/**
 * The plan's lines that walk a whole stored table. A VALUES list (named `v` where the turn stores its texts), a
 * constant row (`one`, which the turn's first read joins its conversation to) or a subquery's result are fine; so is
 * the geocoder's cache, which SUPPRIMER reads whole to find the entries the person's words made: it holds one row per
 * distinct place query of the retention period, not per turn. Aliases are named as written, so the list is of what
 * may be scanned, never of what may not.
 */
function tableScans(plan: { detail: string }[]): string[] {
  return plan
    .map((p) => p.detail)
    .filter((d) => /^SCAN /.test(d) && !/USING (COVERING )?INDEX/.test(d))
    .filter((d) => !/^SCAN (CONSTANT ROW|\d+-ROW VALUES CLAUSE|\(subquery|v$|one$|geocode_cache$)/.test(d));
}

describe("a turn's statements", () => {
  it('all find their rows through an index, on every path a turn takes', async () => {
    recording = true;
    try {
      const from = '+33612340001';
      for (const text of ['Bonjour', '1', '74000']) expect((await relais.sms(from, text)).status).toBe(200);
      const sid = newSid();
      await relais.sms(from, 'menu', { messageSid: sid });
      await relais.sms(from, 'menu', { messageSid: sid }); // Twilio's redelivery
      await relais.sms(from, 'répéter');
      await relais.sms(from, 'AIDE');
      const call = await relais.call('+33612340002');
      await call.press('1');
      await call.press('74000#');
      await relais.sms('+33612340003', 'Bonjour');
      // A caregiver writes their relative's number; the relative then erases it from everyone's data.
      await relais.sms('+33612340003', 'Le portable de ma mère est le 06 12 34 00 04');
      await relais.sms('+33612340004', 'SUPPRIMER');
      await relais.sms('+33612340003', 'SUPPRIMER');
    } finally {
      recording = false;
    }

    const planner = new Database(relais.databasePath, { readonly: true });
    const scanning: Record<string, string[]> = {};
    const replanned: Record<string, string[]> = {};
    const planOf = (sql: string, params: unknown[]) => (planner.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((p) => p.detail);
    for (const [sql, params] of seen) {
      if (/^\s*(begin|commit|rollback|savepoint|release|pragma)/i.test(sql)) continue;
      const plan = planOf(sql, params);
      const scans = tableScans(plan.map((detail) => ({ detail })));
      if (scans.length > 0) scanning[sql] = scans;
      // A plan that changes with the values bound is one SQLite plans again on every run (a partial index used
      // through a bound value does that): the statement is prepared once but compiled each time.
      const withOtherValues = planOf(sql, params.map(() => null));
      if (withOtherValues.join('\n') !== plan.join('\n')) replanned[sql] = withOtherValues;
    }
    planner.close();
    // The test sees the hot path: the conversation write, the message log and the delivery check at least.
    const statements = [...seen.keys()].join('\n');
    for (const table of ['conversations', 'messages', 'processed_webhooks', 'callback_requests', 'activity_facts', 'number_mentions']) expect(statements).toContain(table);
    expect(scanning).toEqual({});
    expect(replanned).toEqual({});
  });
});
