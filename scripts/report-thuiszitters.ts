// npm run report:thuiszitters -- 2026-2027 [--out FILE]
// The anonymised monitoring report on thuiszitters (per quarter, cumulative over the school year) as CSV:
// to standard output, or to FILE. Changes nothing but one audit entry. See README, "Rapportage thuiszitters".
import fs from 'node:fs';
import { ConfigError, loadConfig } from '../bot/config.ts';
import { parseSchoolYear } from '../bot/features/monitoring/schoolYear.ts';

const USAGE = 'Gebruik: npm run report:thuiszitters -- JJJJ-JJJJ [--out BESTAND.csv]   (bijvoorbeeld 2026-2027)';

type Args = { ok: true; schoolYear: string; out?: string } | { ok: false; message: string };

function parseArgs(argv: readonly string[]): Args {
  const rest = argv.filter((a) => a !== '--');
  let out: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--out' || arg === '-o') {
      const file = rest[++i];
      if (!file || file.startsWith('-')) return { ok: false, message: `Na --out hoort de naam van het bestand.\n${USAGE}` };
      out = file;
    } else if (arg.startsWith('--out=')) {
      out = arg.slice('--out='.length);
      if (!out) return { ok: false, message: `Na --out hoort de naam van het bestand.\n${USAGE}` };
    } else if (arg.startsWith('-')) return { ok: false, message: `Onbekende optie ${arg}.\n${USAGE}` };
    else positional.push(arg);
  }
  if (positional.length === 0) return { ok: false, message: `Geef het schooljaar op.\n${USAGE}` };
  if (positional.length > 1) return { ok: false, message: `Geef één schooljaar op, niet ${positional.length}.\n${USAGE}` };
  return { ok: true, schoolYear: positional[0]!, ...(out ? { out } : {}) };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.ok) {
    console.error(args.message);
    return 1;
  }
  // The bot's clock: in local mode CLOCK_START moves "now" for the report as it does for the bot.
  let now: Date;
  try {
    now = loadConfig().clockStart ?? new Date();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`De instellingen (omgevingsvariabelen) kloppen niet.\n${err.problems.map((p) => `  ${p}`).join('\n')}`);
    return 1;
  }
  const year = parseSchoolYear(args.schoolYear, now);
  if (!year.ok) {
    console.error(year.message);
    return 1;
  }
  // The database and the report are loaded only now: a wrong argument is answered at once.
  const { withDatabase } = await import('./cli.ts');
  const { reportCsv, thuiszitterReport } = await import('../bot/features/monitoring/thuiszitterReport.ts');
  const { activeSwv } = await import('../bot/store/directory.ts');
  return withDatabase(
    async (db) => {
      const swv = await activeSwv(db.prisma);
      if (!swv) throw new NoOrganisation();
      const report = await thuiszitterReport(db.prisma, swv.id, year.year, now);
      const csv = reportCsv(report.rows);
      if (args.out) fs.writeFileSync(args.out, csv);
      else await new Promise<void>((resolve, reject) => process.stdout.write(csv, (err) => (err ? reject(err) : resolve())));
      await db.prisma.auditEntry.create({
        data: {
          at: now,
          actorId: 'cli:report-thuiszitters',
          action: 'report.export',
          subjectType: 'report',
          subjectId: `thuiszitters:${year.year.label}`,
          details: { schoolYear: year.year.label, quarters: report.quarters.length, signals: report.signals, rows: report.rows.length },
        },
      });
      const quarters = report.quarters.map((q) => `K${q.number}${q.complete ? '' : ' (loopt nog)'}`).join(', ');
      // The summary goes to stderr when the CSV itself goes to stdout.
      (args.out ? console.log : console.error)(
        `Rapportage thuiszitters ${year.year.label}${args.out ? ` geschreven naar ${args.out}` : ''}: ${quarters}; ${report.signals} ${report.signals === 1 ? 'melding' : 'meldingen'} tot en met ${report.quarters.at(-1)?.peildatum}.`,
      );
    },
    (err) => {
      if (err instanceof NoOrganisation)
        return 'Er is nog geen organisatie geïmporteerd. Importeer eerst het organisatiebestand (npm run org:import).';
      if (err instanceof ConfigError) return undefined;
      return `De rapportage is niet gemaakt. Technische melding: ${err instanceof Error ? err.message : String(err)}`;
    },
  );
}

class NoOrganisation extends Error {}

process.exit(await main());
