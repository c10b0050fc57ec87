// npm run test:e2e: the Agents Playground end-to-end tests, one file at a time (each starts a bot,
// the Playground and Chromium; in parallel they starve each other on two cores).
// They run the bot on its embedded database, so the PostgreSQL pass of CI (TEST_DATABASE_URL) skips them.
import { spawnSync } from 'node:child_process';

if (process.env.TEST_DATABASE_URL) {
  console.log('End-to-end tests skipped in the PostgreSQL pass: they use the embedded database and ran in the PGlite pass.');
  process.exit(0);
}
const result = spawnSync('npx', ['vitest', 'run', 'test/e2e', '--maxWorkers=1'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
