// npm run test:clock: the date-sensitive tests at moments where calendars bite — a Friday evening, a
// Saturday, the nights the clocks change (spring and autumn) and New Year's Eve. Each run sets the tests'
// clock with TEST_NOW (test/support/clock.ts); the product takes its time from that clock.
import { spawnSync } from 'node:child_process';

const MOMENTS = [
  ['Friday evening', '2026-11-27T19:30'],
  ['Saturday', '2026-11-28T11:00'],
  ['spring DST change', '2027-03-28T01:30'],
  ['autumn DST change', '2027-10-31T02:30'],
  ["New Year's Eve", '2026-12-31T23:30'],
];
// On a PostgreSQL server (CI's second pass) the date logic is the same code as on the embedded database, which
// ran all moments already; there the clocks-change night and New Year's Eve check the SQL side.
const ON_SERVER = new Set(['spring DST change', "New Year's Eve"]);
const moments = process.env.TEST_DATABASE_URL ? MOMENTS.filter(([name]) => ON_SERVER.has(name)) : MOMENTS;
const FILES = [
  'test/reminders.test.ts',
  'test/casework.test.ts',
  'test/retention.test.ts',
  'test/agenda-view.test.ts',
  'test/plan-appointments.test.ts',
];

const failed = [];
for (const [name, moment] of moments) {
  console.log(`\n=== ${name}: ${moment} (Europe/Amsterdam) ===`);
  const result = spawnSync('npx', ['vitest', 'run', ...FILES], { stdio: 'inherit', env: { ...process.env, TEST_NOW: moment } });
  if (result.status !== 0) failed.push(`${name} (${moment})`);
}
if (failed.length) {
  console.error(`\nDate-sensitive tests failed at: ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`\nDate-sensitive tests passed at all ${moments.length} moments.`);
