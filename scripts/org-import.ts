// npm run org:import -- FILE
// Reads an organisation file (see shared contract, section 1) and brings the database in line with it.
// All-or-nothing: any error in the file, and nothing is changed.
import { parseOrgFileText } from '../bot/features/organisation/orgFile.ts';
import {
  describeImportSummary,
  importOrganisation,
  OrgImportConflictError,
  OrgImportTooDrasticError,
} from '../bot/features/organisation/importOrganisation.ts';
import { readInputFile, withDatabase } from './cli.ts';

const ACTOR = 'cli:org-import';

const USAGE = 'Gebruik: npm run org:import -- [--dry-run] [--force] BESTAND.json';

async function main(): Promise<number> {
  const dryRun = process.argv.includes('--dry-run');
  const force = process.argv.includes('--force');
  const input = readInputFile(USAGE);
  if (!input) return 1;
  const result = parseOrgFileText(input.text);
  if (!result.ok) {
    const count = result.errors.length === 1 ? '1 fout' : `${result.errors.length} fouten`;
    console.error(`Het organisatiebestand bevat ${count}. Er is niets gewijzigd. Pas het bestand aan en probeer het opnieuw:`);
    for (const error of result.errors) console.error(`  ${error.path}: ${error.message}`);
    return 1;
  }
  return withDatabase(
    async (db) => {
      const summary = await importOrganisation(db.prisma, result.file, ACTOR, { dryRun, force });
      if (!dryRun) {
        console.log(describeImportSummary(summary));
        return;
      }
      console.log(
        `Proefdraai (--dry-run), er is niets gewijzigd. ${describeImportSummary(summary).replace('Organisatie geïmporteerd:', 'Het bestand zou dit doen:')}`,
      );
      for (const warning of summary.warnings ?? []) console.log(`  Let op: ${warning}. Zonder --force wordt dit geweigerd.`);
    },
    (err) =>
      err instanceof OrgImportConflictError
        ? `Het bestand past niet bij wat al in de database staat. Er is niets gewijzigd:\n${err.problems.map((p) => `  ${p}`).join('\n')}`
        : err instanceof OrgImportTooDrasticError
          ? `Dit bestand is geweigerd; er is niets gewijzigd:\n${err.problems.map((p) => `  - ${p}`).join('\n')}\nKlopt dit toch (bijvoorbeeld een nieuw schooljaar)? Bekijk het eerst met --dry-run en importeer dan met --force.`
          : undefined,
  );
}

process.exit(await main());
