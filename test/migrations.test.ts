import { spawn, spawnSync } from 'node:child_process';
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
    const db = await openDatabase({ kind: 'embedded', dataDir });
    await expect(openDatabase({ kind: 'embedded', dataDir })).rejects.toThrow(/in gebruik door een ander proces/); // not twice in one process
    const other = spawnSync(process.execPath, ['--import', 'tsx', '-e', openInChild(dataDir)], { encoding: 'utf8' });
    expect(other.stderr + other.stdout).toMatch(/in gebruik door een ander proces/);
    await db.close();
    const again = await openDatabase({ kind: 'embedded', dataDir });
    await again.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('is free again at once after the holder was killed (SIGKILL), whatever its pid', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sot-lock-'));
    const dataDir = path.join(dir, 'data');
    const holder = spawn(
      process.execPath,
      ['--import', 'tsx', '-e', `${openInChild(dataDir)}; console.log('open'); setInterval(() => {}, 1000);`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout!.on('data', (d) => String(d).includes('open') && resolve()));
    await expect(openDatabase({ kind: 'embedded', dataDir })).rejects.toThrow(/in gebruik/);
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    const db = await openDatabase({ kind: 'embedded', dataDir });
    expect(await db.migrate()).toEqual([]); // the killed process had migrated it; the data is intact
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});

/** A child process that opens (and migrates) the embedded database in `dataDir`. */
function openInChild(dataDir: string): string {
  const module = path.join(import.meta.dirname, '../bot/store/database.ts');
  return `const { openDatabase } = await import(${JSON.stringify(module)}); const db = await openDatabase({ kind: 'embedded', dataDir: ${JSON.stringify(dataDir)} }); await db.migrate()`;
}

// Each case migrates one or two fresh databases: slow on a loaded 2-core machine, hence the longer timeout.
describe('migrations', { timeout: 90_000 }, () => {
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
