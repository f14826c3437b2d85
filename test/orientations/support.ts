// Orientation suites' helpers: a structure and its relay (with a registered mobile) written straight into the
// database file the running server reads, as Réglages would after an invitation.
import { openSqliteDatabase } from '../../src/runtime/node/sqlite.js';
import { createUser } from '../support/workspace.js';

export async function createStructure(databasePath: string, structure: { departement: string; name: string; type?: string; placeId?: string }): Promise<string> {
  const database = openSqliteDatabase(databasePath);
  try {
    const id = crypto.randomUUID();
    await database.atomic([
      { sql: 'insert into structures (id, departement, name, type, place_id, created_at) values (?, ?, ?, ?, ?, ?)', params: [id, structure.departement, structure.name, structure.type ?? 'SAAD', structure.placeId ?? null, Date.now()] },
    ]);
    return id;
  } finally {
    database.close();
  }
}

/** A user of a structure (relay or structure staff), with a relay's mobile when given. */
export async function createStructureUser(databasePath: string, user: { email: string; departement: string; role: 'relay' | 'structure'; structureId: string; phone?: string }): Promise<string> {
  const id = await createUser(databasePath, { email: user.email, departement: user.departement, role: user.role });
  const database = openSqliteDatabase(databasePath);
  try {
    await database.atomic([{ sql: 'update users set structure_id = ?, phone = ? where id = ?', params: [user.structureId, user.phone ?? null, id] }]);
    return id;
  } finally {
    database.close();
  }
}

/** The token a link ends with. */
export const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);
