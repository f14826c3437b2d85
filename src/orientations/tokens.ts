// Links without an account: a random token (32 bytes, URL-safe) given once, its SHA-256 kept. The answer link is
// single-use; the sheet's can be opened again until it expires.
import { randomToken, sha256Hex } from '../web/auth/crypto.js';
import type { OrientationRepository, TokenKind } from '../db/orientation-repository.js';

export const ANSWER_TOKEN_DAYS = 14;
export const SHEET_TOKEN_DAYS = 60;

export async function issueToken(repository: Pick<OrientationRepository, 'createToken'>, orientationId: string, kind: TokenKind, at: number, days: number): Promise<string> {
  const token = randomToken();
  await repository.createToken({ id: crypto.randomUUID(), orientationId, kind, hash: await sha256Hex(token), at, expiresAt: at + days * 86_400_000 });
  return token;
}

export { sha256Hex as tokenHash };
