// npm run agenda:import -- FILE   (CSV "datum;titel;omschrijving;doelgroep;herinneren[;soort[;tot]]" or .ics)
// Makes the stored year agenda equal to the file (shared contract, section 2). All-or-nothing.
import { parseAgendaFile } from '../bot/features/agenda/agendaFile.ts';
import { describeAgendaImport, importAgenda } from '../bot/features/agenda/importAgenda.ts';
import { readInputFile, withDatabase } from './cli.ts';

/** UTF-8, or else Windows-1252 (what Excel writes as "CSV" on Dutch Windows). */
function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

async function main(): Promise<number> {
  const input = readInputFile('Gebruik: npm run agenda:import -- BESTAND.csv (of .ics)', decode);
  if (!input) return 1;
  const result = parseAgendaFile(input.file, input.text);
  if (!result.ok) {
    console.error(
      `De jaaragenda bevat ${result.errors.length === 1 ? '1 fout' : `${result.errors.length} fouten`}. Er is niets gewijzigd. Pas het bestand aan en probeer het opnieuw:`,
    );
    for (const error of result.errors) console.error(`  ${error.where}: ${error.message}`);
    return 1;
  }
  return withDatabase(async (db) => {
    console.log(describeAgendaImport(await importAgenda(db.prisma, result.entries, 'cli:agenda-import')));
  });
}

process.exit(await main());
