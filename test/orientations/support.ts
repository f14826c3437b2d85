// Orientation suites' helpers: a structure and its relay (with a registered mobile) written straight into the
// database file the running server reads, as Réglages would after an invitation.
import { openSqliteDatabase } from '../../src/runtime/node/sqlite.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../support/fake-twilio-rest.js';
import { ManualClock, startTestRelais, type TestRelais } from '../support/relais.js';
import { createUser, SESSION_SECRET, type WebClient } from '../support/workspace.js';
import { twoDepartments } from '../workspace/fixtures.js';

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

/** A department (74) with a SAAD's relay (registered mobile `RELAY_PHONE`) and a platform agent, a moved clock, the Twilio REST fake. */
export const RELAY_PHONE = '+33622334455';
export const RELAY_LABEL = 'relais@saad-lac.fr, SAAD Aide à domicile du lac';

export async function startWithRelay(): Promise<{ relais: TestRelais; rest: FakeTwilioRest }> {
  const rest = await startFakeTwilioRest();
  const relais = await startTestRelais({
    clock: new ManualClock(Date.parse('2026-11-23T10:00+01:00')),
    departments: twoDepartments(),
    sessionSecret: SESSION_SECRET,
    twilioApi: rest.twilioApi,
    disableScheduler: true,
  });
  const structureId = await createStructure(relais.databasePath, { departement: '74', name: 'Aide à domicile du lac', type: 'SAAD' });
  await createStructureUser(relais.databasePath, { email: 'relais@saad-lac.fr', departement: '74', role: 'relay', structureId, phone: RELAY_PHONE });
  await createUser(relais.databasePath, { email: 'agent@haute-savoie.fr', departement: '74' });
  return { relais, rest };
}

/** The place answers through the link the agent (signed in) creates for it on the orientation's page. */
export async function placeAnswers(relais: TestRelais, agent: WebClient, id: string, fields: Record<string, string>): Promise<void> {
  await agent.get(`/espace/orientations/${id}`);
  const linkPage = await agent.post(`/espace/orientations/${id}/lien`, {});
  const link = /<code id="lien-orientation">https:\/\/relais\.example\.fr(\/o\/[^<]+)<\/code>/.exec(linkPage.html)![1]!;
  const response = await fetch(`${relais.url}${link}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: relais.url },
    body: new URLSearchParams({ orientation: id, ...fields }).toString(),
  });
  if (response.status !== 200) throw new Error(`the place's answer was refused: ${response.status}`);
}
