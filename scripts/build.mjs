// npm run build: compiles the bot to JavaScript in dist/ (no TypeScript at start in production) and
// copies what it reads at run time: the card templates and the migrations.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// --out DIR: build elsewhere (the build test does, so it never touches a developer's dist/).
const outIndex = process.argv.indexOf('--out');
const dist = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : path.join(root, 'dist');
fs.rmSync(dist, { recursive: true, force: true });
const tsc = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', dist],
  { cwd: root, stdio: 'inherit' },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
for (const dir of ['cards/templates', 'prisma/migrations']) {
  fs.cpSync(path.join(root, dir), path.join(dist, dir), { recursive: true });
}
fs.writeFileSync(path.join(dist, 'package.json'), JSON.stringify({ type: 'module' }, null, 2));
console.log(`Built into ${path.relative(root, dist) || dist}: npm start runs dist/bot/index.js`);
