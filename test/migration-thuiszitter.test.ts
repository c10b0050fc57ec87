// The thuiszitter_facts migration turns the old yes/no reporting answers and recorded ticks into facts with
// dates, on both databases, and loses nothing else in the details.
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../bot/store/database.ts';
import { readMigrations } from '../bot/store/migrate.ts';
import { createEmptyPostgresDatabase } from './support/testDatabase.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const fn of cleanup.reverse()) await fn();
});

async function emptyDatabase() {
  if (serverUrl) {
    const empty = await createEmptyPostgresDatabase(serverUrl);
    const db = await openDatabase({ kind: 'postgres', url: empty.url });
    cleanup.push(empty.drop, db.close);
    return db;
  }
  const db = await openDatabase({ kind: 'memory' });
  cleanup.push(db.close);
  return db;
}

describe('migration thuiszitter_facts', { timeout: 90_000 }, () => {
  it('keeps every reporting fact, each with a Dutch date', async () => {
    const db = await emptyDatabase();
    const all = readMigrations();
    const at = all.findIndex((m) => m.name.endsWith('_thuiszitter_facts'));
    expect(at).toBeGreaterThan(0);
    await db.migrate(all.slice(0, at));
    const sql = db.prisma.$executeRawUnsafe.bind(db.prisma);
    await sql(`INSERT INTO "Swv" (id, code, name) VALUES ('s', 'PO0000', 'SWV')`);
    await sql(`INSERT INTO "Person" (id, "swvId", name, email) VALUES ('p', 's', 'P', 'p@x.nl')`);
    await sql(`INSERT INTO "Consultant" ("personId") VALUES ('p')`);
    await sql(`INSERT INTO "School" (id, "swvId", brin, name, sector, "consultantId") VALUES ('sc', 's', '00AA', 'S', 'PO', 'p')`);
    const old = (id: string, details: object, duo: string | null, ot: string | null) =>
      sql(
        `INSERT INTO "Request" (id, reference, "submissionKey", type, "swvId", "schoolId", "requesterId", "consultantId", details, "duoReportedAt", "otReportedAt", "createdAt", "updatedAt")
         VALUES ($1, $1, $1, 'thuiszitter', 's', 'sc', 'p', 'p', $2::jsonb, $3::timestamp, $4::timestamp, '2026-10-05 22:30:00', now())`,
        id,
        JSON.stringify(details),
        duo,
        ot,
      );
    const base = { kind: 'thuiszitter', firstAbsentDate: '2026-09-01', reason: 'medisch', reasonOther: '', tried: 't', question: 'q' };
    await old('said-yes', { ...base, leerplichtInformed: true, leerplichtDate: '2026-09-20', otReported: true }, null, null);
    // 23:30 UTC on 1 November is already 2 November in Amsterdam.
    await old('ticked', { ...base, leerplichtInformed: false, otReported: false }, '2026-11-01 23:30:00', '2026-11-03 08:00:00');
    await old('nothing', { ...base, leerplichtInformed: false, otReported: false }, null, null);
    await db.migrate(all.slice(at));

    const rows = await db.prisma.$queryRawUnsafe<{ id: string; details: Record<string, unknown> }[]>(
      `SELECT id, details FROM "Request" ORDER BY id`,
    );
    const byId = Object.fromEntries(rows.map((r) => [r.id, r.details]));
    // The signal's "yes" without its own OT date takes the day it was filed (Dutch time: 6 October).
    expect(byId['said-yes']).toEqual({ ...base, reporting: { duo: '2026-09-20', leerplicht: '2026-09-20', ot: '2026-10-06' } });
    expect(byId.ticked).toEqual({ ...base, reporting: { duo: '2026-11-02', ot: '2026-11-03' } });
    expect(byId.nothing).toEqual({ ...base, reporting: {} });
  });
});
