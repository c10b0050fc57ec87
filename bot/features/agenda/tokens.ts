// Personal, revocable tokens for the year-agenda links (printable month, PDF, calendar feed).
//
// Design: each person has at most one active row in AgendaToken. The token itself is never stored:
// it is HMAC-SHA256(LINK_SECRET, "agenda:<person id>:<row id>"), of which the row keeps only the SHA-256.
// So the bot can show the same link again later (it recomputes the token from the row), a copy of the
// database alone gives no working links, and a request is checked by one lookup on the hash (no
// comparison of secrets that could leak timing) plus a constant-time check that the token still
// derives from the current secret. Revoking sets revokedAt; the next agendaLinksFor makes a new row
// (a new random row id), hence a new token. Changing LINK_SECRET invalidates every agenda link.
import crypto from 'node:crypto';
import type { Db } from '../../store/database.ts';
import { currentAgendaToken, findAgendaToken, type AgendaTokenHolder } from '../../store/agendaTokens.ts';

/** 32 base64url characters: 192 bits. */
const TOKEN_LENGTH = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;

export function deriveAgendaToken(secret: string, personId: string, tokenId: string): string {
  return crypto.createHmac('sha256', secret).update(`agenda:${personId}:${tokenId}`).digest('base64url').slice(0, TOKEN_LENGTH);
}

export const hashAgendaToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');

/** Derives a token from the composition root's secret (Services.agendaLinks.tokenFor). */
export type TokenFor = (personId: string, tokenId: string) => string;

/** The person's current token, made on first use; null for an unknown or deactivated person. */
export async function currentTokenOf(db: Db, tokenFor: TokenFor, personId: string, now: Date): Promise<string | null> {
  const id = await currentAgendaToken(
    db,
    personId,
    () => crypto.randomUUID(),
    (tokenId) => hashAgendaToken(tokenFor(personId, tokenId)),
    now,
  );
  return id ? tokenFor(personId, id) : null;
}

export type TokenCheck =
  | { ok: true; holder: AgendaTokenHolder }
  /** missing: no token or not a token's shape; unknown: no such token (or an old secret); revoked: the office
   * revoked it; inactive: the person is no longer in the organisation. */
  | { ok: false; reason: 'missing' | 'unknown' | 'revoked' | 'inactive' };

export async function checkAgendaToken(db: Db, tokenFor: TokenFor, token: string | null | undefined): Promise<TokenCheck> {
  if (!token || !TOKEN_SHAPE.test(token)) return { ok: false, reason: 'missing' };
  const row = await findAgendaToken(db, hashAgendaToken(token));
  if (!row) return { ok: false, reason: 'unknown' };
  const expected = Buffer.from(tokenFor(row.personId, row.id));
  const given = Buffer.from(token);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return { ok: false, reason: 'unknown' };
  if (row.revokedAt) return { ok: false, reason: 'revoked' };
  if (!row.holder.active) return { ok: false, reason: 'inactive' };
  return { ok: true, holder: row.holder };
}
