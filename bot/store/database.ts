import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/client.ts';
import { applyMigrations, type MigrationFile, type SqlRunner } from './migrate.ts';
import { lockDataDir } from './dataDirLock.ts';

export type Db = PrismaClient;

// Transactions are short; these limits only matter on a loaded machine (the default 5 s is tight
// for the embedded database, which runs one transaction at a time).
const transactionOptions = { maxWait: 10_000, timeout: 15_000 };
/** The client handed to code running inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export type DatabaseTarget =
  /** poolSize: connections this process keeps to PostgreSQL (statements queue for a free one). */
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'embedded'; dataDir: string }
  /** In-memory PGlite, optionally starting from a dump made with `dumpDataDir()` (tests). */
  | { kind: 'memory'; loadFrom?: Blob };

export interface Database {
  prisma: PrismaClient;
  kind: DatabaseTarget['kind'];
  /** Runs a cheap query; throws when the database does not answer. */
  ping(): Promise<void>;
  /** Applies pending migrations (by default those in prisma/migrations); returns their names. */
  migrate(migrations?: MigrationFile[]): Promise<string[]>;
  close(): Promise<void>;
  /** The embedded engine, for tests that dump or clone it. */
  pglite?: PGlite;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') return openPostgres(target.url, target.poolSize ?? 20);
  const unlock = target.kind === 'embedded' ? await lockDataDir(target.dataDir) : async () => {};
  const pglite =
    target.kind === 'embedded'
      ? await PGlite.create(target.dataDir)
      : await PGlite.create(target.loadFrom ? { loadDataDir: target.loadFrom } : {});
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions });
  const runner: SqlRunner = {
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    query: async (sql, params) => (await pglite.query<Record<string, unknown>>(sql, params)).rows,
    transaction: (fn) =>
      pglite.transaction((tx) =>
        fn({
          exec: async (sql) => {
            await tx.exec(sql);
          },
          query: async (sql, params) => (await tx.query<Record<string, unknown>>(sql, params)).rows,
        }),
      ),
  };
  return {
    prisma,
    kind: target.kind,
    pglite,
    ping: async () => {
      await pglite.query('select 1');
    },
    migrate: (migrations) => applyMigrations(runner, migrations),
    close: async () => {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
      await unlock();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  // Short statements should not queue behind transactions; waiting longer than 10 s for a connection fails
  // the turn (with a Dutch message) instead of hanging it.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 10_000 });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions });
  const runner: SqlRunner = {
    exec: async (sql) => {
      await pool.query(sql);
    },
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          exec: async (sql) => {
            await client.query(sql);
          },
          query: async (sql, params) => (await client.query(sql, params)).rows,
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
  };
  return {
    prisma,
    kind: 'postgres',
    ping: async () => {
      await pool.query('select 1');
    },
    migrate: (migrations) => applyMigrations(runner, migrations),
    close: async () => {
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}
