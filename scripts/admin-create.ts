// npm run admin:create -- --departement 48 --email admin@lozere.fr
// Creates a department's first administrator in the SQLite file (DATABASE_PATH). The password is read from
// RELAIS_ADMIN_PASSWORD, or asked for without echo. Run again for the same email: the password and role are reset.
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import * as z from 'zod';
import { createAccountRepository } from '../src/db/account-repository.js';
import { createDepartmentRepository } from '../src/db/department-repository.js';
import { hashPassword } from '../src/web/auth/crypto.js';
import { passwordSchema } from '../src/web/pages/invitation.js';
import { readNodeEnv } from '../src/runtime/node/env.js';
import { openSqliteDatabase } from '../src/runtime/node/sqlite.js';
import { readFileSync } from 'node:fs';
import { parseDepartments } from '../src/directory/departments.js';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values } = parseArgs({ options: { departement: { type: 'string' }, email: { type: 'string' } } });
const usage = 'usage: npm run admin:create -- --departement 48 --email admin@departement.fr  (password from RELAIS_ADMIN_PASSWORD, or asked)';
const departement = values.departement?.toUpperCase() ?? fail(usage);
if (!/^(\d{2}|2[AB]|97\d)$/.test(departement)) fail(`--departement: an INSEE department code such as 48, 2A or 974 (got "${departement}")`);
const email = z.email().safeParse(values.email?.trim().toLowerCase());
if (!email.success) fail(`--email: a valid email address is required\n${usage}`);

/** Asks for the password on the terminal without showing it. */
async function askPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) fail('no terminal to ask the password: set RELAIS_ADMIN_PASSWORD');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  output._writeToOutput = (s: string) => {
    if (s.includes(prompt)) output.output.write(s);
  };
  const answer = await new Promise<string>((resolve) => rl.question(prompt, resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

const password = process.env['RELAIS_ADMIN_PASSWORD'] || (await askPassword('Mot de passe : '));
const checked = passwordSchema.safeParse(password);
if (!checked.success) fail(checked.error.issues[0]!.message);

const env = readNodeEnv();
const database = openSqliteDatabase(env.DATABASE_PATH);
const departments = createDepartmentRepository(database);
if (env.DEPARTMENTS_FILE) await departments.seed(parseDepartments(JSON.parse(readFileSync(env.DEPARTMENTS_FILE, 'utf8'))).values(), Date.now());
if (!(await departments.all()).has(departement)) {
  // A department not described yet: created with its code as name, to be completed in Réglages.
  await departments.save({ code: departement, name: `Département ${departement}` }, Date.now());
}
const accounts = createAccountRepository(database);
const existing = await accounts.findByEmail(email.data);
const passwordHash = await hashPassword(password);
if (existing) {
  if (existing.departement !== departement) fail(`${email.data} already belongs to department ${existing.departement}`);
  await accounts.setPassword(existing.id, passwordHash);
  console.log(`${email.data}: password reset (department ${departement}, role ${existing.role})`);
} else {
  await accounts.createUser({ id: crypto.randomUUID(), departement, email: email.data, role: 'admin', passwordHash, at: Date.now() });
  console.log(`${email.data}: administrator of department ${departement} created in ${env.DATABASE_PATH}. Sign in at /espace/connexion.`);
}
database.close();
