// Drives the workspace over real HTTP as a browser would, without one: a cookie jar, the CSRF token read from each
// page, form posts with the page's own Origin. Users are created with the same code as `npm run admin:create`.
import { openSqliteDatabase } from '../../src/runtime/node/sqlite.js';
import { createAccountRepository } from '../../src/db/account-repository.js';
import { createDepartmentRepository } from '../../src/db/department-repository.js';
import { hashPassword } from '../../src/web/auth/crypto.js';

export const SESSION_SECRET = 'test-session-secret-0123456789abcdef-0123456789';
export const PASSWORD = 'un mot de passe assez long';

/** Creates a user straight in the database file (the server reads the same file). */
export async function createUser(databasePath: string, user: { email: string; departement: string; role?: string; password?: string }): Promise<string> {
  const database = openSqliteDatabase(databasePath);
  try {
    const departments = createDepartmentRepository(database);
    if (!(await departments.all()).has(user.departement)) await departments.save({ code: user.departement, name: `Département ${user.departement}` }, Date.now());
    const id = crypto.randomUUID();
    await createAccountRepository(database).createUser({
      id,
      departement: user.departement,
      email: user.email,
      role: user.role ?? 'agent',
      passwordHash: await hashPassword(user.password ?? PASSWORD),
      at: Date.now(),
    });
    return id;
  } finally {
    database.close();
  }
}

export interface PageResponse {
  status: number;
  location: string | null;
  html: string;
}

export class WebClient {
  cookie = '';
  csrf = '';

  constructor(readonly baseUrl: string) {}

  private remember(response: Response) {
    const set = response.headers.getSetCookie();
    for (const line of set) {
      const [pair] = line.split(';');
      if (pair?.startsWith('relais_session=')) this.cookie = /Max-Age=0/i.test(line) || pair === 'relais_session=' ? '' : pair;
    }
  }

  private async read(response: Response): Promise<PageResponse> {
    this.remember(response);
    const html = await response.text();
    const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
    if (token) this.csrf = token;
    return { status: response.status, location: response.headers.get('location'), html };
  }

  async get(path: string): Promise<PageResponse> {
    return this.read(await fetch(`${this.baseUrl}${path}`, { redirect: 'manual', headers: this.cookie ? { Cookie: this.cookie } : {} }));
  }

  /** Posts a form; the CSRF token of the last page is added unless `csrf` is given (null: none at all). */
  async post(path: string, fields: Record<string, string>, options: { csrf?: string | null; origin?: string } = {}): Promise<PageResponse> {
    const body = new URLSearchParams(fields);
    const csrf = options.csrf === undefined ? this.csrf : options.csrf;
    if (csrf !== null && csrf !== '') body.set('csrf', csrf);
    return this.read(
      await fetch(`${this.baseUrl}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: options.origin ?? this.baseUrl, ...(this.cookie ? { Cookie: this.cookie } : {}) },
        body: body.toString(),
      }),
    );
  }

  async postMultipart(path: string, form: FormData): Promise<PageResponse> {
    form.set('csrf', this.csrf);
    return this.read(await fetch(`${this.baseUrl}${path}`, { method: 'POST', redirect: 'manual', headers: { Origin: this.baseUrl, Cookie: this.cookie }, body: form }));
  }

  async signIn(email: string, password = PASSWORD): Promise<PageResponse> {
    return this.post('/espace/connexion', { email, password }, { csrf: null });
  }
}

/** The text of an HTML fragment, tags removed and entities of the escaper decoded, for assertions on what is read. */
export const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
