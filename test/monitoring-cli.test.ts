// npm run report:thuiszitters: the school-year argument is checked before the database is opened; a valid
// run writes the CSV to stdout or --out. "Now" comes from CLOCK_START (local mode), never from today.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../bot/store/database.ts';
import { importFixture } from './support/org.ts';
import { createEmptyPostgresDatabase } from './support/testDatabase.ts';

const root = path.resolve(import.meta.dirname, '..');
const execFileAsync = promisify(execFile);
/** The third quarter of 2026-2027 runs. */
const CLOCK_START = '2027-02-15T10:00:00+01:00';

let dataDir: string;
let env: NodeJS.ProcessEnv;
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sot-report-cli-'));
  env = {
    ...process.env,
    DATA_DIR: path.join(dataDir, 'data'),
    DATABASE_URL: '',
    CLOCK_START,
    BOT_ID: '',
    MicrosoftAppId: '',
    NODE_ENV: '',
  };
});
afterAll(async () => {
  await dropDatabase?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const run = (...args: string[]) =>
  execFileAsync(process.execPath, ['--import', 'tsx', 'scripts/report-thuiszitters.ts', ...args], {
    cwd: root,
    env,
    maxBuffer: 16 << 20,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
  );

describe('npm run report:thuiszitters', () => {
  it('refuses a missing or wrong school year with a clear Dutch message and exit code 1, before opening the database', async () => {
    const cases: [string[], string][] = [
      [[], 'Geef het schooljaar op.\nGebruik: npm run report:thuiszitters -- JJJJ-JJJJ [--out BESTAND.csv]'],
      [['2026/2027'], 'Het schooljaar "2026/2027" klopt niet: schrijf het als JJJJ-JJJJ, bijvoorbeeld 2026-2027.'],
      [['2026-2028'], 'Het schooljaar "2026-2028" klopt niet: de twee jaren moeten op elkaar volgen, bijvoorbeeld 2026-2027.'],
      [['1999-2000'], 'de rapportage begint bij schooljaar 2014-2015'],
      [['2027-2028'], 'Schooljaar 2027-2028 is nog niet begonnen (het begint op 1 augustus 2027). Kies het huidige schooljaar (2026-2027)'],
      [['2026-2027', '2025-2026'], 'Geef één schooljaar op, niet 2.'],
      [['2026-2027', '--out'], 'Na --out hoort de naam van het bestand.'],
      [['--csv', '2026-2027'], 'Onbekende optie --csv.'],
    ];
    const results = await Promise.all(cases.map(([args]) => run('--', ...args)));
    for (const [i, [args, message]] of cases.entries()) {
      const r = results[i]!;
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toContain(message);
      expect(r.stdout, args.join(' ')).toBe('');
    }
    expect(fs.existsSync(env.DATA_DIR!)).toBe(false); // the database was not even opened
  }, 90_000);

  it('writes the report to --out or to standard output, and audits the export', async () => {
    // A migrated database with the organisation and six thuiszitters (enough to show numbers).
    let db: Database;
    if (process.env.TEST_DATABASE_URL) {
      const created = await createEmptyPostgresDatabase(process.env.TEST_DATABASE_URL);
      env.DATABASE_URL = created.url;
      dropDatabase = created.drop;
      db = await openDatabase({ kind: 'postgres', url: created.url });
    } else {
      const dump = process.env.SOT_TEST_DB_DUMP!;
      const pg = await PGlite.create(env.DATA_DIR!, { loadDataDir: new Blob([fs.readFileSync(dump)]) });
      await pg.close();
      db = await openDatabase({ kind: 'embedded', dataDir: env.DATA_DIR! });
    }
    try {
      await db.migrate();
      await importFixture(db);
      const school = await db.prisma.school.findFirstOrThrow({ where: { brin: '12AB00' } });
      const carla = await db.prisma.person.findFirstOrThrow({ where: { name: 'Carla Smit' } });
      for (let i = 0; i < 6; i++)
        await db.prisma.request.create({
          data: {
            reference: `SOT-2026-00${10 + i}`,
            submissionKey: `cli-${i}`,
            type: 'thuiszitter',
            swvId: school.swvId,
            schoolId: school.id,
            requesterId: carla.id,
            consultantId: school.consultantId,
            pupil: { kind: 'identified', name: 'Jan de Boer', birthDate: '2014-03-14', initials: 'J.B.' },
            details: {
              kind: 'thuiszitter',
              reason: 'psychisch',
              firstAbsentDate: '2026-09-07',
              tried: 'Gesprekken',
              question: 'Vraag',
              reporting: {},
            },
            createdAt: DateTime.fromISO('2026-09-14T10:00', { zone: 'Europe/Amsterdam' }).toJSDate(),
          },
        });
    } finally {
      await db.close();
    }

    const out = path.join(dataDir, 'thuiszitters.csv');
    const toFile = await run('--', '2026-2027', '--out', out);
    expect(toFile.stderr).toBe('');
    expect(toFile.code).toBe(0);
    expect(toFile.stdout).toBe(
      `Rapportage thuiszitters 2026-2027 geschreven naar ${out}: K1, K2, K3 (loopt nog); 6 meldingen tot en met 2027-02-15.\n`,
    );
    const csv = fs.readFileSync(out, 'utf8');
    expect(csv.startsWith('\uFEFFschooljaar;kwartaal;peildatum;volledig;school_brin;school;sector;dimensie;categorie;aantal\r\n')).toBe(
      true,
    );
    const lines = csv.split('\r\n');
    expect(lines).toContain('2026-2027;1;2026-10-31;ja;;alle scholen;;totaal;alle meldingen;6');
    expect(lines).toContain('2026-2027;3;2027-02-15;nee;12AB00;Obs Het Kompas;PO;reden;Psychische of psychiatrische problematiek;6');
    expect(lines).toContain('2026-2027;2;2027-01-31;ja;12AB00;Obs Het Kompas;PO;verzuimduur;12 schoolweken of langer;6');
    expect(csv).not.toMatch(/Jan|Boer|J\.B\.|2014-03-14|Gesprekken|SOT-2026/);

    const toStdout = await run('--', '2026-2027');
    expect(toStdout.code).toBe(0);
    expect(toStdout.stdout).toBe(csv);
    expect(toStdout.stderr).toContain('Rapportage thuiszitters 2026-2027: K1, K2, K3 (loopt nog); 6 meldingen');

    const again = await openDatabase(
      process.env.TEST_DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL! } : { kind: 'embedded', dataDir: env.DATA_DIR! },
    );
    try {
      const exports = await again.prisma.auditEntry.findMany({ where: { action: 'report.export' } });
      expect(exports.map((a) => [a.actorId, a.subjectId])).toEqual([
        ['cli:report-thuiszitters', 'thuiszitters:2026-2027'],
        ['cli:report-thuiszitters', 'thuiszitters:2026-2027'],
      ]);
      expect(exports[0]!.details).toMatchObject({ schoolYear: '2026-2027', quarters: 3, signals: 6 });
    } finally {
      await again.close();
    }
  }, 180_000);
});
