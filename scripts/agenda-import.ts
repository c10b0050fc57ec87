// npm run agenda:import -- FILE   (CSV "datum;titel;omschrijving;doelgroep;herinneren" or .ics)
// Makes the stored year agenda equal to the file (shared contract, section 2). All-or-nothing.
import fs from 'node:fs';
import { ConfigError, loadConfig } from '../bot/config.ts';
import { openDatabase, type Database } from '../bot/store/database.ts';
import { parseAgendaFile } from '../bot/features/agenda/agendaFile.ts';
import { describeAgendaImport, importAgenda } from '../bot/features/agenda/importAgenda.ts';

/** UTF-8, or else Windows-1252 (what Excel writes as "CSV" on Dutch Windows). */
function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

async function main(): Promise<number> {
  const file = process.argv.slice(2).find((arg) => arg !== '--');
  if (!file) {
    console.error('Gebruik: npm run agenda:import -- BESTAND.csv (of .ics)');
    return 1;
  }
  let text: string;
  try {
    text = decode(fs.readFileSync(file));
  } catch (err) {
    console.error(`Het bestand '${file}' kan niet worden gelezen (${(err as NodeJS.ErrnoException).code ?? String(err)}). Er is niets gewijzigd.`);
    return 1;
  }
  const result = parseAgendaFile(file, text);
  if (!result.ok) {
    console.error(`De jaaragenda bevat ${result.errors.length === 1 ? '1 fout' : `${result.errors.length} fouten`}. Er is niets gewijzigd. Pas het bestand aan en probeer het opnieuw:`);
    for (const error of result.errors) console.error(`  ${error.where}: ${error.message}`);
    return 1;
  }
  let db: Database | undefined;
  try {
    db = await openDatabase(loadConfig().database);
    await db.migrate();
    console.log(describeAgendaImport(await importAgenda(db.prisma, result.entries, 'cli:agenda-import')));
    return 0;
  } catch (err) {
    if (err instanceof ConfigError) console.error(`De instellingen kloppen niet. Er is niets gewijzigd.\n${err.problems.map((p) => `  ${p}`).join('\n')}`);
    else console.error(`De import is mislukt; er is niets gewijzigd. ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await db?.close();
  }
}

process.exit(await main());
