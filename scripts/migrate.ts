// npm run db:migrate — applies pending migrations to the configured database and exits.
import { ConfigError, loadConfig } from '../bot/config.ts';
import { openDatabase } from '../bot/store/database.ts';

try {
  const config = loadConfig();
  const db = await openDatabase(config.database);
  try {
    const applied = await db.migrate();
    console.log(applied.length ? `Toegepast: ${applied.join(', ')}` : 'De database is al bij.');
  } finally {
    await db.close();
  }
  process.exit(0);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
