// npm run org:import -- FILE
// Reads an organisation file (see shared contract, section 1) and brings the database in line with it.
// All-or-nothing: any error in the file, and nothing is changed.
import { parseOrgFileText } from '../bot/features/organisation/orgFile.ts';
import { describeImportSummary, importOrganisation, OrgImportConflictError } from '../bot/features/organisation/importOrganisation.ts';
import { readInputFile, withDatabase } from './cli.ts';

const ACTOR = 'cli:org-import';

async function main(): Promise<number> {
  const input = readInputFile('Gebruik: npm run org:import -- BESTAND.json');
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
      console.log(describeImportSummary(await importOrganisation(db.prisma, result.file, ACTOR)));
    },
    (err) =>
      err instanceof OrgImportConflictError
        ? `Het bestand past niet bij wat al in de database staat. Er is niets gewijzigd:\n${err.problems.map((p) => `  ${p}`).join('\n')}`
        : undefined,
  );
}

process.exit(await main());
