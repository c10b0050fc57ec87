// Production runs compiled JavaScript: `npm run build` then `npm start` (node dist/bot/index.js), no
// TypeScript transpiling at start.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort, spawnNode, waitForHttp } from '../scripts/dev/processes.ts';

const root = path.resolve(import.meta.dirname, '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sot-build-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('production build', () => {
  it('compiles to JavaScript that serves /healthz without tsx', async () => {
    const out = path.join(work, 'dist');
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(work, 'node_modules')); // as in a deployment
    const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--out', out], { cwd: root, encoding: 'utf8' });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    expect(fs.existsSync(path.join(out, 'bot/index.js'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'cards/templates/notice.json'))).toBe(true);
    expect(fs.readdirSync(path.join(out, 'prisma/migrations')).length).toBeGreaterThan(0);
    const port = await findFreePort();
    // Plain node, no loader: a .ts import left in the output would fail here.
    const bot = spawnNode('bot', [path.join(out, 'bot/index.js')], {
      cwd: root,
      env: { PATH: process.env.PATH, PORT: String(port), DATA_DIR: path.join(work, 'data'), LOG_LEVEL: 'warn' },
    });
    try {
      await waitForHttp(`http://127.0.0.1:${port}/healthz`, { timeoutMs: 60_000, process: bot });
    } finally {
      await bot.stop(5_000);
    }
  }, 120_000);
});
