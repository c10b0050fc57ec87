// npm run org:import -- FILE
// Reads an organisation file (see shared contract, section 1) and brings the database in line with it.
// All-or-nothing: any error in the file, and nothing is changed.
import fs from 'node:fs';
import { ConfigError, loadConfig } from '../bot/config.ts';
import { openDatabase, type Database } from '../bot/store/database.ts';
import { parseOrgFileText } from '../bot/features/organisation/orgFile.ts';
import { describeImportSummary, importOrganisation, OrgImportConflictError } from '../bot/features/organisation/importOrganisation.ts';

const ACTOR = 'cli:org-import';

async function main(): Promise<number> {
  const file = process.argv.slice(2).find((arg) => arg !== '--');
  if (!file) {
    console.error('Gebruik: npm run org:import -- BESTAND.json');
    return 1;
  }

  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    console.error(`Het bestand '${file}' kan niet worden gelezen (${(err as NodeJS.ErrnoException).code ?? String(err)}). Controleer de naam en de map. Er is niets gewijzigd.`);
    return 1;
  }

  const result = parseOrgFileText(text);
  if (!result.ok) {
    const count = result.errors.length === 1 ? '1 fout' : `${result.errors.length} fouten`;
    console.error(`Het organisatiebestand bevat ${count}. Er is niets gewijzigd. Pas het bestand aan en probeer het opnieuw:`);
    for (const error of result.errors) console.error(`  ${error.path}: ${error.message}`);
    return 1;
  }

  let db: Database | undefined;
  try {
    db = await openDatabase(loadConfig().database);
    await db.migrate();
    const summary = await importOrganisation(db.prisma, result.file, ACTOR);
    console.log(describeImportSummary(summary));
    return 0;
  } catch (err) {
    if (err instanceof OrgImportConflictError) {
      console.error('Het bestand past niet bij wat al in de database staat. Er is niets gewijzigd:');
      for (const problem of err.problems) console.error(`  ${problem}`);
    } else if (err instanceof ConfigError) {
      console.error(`De instellingen (omgevingsvariabelen) kloppen niet. Er is niets gewijzigd.\n${err.problems.map((p) => `  ${p}`).join('\n')}`);
    } else {
      console.error(`De import is mislukt; er is niets gewijzigd. Technische melding: ${err instanceof Error ? err.message : String(err)}`);
    }
    return 1;
  } finally {
    await db?.close();
  }
}

process.exit(await main());
