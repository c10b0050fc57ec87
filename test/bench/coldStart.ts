// Cold start: from spawning `node --import tsx bot/index.ts` (what `npm start` runs) until GET /healthz
// answers 200, on the embedded database. A first-ever start (empty data folder: the database is
// created and migrated) and starts on a folder whose migrations were applied before. The echo bot's
// start is the floor.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, ROOT, waitHealthy } from './children.ts';
import { summarise, type Summary } from './stats.ts';

export interface ColdStartResult {
  /** The migrated data folder it leaves behind (the load benchmark reuses it instead of creating another). */
  dataDir: string;
  firstEverMs: number;
  preparedMs: Summary;
  echoMs: Summary;
}

async function startAndMeasure(script: string, env: Record<string, string>, logFile: string): Promise<number> {
  const port = await freePort();
  const log = fs.openSync(logFile, 'a');
  const t0 = performance.now();
  const proc = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  try {
    return await waitHealthy(`http://127.0.0.1:${port}/healthz`, t0, 180_000, proc);
  } finally {
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
}

export async function measureColdStart(dir: string, runs: number, log: (s: string) => void): Promise<ColdStartResult> {
  const dataDir = path.join(dir, 'coldstart-data');
  const logFile = path.join(dir, 'coldstart.log');
  const env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', BOT_ID: '', BOT_PASSWORD: '' };
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(`${dataDir}.lock`, { force: true });
  const firstEverMs = await startAndMeasure('bot/index.ts', env, logFile);
  log(`  cold start, first ever: ${Math.round(firstEverMs)} ms`);
  const prepared: number[] = [];
  for (let i = 0; i < runs; i++) {
    prepared.push(await startAndMeasure('bot/index.ts', env, logFile));
    log(`  cold start, migrated folder: ${Math.round(prepared.at(-1)!)} ms`);
  }
  const echo: number[] = [];
  for (let i = 0; i < runs; i++) echo.push(await startAndMeasure('test/bench/echoBot.ts', {}, logFile));
  log(`  cold start, echo bot: ${echo.map((x) => Math.round(x)).join(', ')} ms`);
  return { dataDir, firstEverMs, preparedMs: summarise(prepared), echoMs: summarise(echo) };
}
