import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../bot/store/database.ts';

/**
 * Boots an embedded database once, applies the migrations, and leaves a dump that every test
 * file loads (about 1 s instead of 5 s for a fresh boot plus migrations).
 */
export default async function setup() {
  if (process.env.TEST_DATABASE_URL) return;
  const db = await openDatabase({ kind: 'memory' });
  await db.migrate();
  const dump = await db.pglite!.dumpDataDir('none');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sot-test-')), 'migrated.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  process.env.SOT_TEST_DB_DUMP = file;
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
