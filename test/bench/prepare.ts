// Prepares a benchmark database: migrations, the generated organisation (imported with the product's
// importOrganisation, as `npm run org:import` does), the year agenda with one item whose reminder is
// due today on the bench clock (parsed and imported like `npm run agenda:import`), and the state an
// installed app leaves behind: every coordinator's personal chat and Teams user id are known (Teams
// sends an installation event per user when the app is rolled out; the bot stores the conversation).
import fs from 'node:fs';
import { DateTime } from 'luxon';
import { openDatabase, type DatabaseTarget } from '../../bot/store/database.ts';
import { validateOrgFile } from '../../bot/features/organisation/orgFile.ts';
import { importOrganisation } from '../../bot/features/organisation/importOrganisation.ts';
import { parseAgendaFile } from '../../bot/features/agenda/agendaFile.ts';
import { importAgenda } from '../../bot/features/agenda/importAgenda.ts';
import { BENCH_TENANT_ID, generateOrg } from './org.ts';
import { BENCH_NOW } from './driver.ts';

export const FANOUT_TITLE = 'Bench: herinnering aan alle coördinatoren';

export interface Prepared {
  coordinators: number;
  importMs: number;
  totalMs: number;
}

export async function prepareDatabase(
  target: Exclude<DatabaseTarget, { kind: 'memory' }>,
  opts: { coordinators: number; serviceUrl: string; orgFile?: string },
): Promise<Prepared> {
  const t0 = performance.now();
  const db = await openDatabase(target);
  try {
    await db.migrate();
    const org = generateOrg({ coordinators: opts.coordinators });
    if (opts.orgFile) fs.writeFileSync(opts.orgFile, JSON.stringify(org, null, 1));
    const parsed = validateOrgFile(JSON.parse(JSON.stringify(org)));
    if (!parsed.ok) throw new Error(`generated organisation file is invalid: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
    const ti = performance.now();
    await importOrganisation(db.prisma, parsed.file, 'bench');
    const importMs = performance.now() - ti;

    // The reminder is due today: the item is tomorrow, reminded 1 day before.
    const tomorrow = DateTime.fromISO(BENCH_NOW, { zone: 'Europe/Amsterdam' }).plus({ days: 1 }).toISODate();
    const agenda = parseAgendaFile(
      'bench.csv',
      `datum;titel;omschrijving;doelgroep;herinneren\n${tomorrow};${FANOUT_TITLE};Benchmark;alle;1\n`,
    );
    if (!agenda.ok) throw new Error(`agenda: ${JSON.stringify(agenda.errors)}`);
    await importAgenda(db.prisma, agenda.entries, 'bench');

    // What install events would have stored: Teams user id and personal chat of every coordinator.
    await db.prisma.$executeRaw`
      UPDATE "Person" SET "teamsUserId" = '29:bench-coord-' || substring("fileKey" from 7)
      WHERE "fileKey" LIKE 'coord-%'`;
    await db.prisma.$executeRaw`
      INSERT INTO "PersonalConversation" ("personId", "conversationId", "serviceUrl", "tenantId", "userId", "updatedAt")
      SELECT id, 'a:personal-29:bench-coord-' || substring("fileKey" from 7), ${opts.serviceUrl}, ${BENCH_TENANT_ID},
             '29:bench-coord-' || substring("fileKey" from 7), now()
      FROM "Person" WHERE "fileKey" LIKE 'coord-%'
      ON CONFLICT ("personId") DO NOTHING`;
    await db.prisma.tenantService.upsert({
      where: { tenantId: BENCH_TENANT_ID },
      create: { tenantId: BENCH_TENANT_ID, serviceUrl: opts.serviceUrl },
      update: { serviceUrl: opts.serviceUrl },
    });
    return { coordinators: opts.coordinators, importMs, totalMs: performance.now() - t0 };
  } finally {
    await db.close();
  }
}
