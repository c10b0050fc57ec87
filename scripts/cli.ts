// What the import commands share: reading the file argument, and opening the configured database.
import fs from 'node:fs';
import { ConfigError, loadConfig } from '../bot/config.ts';
import { openDatabase, type Database } from '../bot/store/database.ts';

/** The file named after `--`, as text; null (after a Dutch message) when it is missing or unreadable. */
export function readInputFile(
  usage: string,
  decode: (bytes: Buffer) => string = (b) => b.toString('utf8'),
): { file: string; text: string } | null {
  const file = process.argv.slice(2).find((arg) => arg !== '--' && !arg.startsWith('--'));
  if (!file) {
    console.error(usage);
    return null;
  }
  try {
    return { file, text: decode(fs.readFileSync(file)) };
  } catch (err) {
    console.error(
      `Het bestand '${file}' kan niet worden gelezen (${(err as NodeJS.ErrnoException).code ?? String(err)}). Controleer de naam en de map. Er is niets gewijzigd.`,
    );
    return null;
  }
}

/**
 * Opens the database from the environment (migrated), runs `work`, and always closes it. Returns the
 * exit code: 0, or 1 after a Dutch message; `explain` may word known errors itself.
 */
export async function withDatabase(work: (db: Database) => Promise<void>, explain?: (err: unknown) => string | undefined): Promise<number> {
  let db: Database | undefined;
  try {
    db = await openDatabase(loadConfig().database);
    await db.migrate();
    await work(db);
    return 0;
  } catch (err) {
    const own = explain?.(err);
    if (own) console.error(own);
    else if (err instanceof ConfigError)
      console.error(
        `De instellingen (omgevingsvariabelen) kloppen niet. Er is niets gewijzigd.\n${err.problems.map((p) => `  ${p}`).join('\n')}`,
      );
    else
      console.error(`De import is mislukt; er is niets gewijzigd. Technische melding: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await db?.close();
  }
}
