import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../bot/store/database.ts';
import { readMigrations } from '../bot/store/migrate.ts';
import { createEmptyPostgresDatabase, createTestDatabase } from './support/testDatabase.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const fn of cleanup.reverse()) await fn();
});

/** Two handles on one empty database: two bot instances on PostgreSQL, or one embedded database. */
async function twoHandlesOnEmptyDatabase(): Promise<[Database, Database]> {
  if (serverUrl) {
    const empty = await createEmptyPostgresDatabase(serverUrl);
    const a = await openDatabase({ kind: 'postgres', url: empty.url });
    const b = await openDatabase({ kind: 'postgres', url: empty.url });
    cleanup.push(empty.drop, a.close, b.close);
    return [a, b];
  }
  // PGlite allows one process per data directory; concurrency happens inside that process.
  const db = await openDatabase({ kind: 'memory' });
  cleanup.push(db.close);
  return [db, db];
}

describe('the embedded database', () => {
  it('refuses a second process on the same data directory, and frees it on close', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sot-lock-'));
    const dataDir = path.join(dir, 'data');
    fs.writeFileSync(`${dataDir}.lock`, `${process.ppid}@${os.hostname()}`); // a living process here holds it
    await expect(openDatabase({ kind: 'embedded', dataDir })).rejects.toThrow(/in gebruik door een ander proces/);
    fs.writeFileSync(`${dataDir}.lock`, `999999999@${os.hostname()}`); // left behind by a process that is gone
    const db = await openDatabase({ kind: 'embedded', dataDir });
    expect(fs.readFileSync(`${dataDir}.lock`, 'utf8')).toBe(`${process.pid}@${os.hostname()}`);
    await expect(openDatabase({ kind: 'embedded', dataDir })).rejects.toThrow(/in gebruik/); // not twice in one process either
    await db.close();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('migrations', () => {
  it('are applied once when two instances start at the same moment, and recorded for Prisma', async () => {
    const [a, b] = await twoHandlesOnEmptyDatabase();
    const [first, second] = await Promise.all([a.migrate(), b.migrate()]);
    const all = readMigrations().map((m) => m.name);
    expect([...first, ...second].sort()).toEqual(all.sort());
    expect(first.length === 0 || second.length === 0).toBe(true);

    const rows = await a.prisma.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM "_prisma_migrations" ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(all);
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);

    // The schema is there and usable through Prisma.
    await a.prisma.swv.create({ data: { code: 'PO0001', name: 'Test' } });
    expect(await b.prisma.swv.count()).toBe(1);
    // A third run changes nothing.
    expect(await a.migrate()).toEqual([]);
  });

  it('refuse to run when an applied migration file was edited afterwards', async () => {
    const db = await createTestDatabase(); // already migrated
    cleanup.push(db.close);
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await expect(db.migrate(edited)).rejects.toThrow(/changed after it was applied/);
  });
});
