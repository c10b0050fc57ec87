// A throw-away PostgreSQL server for the fault matrix (Debian's postgresql package, as .ci/run uses),
// which can be restarted mid-run. Runs as the postgres user when started as root.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../scripts/dev/processes.ts';

const PGBIN = '/usr/lib/postgresql/15/bin';

export async function startThrowawayPostgres(): Promise<{ url: string; restart: () => Promise<void>; stop: () => Promise<void> }> {
  if (!fs.existsSync(path.join(PGBIN, 'initdb'))) throw new Error(`${PGBIN}/initdb not found (apt-get install postgresql)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sot-faults-pg-'));
  const port = await findFreePort();
  const asPostgres = process.getuid?.() === 0;
  const run = (bin: string, args: string[]) => {
    if (asPostgres)
      execFileSync('su', ['postgres', '-c', [path.join(PGBIN, bin), ...args].map((a) => `'${a}'`).join(' ')], { stdio: 'ignore' });
    else execFileSync(path.join(PGBIN, bin), args, { stdio: 'ignore' });
  };
  if (asPostgres) execFileSync('chown', ['postgres:postgres', dir]);
  run('initdb', ['-D', dir, '-A', 'trust', '-U', 'postgres']);
  const start = () =>
    run('pg_ctl', ['-D', dir, '-o', `-k /tmp -h 127.0.0.1 -p ${port}`, '-l', path.join(dir, 'server.log'), '-w', 'start']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: async () => {
      run('pg_ctl', ['-D', dir, '-m', 'immediate', 'stop']);
      await new Promise((r) => setTimeout(r, 1_000));
      start();
    },
    stop: async () => {
      try {
        run('pg_ctl', ['-D', dir, '-m', 'fast', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
