import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm run lint` is a guardrail only if it fails. Each case copies the code to a temporary folder, breaks one
// rule there and runs the same lint command that `npm test` runs.

const ROOT = path.resolve(import.meta.dirname, '..');
const COPIED = ['bot', 'cards', 'biome.json', '.dependency-cruiser.cjs', '.gitignore', 'package.json', 'tsconfig.json'];
const run = promisify(execFile);

let copy: string;

async function lint(): Promise<{ ok: boolean; output: string }> {
  try {
    const r = await run('npm', ['run', '--silent', 'lint'], { cwd: copy, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 16 << 20 });
    return { ok: true, output: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/** Applies a change to one file of the copy, runs lint, then restores the file. */
async function lintWith(file: string, change: (text: string) => string) {
  const target = path.join(copy, file);
  const exists = fs.existsSync(target);
  const before = exists ? fs.readFileSync(target, 'utf8') : '';
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, change(before));
  try {
    return await lint();
  } finally {
    if (exists) fs.writeFileSync(target, before);
    else fs.rmSync(target);
  }
}

beforeAll(() => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'sot-lint-'));
  for (const name of COPIED) fs.cpSync(path.join(ROOT, name), path.join(copy, name), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
});
afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

describe('npm run lint', { timeout: 60_000 }, () => {
  it('passes on the code as it is', async () => {
    const r = await lint();
    expect(r.output).not.toMatch(/error/i);
    expect(r.ok).toBe(true);
  });

  it('fails on code that is not formatted', async () => {
    const r = await lintWith('bot/domain/time.ts', (t) => `${t}\nexport const   badlyFormatted = [1,2,\n3]\n`);
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/bot\/domain\/time\.ts.*format/);
  });

  it('fails on a lint finding', async () => {
    const r = await lintWith('bot/domain/time.ts', (t) => `${t}\nexport function debugHere(): void {\n  debugger;\n}\n`);
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/noDebugger/);
  });

  it('fails when the domain imports from a feature', async () => {
    const r = await lintWith('bot/domain/leak.ts', () => "export { applyRetention } from '../features/retention/index.ts';\n");
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/domain-is-the-bottom/);
  });

  it('fails when a card reaches into the database', async () => {
    const r = await lintWith('cards/leak.ts', () => "export { openDatabase } from '../bot/store/database.ts';\n");
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/cards-not-features/);
  });

  it('fails on an import cycle', async () => {
    fs.writeFileSync(
      path.join(copy, 'bot/domain/cycleA.ts'),
      "import { b } from './cycleB.ts';\n\nexport const a = (): number => b() + 1;\n",
    );
    try {
      const r = await lintWith(
        'bot/domain/cycleB.ts',
        () => "import { a } from './cycleA.ts';\n\nexport const b = (): number => a() - 1;\n",
      );
      expect(r.ok).toBe(false);
      expect(r.output).toMatch(/no-circular/);
    } finally {
      fs.rmSync(path.join(copy, 'bot/domain/cycleA.ts'), { force: true });
    }
  });
});
