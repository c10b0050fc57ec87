// A throw-away PostgreSQL 15 server for the benchmarks, started the way .ci/run does: initdb into a
// temporary directory and pg_ctl start on a free loopback port, as the postgres user when run as root.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import { freePort } from './children.ts';

const PGBIN = '/usr/lib/postgresql/15/bin';

export interface ThrowAwayPostgres {
  url: string;
  stop(): void;
}

function asPostgres(cmd: string): void {
  const root = process.getuid?.() === 0;
  if (root) execFileSync('su', ['postgres', '-c', cmd], { stdio: ['ignore', 'ignore', 'pipe'] });
  else execFileSync('sh', ['-c', cmd], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Starts a server or throws with the reason (no binaries, no postgres user, …). */
export async function startThrowAwayPostgres(): Promise<ThrowAwayPostgres> {
  if (!fs.existsSync(path.join(PGBIN, 'initdb'))) throw new Error(`no PostgreSQL 15 at ${PGBIN} (apt-get install -y postgresql)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sot-bench-pg.'));
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
  const port = await freePort();
  const user = process.getuid?.() === 0 ? 'postgres' : os.userInfo().username;
  asPostgres(`${PGBIN}/initdb -D ${dir} -A trust -U ${user} >/dev/null`);
  asPostgres(`${PGBIN}/pg_ctl -D ${dir} -o '-k /tmp -h 127.0.0.1 -p ${port}' -l ${dir}/server.log -w start >/dev/null`);
  return {
    url: `postgres://${user}@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        asPostgres(`${PGBIN}/pg_ctl -D ${dir} -m fast stop >/dev/null`);
      } catch {
        // already gone
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new empty database on the server; `drop` removes it again. */
export async function createDatabase(serverUrl: string, prefix = 'sot_bench'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${crypto.randomBytes(5).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: async () => void (await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}

export async function adminQuery(serverUrl: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Samples pg_stat_activity while a load runs: how many backends of this database wait for a lock
 * (wait_event_type = 'Lock'), by wait event (advisory, transactionid, tuple, …).
 */
export function sampleLockWaits(databaseUrl: string, everyMs = 50) {
  const client = new pg.Client({ connectionString: databaseUrl });
  let timer: NodeJS.Timeout | undefined;
  let samples = 0;
  let waitingSum = 0;
  let waitingMax = 0;
  const byEvent = new Map<string, number>();
  let busy = false;
  const started = client.connect().then(() => {
    timer = setInterval(async () => {
      if (busy) return;
      busy = true;
      try {
        const r = await client.query<{ wait_event: string; n: string }>(
          `SELECT wait_event, count(*) AS n FROM pg_stat_activity
           WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'
           GROUP BY wait_event`,
        );
        samples++;
        const waiting = r.rows.reduce((a, row) => a + Number(row.n), 0);
        waitingSum += waiting;
        waitingMax = Math.max(waitingMax, waiting);
        for (const row of r.rows) byEvent.set(row.wait_event, (byEvent.get(row.wait_event) ?? 0) + Number(row.n));
      } catch {
        // a sample lost is fine
      } finally {
        busy = false;
      }
    }, everyMs);
  });
  return {
    async stop() {
      await started;
      clearInterval(timer);
      await client.end();
      return {
        samples,
        meanWaiting: samples ? waitingSum / samples : 0,
        maxWaiting: waitingMax,
        /** Share of samples' waiting backends per wait event. */
        byEvent: Object.fromEntries(byEvent),
      };
    },
  };
}
