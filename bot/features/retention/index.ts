// Keep pupil data and personal data no longer than needed (domain.md, privacy). Runs with the reminders.
import type { Db } from '../../store/database.ts';
import { anonymiseExpiredRequests } from './anonymise.ts';
import { expireInactiveRequests } from './expire.ts';
import { purgeStaleContacts } from './purge.ts';

export interface RetentionPolicy {
  retentionDays: number;
  registrationDays: number;
  unknownContactDays: number;
  inactiveRequestDays: number;
  sparringDays: number;
}

/** One retention pass: expire forgotten requests, anonymise old closed ones, forget stale contacts. */
export async function applyRetention(db: Db, now: Date, policy: RetentionPolicy) {
  const expired = await expireInactiveRequests(db, now, policy);
  const anonymised = await anonymiseExpiredRequests(db, now, policy.retentionDays);
  const purged = await purgeStaleContacts(db, now, policy);
  return { expired, anonymised, ...purged };
}
