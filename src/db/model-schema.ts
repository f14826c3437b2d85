// The understanding model's daily budget: requests counted per department and day (Paris time), in the database so
// that every process and Worker isolate shares one count. No personal data: a department code, a day, a number.
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const modelUsage = sqliteTable(
  'model_usage',
  {
    /** The department's code, or « - » for conversations attached to none. */
    departement: text('departement').notNull(),
    /** YYYY-MM-DD, Europe/Paris. */
    day: text('day').notNull(),
    requests: integer('requests').notNull(),
  },
  (t) => [primaryKey({ columns: [t.departement, t.day] })],
);
