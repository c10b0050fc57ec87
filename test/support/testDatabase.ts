import fs from 'node:fs';
import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../bot/store/database.ts';

/**
 * A fresh, migrated database for one test file: embedded PGlite by default, or a new database
 * on the PostgreSQL server named by TEST_DATABASE_URL (dropped again by `close()`).
 */
export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dumpFile = process.env.SOT_TEST_DB_DUMP;
    if (!dumpFile) throw new Error('test/support/globalSetup.ts did not run');
    return openDatabase({ kind: 'memory', loadFrom: new Blob([fs.readFileSync(dumpFile)]) });
  }
  const name = `sot_test_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: url.toString() });
  await db.migrate();
  const close = db.close;
  db.close = async () => {
    await close();
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  return db;
}

/** URL of a new empty database on the TEST_DATABASE_URL server (for migration tests). */
export async function createEmptyPostgresDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sot_test_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function adminQuery(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
