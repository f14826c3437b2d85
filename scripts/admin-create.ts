// npm run admin:create -- --departement 48 --email admin@lozere.fr [--sql admin.sql]
// Creates a department's first administrator in the SQLite file (DATABASE_PATH). The password is read from
// RELAIS_ADMIN_PASSWORD, or asked for without echo. Run again for the same email: the password is reset.
// With --sql FILE nothing local is touched: the same rows are written as SQL for D1 (`wrangler d1 execute`), since
// a Worker's database is reached through wrangler, not from this command.
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import * as z from 'zod';
import { createAccountRepository } from '../src/db/account-repository.js';
import { createDepartmentRepository } from '../src/db/department-repository.js';
import { hashPassword } from '../src/web/auth/crypto.js';
import { passwordSchema } from '../src/web/pages/invitation.js';
import { readNodeEnv } from '../src/runtime/node/env.js';
import { openSqliteDatabase } from '../src/runtime/node/sqlite.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { inlineSql } from './sql-file.js';
import { parseDepartments } from '../src/directory/departments.js';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

// --national: a super-administrator (every department's figures, nothing else); never created by an invitation.
const { values } = parseArgs({ options: { departement: { type: 'string' }, email: { type: 'string' }, national: { type: 'boolean' }, sql: { type: 'string' } } });
const role = values.national ? 'superadmin' : 'admin';
const usage = 'usage: npm run admin:create -- --departement 48 --email admin@departement.fr [--national] [--sql admin.sql]  (password from RELAIS_ADMIN_PASSWORD, or asked)';
if (values.sql === '') fail('--sql needs a file name: --sql admin.sql');
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
const database = openSqliteDatabase(values.sql ? ':memory:' : env.DATABASE_PATH);
const departments = createDepartmentRepository(database);
if (env.DEPARTMENTS_FILE) await departments.seed(parseDepartments(JSON.parse(readFileSync(env.DEPARTMENTS_FILE, 'utf8'))).values(), Date.now());
if (!(await departments.all()).has(departement)) {
  // A department not described yet: created with its code as name, to be completed in Réglages.
  await departments.save({ code: departement, name: `Département ${departement}` }, Date.now());
}
const accounts = createAccountRepository(database);
const existing = await accounts.findByEmail(email.data);
const passwordHash = await hashPassword(password);
if (values.sql) {
  // The department as seeded (never overwriting what Réglages saved on D1), and the administrator, whose password is
  // reset if the email exists there already.
  const department = (await departments.all()).get(departement)!;
  const statements = [
    inlineSql('insert into departments (code, name, settings, updated_at) values (?, ?, ?, ?) on conflict (code) do nothing', [department.code, department.name, JSON.stringify(department), Date.now()]),
    inlineSql(
      'insert into users (id, departement, email, role, password_hash, created_at) values (?, ?, ?, ?, ?, ?) on conflict (email) do update set password_hash = excluded.password_hash where users.departement = excluded.departement',
      [crypto.randomUUID(), departement, email.data, role, passwordHash, Date.now()],
    ),
  ];
  writeFileSync(values.sql, `${statements.join(';\n')};\n`);
  console.log(`${email.data}: administrator of department ${departement} written to ${values.sql}. Apply it to D1: npx wrangler d1 execute relais --remote --file ${values.sql}`);
} else if (existing) {
  if (existing.departement !== departement) fail(`${email.data} already belongs to department ${existing.departement}`);
  await accounts.setPassword(existing.id, passwordHash);
  console.log(`${email.data}: password reset (department ${departement}, role ${existing.role})`);
} else {
  await accounts.createUser({ id: crypto.randomUUID(), departement, email: email.data, role, passwordHash, at: Date.now() });
  console.log(`${email.data}: ${values.national ? 'national super-administrator' : 'administrator'} of department ${departement} created in ${env.DATABASE_PATH}. Sign in at /espace/connexion.`);
}
database.close();
