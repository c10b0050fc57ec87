import { DateTime } from 'luxon';

/** Fixed moments for the unit tests, written in Dutch local time (as in test/support/clock.ts). No test reads today's date. */
export const ZONE = 'Europe/Amsterdam';

/** "2026-11-25T10:00" in Dutch time → a Date. Throws on a typo, so a test never runs at an invalid moment. */
export function at(local: string): Date {
  const d = DateTime.fromISO(local, { zone: ZONE });
  if (!d.isValid) throw new Error(`not an ISO moment: ${local}`);
  return d.toJSDate();
}

/** The same default moment as the project's test clock: Wednesday 25 November 2026, 10:00. */
export const WEDNESDAY = at('2026-11-25T10:00');
