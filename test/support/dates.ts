import { clock } from './clock.ts';

/** A date N days from the test clock's today in Dutch time, as Input.Date sends it. */
export function isoDay(offsetDays: number): string {
  return clock.isoDay(offsetDays);
}
