// Counting database round trips from outside the product code. Prisma 7 with driver adapters does emit
// `$on('query')` events when the client is built with `log: [{ emit: 'event', level: 'query' }]`, but they
// carry no transaction boundaries and no waiting time. So the driver adapter itself is wrapped: every
// statement Prisma sends (queryRaw / executeRaw, inside or outside a transaction), every transaction
// (time to acquire it: PGlite's engine mutex or a pool connection, plus BEGIN; time it is held; how many
// statements), with timings. The bot is then started with that database (`startBot({ database })`).
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../bot/store/generated/client.ts';
import { openDatabase, type Database, type DatabaseTarget } from '../../bot/store/database.ts';

export interface Statement {
  /** select / insert / update / delete / begin / commit / rollback / other */
  kind: string;
  /** The table (first quoted name after FROM/INTO/UPDATE) or function, e.g. "Person", "pg_advisory_xact_lock". */
  table: string;
  inTx: boolean;
  ms: number;
  sql: string;
}

export interface TxRecord {
  /** From asking for a transaction until BEGIN has run (queueing for PGlite's mutex or a pool connection). */
  acquireMs: number;
  /** From BEGIN until COMMIT/ROLLBACK has finished. */
  holdMs: number;
  statements: number;
  committed: boolean;
}

export class DbCounters {
  statements: Statement[] = [];
  transactions: TxRecord[] = [];
  /** Keep every statement's SQL head (for per-turn listings); off under load to save memory. */
  keepSql = true;

  reset(): void {
    this.statements = [];
    this.transactions = [];
  }

  snapshot() {
    return { statements: this.statements, transactions: this.transactions };
  }
}

export function classify(sql: string): { kind: string; table: string } {
  const s = sql.replace(/^\s*(--[^\n]*\n\s*)*/, '').trimStart();
  const kind = (/^(\w+)/.exec(s)?.[1] ?? 'other').toLowerCase();
  const table =
    /(?:FROM|INTO|UPDATE)\s+(?:"public"\.)?"(\w+)"/i.exec(s)?.[1] ??
    /\b(pg_advisory_xact_lock|pg_advisory_lock|now)\s*\(/i.exec(s)?.[1] ??
    /"(\w+)"/.exec(s)?.[1] ??
    '';
  return { kind: ['select', 'insert', 'update', 'delete', 'begin', 'commit', 'rollback', 'with'].includes(kind) ? kind : 'other', table };
}

type Query = { sql: string; args: unknown[]; argTypes: unknown[] };
type Queryable = { queryRaw(q: Query): Promise<unknown>; executeRaw(q: Query): Promise<number> };
type Tx = Queryable & { commit(): Promise<void>; rollback(): Promise<void>; options?: { usePhantomQuery?: boolean } };
type Adapter = Queryable & { startTransaction(isolationLevel?: string): Promise<Tx> };
type Factory = { connect(): Promise<Adapter> };

function wrapQueryable<T extends Queryable>(target: T, counters: DbCounters, inTx: boolean, onStatement?: (s: Statement) => void): T {
  const timed =
    (method: 'queryRaw' | 'executeRaw') =>
    async (q: Query): Promise<any> => {
      const t0 = performance.now();
      try {
        return await (target[method] as (q: Query) => Promise<unknown>).call(target, q);
      } finally {
        const { kind, table } = classify(q.sql);
        const s: Statement = { kind, table, inTx, ms: performance.now() - t0, sql: counters.keepSql ? q.sql.slice(0, 300) : '' };
        counters.statements.push(s);
        onStatement?.(s);
      }
    };
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (prop === 'queryRaw') return timed('queryRaw');
      if (prop === 'executeRaw') return timed('executeRaw');
      const v = Reflect.get(t, prop, receiver);
      return typeof v === 'function' ? v.bind(t) : v;
    },
  });
}

function wrapAdapter(adapter: Adapter, counters: DbCounters): Adapter {
  const plain = wrapQueryable(adapter, counters, false);
  return new Proxy(plain, {
    get(t, prop, receiver) {
      if (prop !== 'startTransaction') return Reflect.get(t, prop, receiver);
      return async (isolationLevel?: string) => {
        const t0 = performance.now();
        const tx = await adapter.startTransaction(isolationLevel);
        const acquired = performance.now();
        // BEGIN is sent inside startTransaction (by the pg adapter, or by PGlite's transaction()).
        counters.statements.push({ kind: 'begin', table: '', inTx: true, ms: acquired - t0, sql: counters.keepSql ? 'BEGIN' : '' });
        let statements = 0;
        let sawEnd = false;
        const wrapped = wrapQueryable(tx, counters, true, (s) => {
          statements++;
          if (s.kind === 'commit' || s.kind === 'rollback') sawEnd = true;
        });
        const finish = (committed: boolean) => async () => {
          const te = performance.now();
          try {
            await (committed ? tx.commit() : tx.rollback());
          } finally {
            // PGlite ends the transaction itself ("phantom" COMMIT); count it as the round trip it is.
            if (!sawEnd)
              counters.statements.push({
                kind: committed ? 'commit' : 'rollback',
                table: '',
                inTx: true,
                ms: performance.now() - te,
                sql: '',
              });
            counters.transactions.push({ acquireMs: acquired - t0, holdMs: performance.now() - acquired, statements, committed });
          }
        };
        return new Proxy(wrapped, {
          get(w, p, r) {
            if (p === 'commit') return finish(true);
            if (p === 'rollback') return finish(false);
            return Reflect.get(w, p, r);
          },
        });
      };
    },
  });
}

export function instrumentFactory<F extends object>(factory: F, counters: DbCounters): F {
  const f = factory as unknown as Factory;
  return new Proxy(factory, {
    get(t, prop, receiver) {
      if (prop === 'connect') return async () => wrapAdapter(await f.connect(), counters);
      const v = Reflect.get(t, prop, receiver);
      return typeof v === 'function' ? v.bind(t) : v;
    },
  });
}

/**
 * The bot's database (bot/store/database.ts opens it: migrations, ping, close) with a second Prisma
 * client over an instrumented adapter in its place. Same transaction limits as the product's client.
 */
export async function openInstrumentedDatabase(
  target: Exclude<DatabaseTarget, { kind: 'memory' }>,
  counters: DbCounters,
): Promise<Database> {
  const base = await openDatabase(target);
  let pool: pg.Pool | undefined;
  let factory: object;
  if (target.kind === 'postgres') {
    pool = new pg.Pool({ connectionString: target.url, max: 10 });
    factory = new PrismaPg(pool);
  } else {
    factory = new PrismaPGlite(base.pglite!);
  }
  const prisma = new PrismaClient({
    adapter: instrumentFactory(factory, counters) as NonNullable<ConstructorParameters<typeof PrismaClient>[0]['adapter']>,
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
  return {
    ...base,
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await pool?.end().catch(() => {});
      await base.close();
    },
  };
}

/** Statement counts per turn, grouped as "kind table" (e.g. "select Person ×1"). */
export function describeStatements(statements: Statement[]): string {
  const groups = new Map<string, number>();
  for (const s of statements) {
    const key = s.kind === 'begin' || s.kind === 'commit' || s.kind === 'rollback' ? s.kind.toUpperCase() : `${s.kind} ${s.table}`.trim();
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)).join(', ');
}
