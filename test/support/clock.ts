import { DateTime } from 'luxon';

export const ZONE = 'Europe/Amsterdam';

/**
 * The tests' clock. No test reads today's date: every file starts at the same fixed moment, or at
 * TEST_NOW (an ISO moment in Dutch time) when set — `npm run test:clock` runs the date-sensitive
 * files at a Friday evening, a Saturday, both DST changes and New Year's Eve. The clock ticks with
 * real time from there, so events written one after the other keep their order.
 */
export const DEFAULT_TEST_NOW = '2026-11-25T10:00'; // a Wednesday morning

function parseStart(iso: string): number {
  const start = DateTime.fromISO(iso, { zone: ZONE });
  if (!start.isValid) throw new Error(`TEST_NOW is not an ISO moment: ${iso}`);
  return start.toMillis();
}

export class TestClock {
  private base: number;
  /** Elapsed time comes from the monotonic clock: the wall clock (today's date, DST) is never read. */
  private setAt = performance.now();

  constructor(start: string = process.env.TEST_NOW || DEFAULT_TEST_NOW) {
    this.base = parseStart(start);
  }

  now = (): Date => new Date(this.base + (performance.now() - this.setAt));

  /** Jumps to a moment; the clock ticks on from there. */
  set(moment: Date): void {
    this.base = moment.getTime();
    this.setAt = performance.now();
  }

  /** Today's date in Dutch time plus N days, as Input.Date sends it. */
  isoDay(offsetDays: number): string {
    return this.dutch().plus({ days: offsetDays }).toISODate()!;
  }

  /** This moment in Dutch time. */
  dutch(): DateTime {
    return DateTime.fromJSDate(this.now(), { zone: ZONE });
  }

  /** N days ago (exact 24-hour days), for back-dating rows. */
  daysAgo(days: number): Date {
    return new Date(this.now().getTime() - days * 86_400_000);
  }

  /** The first Monday–Friday at least `days` calendar days from now, at 10:00 Dutch time. */
  weekdayIn(days: number): Date {
    let d = this.dutch().startOf('day').plus({ days }).set({ hour: 10 });
    while (d.weekday > 5) d = d.plus({ days: 1 });
    return d.toJSDate();
  }
}

/** One clock per test file (vitest runs each file in its own module context). */
export const clock = new TestClock();
