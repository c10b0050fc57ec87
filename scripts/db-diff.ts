// Writes a new migration with the SQL that brings prisma/migrations up to prisma/schema.prisma.
//   npm run db:diff -- <name>      create prisma/migrations/<timestamp>_<name>/migration.sql
//   npm run db:diff -- --check     exit 1 when the schema has changes no migration holds
// Uses Prisma's own schema engine (WASM build) with an in-memory PGlite as shadow database,
// because the native engine cannot be downloaded on our machines.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

const root = path.resolve(import.meta.dirname, '..');
const migrationsDir = path.join(root, 'prisma/migrations');

async function loadEngine() {
  const dir = path.join(root, 'node_modules/@prisma/schema-engine-wasm');
  const bindings = await import(path.join(dir, 'schema_engine_bg.js'));
  const bytes = fs.readFileSync(path.join(dir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bindings });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return bindings;
}

function migrationList() {
  const dirs = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: fs.readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

async function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const name = args.find((a) => !a.startsWith('--'));
  if (!check && !name) throw new Error('Usage: npm run db:diff -- <name> | --check');

  const schemaPath = path.join(root, 'prisma/schema.prisma');
  const schema = fs.readFileSync(schemaPath, 'utf8');
  const engineModule = await loadEngine();
  const pglite = new PGlite();
  const engine = await engineModule.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(pglite)),
  );
  const result = await engine.diff({
    from: { tag: 'migrations', ...migrationList() },
    to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  const sql: string = (result as { stdout?: string }).stdout ?? '';
  const empty = sql.trim() === '' || sql.includes('This is an empty migration');
  if (check) {
    if (!empty) {
      console.error('prisma/schema.prisma has changes that no migration holds:\n' + sql);
      process.exit(1);
    }
    console.log('Migrations match prisma/schema.prisma.');
    process.exit(0);
  }
  if (empty) {
    console.log('No changes: nothing written.');
    process.exit(0);
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
  const lock = path.join(migrationsDir, 'migration_lock.toml');
  if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "postgresql"\n');
  console.log(`Wrote ${path.relative(root, dir)}/migration.sql`);
  process.exit(0); // the engine keeps a timer alive
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
