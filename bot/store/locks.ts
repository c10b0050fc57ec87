import type { Tx } from './database.ts';

/**
 * Serialises transactions that touch the same thing (e.g. one person's registration) on
 * PostgreSQL and PGlite alike; released at commit or rollback.
 */
export async function lockFor(tx: Tx, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}
