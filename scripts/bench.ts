// npm run bench [-- options]     the issue "Fast under load": measured from outside, against a floor.
//
// Starts the real bot (child process, local mode) and a minimal echo bot on the same stack, drives both
// with real HTTP clients and a Bot Connector stand-in (test/bench/connector.ts), and appends the figures
// to BENCHMARKS.md. See BENCHMARKS.md for what is measured and how.
//
//   --quick                 1 and 20 coordinators, 500 fan-out, embedded only; no cold start, profile or round trips (~1.5 min)
//   --levels 1,50,200       concurrent coordinators per level
//   --db embedded,postgres  databases (PostgreSQL: BENCH_DATABASE_URL, else a throw-away server like .ci/run)
//   --fanout 10000          coordinators the year-agenda reminder goes to (0: skip)
//   --tenant-rps 50         the tenant-wide request budget the connector enforces (Teams: 30 or 50)
//   --fanout-timeout 420    seconds to wait for the fan-out at most
//   --level-timeout 240     seconds per load level at most
//   --no-coldstart --no-profile --no-roundtrips --no-report
//   --coldstart --profile --roundtrips   add these to --quick
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { BenchConnector, PER_CONVERSATION_LIMITS } from '../test/bench/connector.ts';
import { spawnChild, ROOT } from '../test/bench/children.ts';
import { BENCH_CLOCK_START, runLevel, type LevelResult } from '../test/bench/driver.ts';
import { coordinator } from '../test/bench/org.ts';
import { prepareDatabase, type Prepared } from '../test/bench/prepare.ts';
import { runFanout, type FanoutResult } from '../test/bench/fanout.ts';
import { measureColdStart, type ColdStartResult } from '../test/bench/coldStart.ts';
import { measureRoundTrips, type RoundTripResult } from '../test/bench/roundTrips.ts';
import { summariseProfile, type ProfileSummary } from '../test/bench/cpuProfile.ts';
import { createDatabase, startThrowAwayPostgres, type ThrowAwayPostgres } from '../test/bench/postgres.ts';
import { renderReport } from '../test/bench/report.ts';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    levels: { type: 'string' },
    db: { type: 'string' },
    fanout: { type: 'string' },
    'tenant-rps': { type: 'string', default: '50' },
    'fanout-timeout': { type: 'string' },
    'level-timeout': { type: 'string', default: '240' },
    'no-coldstart': { type: 'boolean', default: false },
    coldstart: { type: 'boolean', default: false },
    'no-profile': { type: 'boolean', default: false },
    'no-roundtrips': { type: 'boolean', default: false },
    'no-report': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    roundtrips: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
  allowPositionals: false,
});
if (args.help) {
  const self = fs.readFileSync(new URL(import.meta.url), 'utf8');
  const lines = self.split('\n');
  console.log(
    lines
      .slice(
        0,
        lines.findIndex((l) => !l.startsWith('//')),
      )
      .map((l) => l.slice(3))
      .join('\n'),
  );
  process.exit(0);
}

const quick = args.quick;
const levels = (args.levels ?? (quick ? '1,20' : '1,50,200'))
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const dbs = (args.db ?? (quick ? 'embedded' : 'embedded,postgres')).split(',') as ('embedded' | 'postgres')[];
const fanoutCount = Number(args.fanout ?? (quick ? 500 : 10_000));
const tenantRps = Number(args['tenant-rps']);
const fanoutTimeoutMs = Number(args['fanout-timeout'] ?? (quick ? 90 : 420)) * 1000;
const levelTimeoutMs = Number(args['level-timeout']) * 1000;
const doColdStart = !args['no-coldstart'] && (!quick || args.coldstart);
const doProfile = !args['no-profile'] && (!quick || args.profile);
const doRoundTrips = !args['no-roundtrips'] && (!quick || args.roundtrips);
/** Walks per coordinator: a single coordinator walks several times so its percentiles mean something. */
const roundsFor = (n: number) => (n === 1 ? (quick ? 5 : 10) : 1);
const PROFILE_LEVEL = 50;
const ROUNDTRIP_CONCURRENT = quick ? 20 : 50;

const started = new Date();
const t0 = performance.now();
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sot-bench-'));
const log = (line: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const sh = (cmd: string, a: string[]) => {
  try {
    return execFileSync(cmd, a, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
};
const machine = {
  nproc: sh('nproc', []),
  memGiB: (os.totalmem() / 2 ** 30).toFixed(1),
  node: process.version,
  commit: sh('git', ['rev-parse', '--short', 'HEAD']),
  dirty: sh('git', ['status', '--porcelain', '--untracked-files=no']) !== '',
  loadStart: os.loadavg(),
};
const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;

interface DbRun {
  db: 'embedded' | 'postgres';
  skipped?: string;
  prepared?: Prepared;
  levels: { coordinators: number; echo: LevelResult; bot: LevelResult; loadavg: number }[];
  rssAfterLoad?: { rssMiB: number; peakMiB: number };
  rssAfterFanout?: { rssMiB: number; peakMiB: number };
  fanout?: FanoutResult;
  fanoutSkipped?: string;
}

const results: {
  dbRuns: DbRun[];
  coldStart?: ColdStartResult;
  echoRss?: { rssMiB: number; peakMiB: number };
  profile?: ProfileSummary & { file: string; coordinators: number; level?: LevelResult };
  roundTrips: { db: string; result?: RoundTripResult; error?: string }[];
  notes: string[];
} = { dbRuns: [], roundTrips: [], notes: [] };

const connector = await new BenchConnector().start();
let pgServer: ThrowAwayPostgres | undefined;
let pgUrl = process.env.BENCH_DATABASE_URL;
let pgProblem: string | undefined;

function botEnv(db: { DATA_DIR?: string; DATABASE_URL?: string }): Record<string, string | undefined> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    CLOCK_START: BENCH_CLOCK_START,
    LINK_SECRET: 'bench-link-secret-0123456789',
    DATA_DIR: db.DATA_DIR ?? path.join(runDir, 'unused-data'),
    DATABASE_URL: db.DATABASE_URL,
    NODE_ENV: undefined,
    BOT_ID: undefined,
    BOT_PASSWORD: undefined,
    MicrosoftAppId: undefined,
    MicrosoftAppPassword: undefined,
    BENCH_INSTRUMENT: undefined,
    // The bot is configured for the budget the connector enforces, with 6 % to spare.
    DELIVERY_RATE_PER_SECOND: String(Math.floor(tenantRps * 0.94)),
  };
}

async function ensurePostgres(): Promise<string | undefined> {
  if (pgUrl || pgProblem) return pgUrl;
  try {
    pgServer = await startThrowAwayPostgres();
    pgUrl = pgServer.url;
    log(`PostgreSQL 15 started (${pgUrl.replace(/\/\/[^@]*@/, '//')})`);
  } catch (err) {
    pgProblem = `PostgreSQL could not be started: ${String((err as Error).message).split('\n')[0]}`;
    log(pgProblem);
  }
  return pgUrl;
}

async function databaseFor(
  db: 'embedded' | 'postgres',
  name: string,
): Promise<
  | {
      env: { DATA_DIR?: string; DATABASE_URL?: string };
      target: { kind: 'embedded'; dataDir: string } | { kind: 'postgres'; url: string };
      drop: () => Promise<void>;
    }
  | undefined
> {
  if (db === 'embedded') {
    const dataDir = path.join(runDir, `${name}-data`);
    // The cold-start measurement leaves a migrated folder: reuse it rather than boot and migrate another.
    const migrated = results.coldStart?.dataDir;
    if (migrated && fs.existsSync(migrated) && name.startsWith('load-')) fs.renameSync(migrated, dataDir);
    return {
      env: { DATA_DIR: dataDir },
      target: { kind: 'embedded', dataDir },
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const server = await ensurePostgres();
  if (!server) return undefined;
  const created = await createDatabase(server);
  return {
    env: { DATABASE_URL: created.url, DATA_DIR: path.join(runDir, `${name}-files`) },
    target: { kind: 'postgres', url: created.url },
    drop: created.drop,
  };
}

const loadCoordinators = 1 + levels.reduce((a, b) => a + b, 0) + (doProfile ? PROFILE_LEVEL + 1 : 0);
const orgCoordinators = Math.max(fanoutCount, loadCoordinators);

async function main() {
  log(`run folder ${runDir}; levels ${levels.join(', ')}; databases ${dbs.join(', ')}; fan-out ${fanoutCount} at ${tenantRps} requests/s`);
  const echo = await spawnChild({ script: 'test/bench/echoBot.ts', env: { PORT: '0' }, logFile: path.join(runDir, 'echo.log') });
  const echoUrl = `http://127.0.0.1:${echo.port}/api/messages`;
  // Warm both ends of the floor (JIT, connections) once.
  await runLevel({ botUrl: echoUrl, connector, target: 'echo', users: [coordinator(0)], rounds: 2, timeoutMs: 60_000 });

  if (doColdStart) {
    log('cold start (embedded database)');
    results.coldStart = await measureColdStart(runDir, quick ? 1 : 3, log);
  }

  for (const db of dbs) {
    const run: DbRun = { db, levels: [] };
    results.dbRuns.push(run);
    const database = await databaseFor(db, `load-${db}`);
    if (!database) {
      run.skipped = pgProblem ?? 'not available';
      continue;
    }
    log(`${db}: preparing ${orgCoordinators} coordinators`);
    run.prepared = await prepareDatabase(database.target, {
      coordinators: orgCoordinators,
      serviceUrl: connector.url,
      orgFile: path.join(runDir, `org-${orgCoordinators}.json`),
    });
    log(
      `${db}: prepared in ${Math.round(run.prepared.totalMs / 1000)} s (organisation import ${Math.round(run.prepared.importMs / 1000)} s)`,
    );
    const bot = await spawnChild({
      script: 'test/bench/botProcess.ts',
      env: botEnv(database.env),
      logFile: path.join(runDir, `bot-${db}.log`),
    });
    const botUrl = `http://127.0.0.1:${bot.port}/api/messages`;
    try {
      await runLevel({ botUrl, connector, target: 'bot', users: [coordinator(0)], rounds: 1, timeoutMs: 120_000 });
      let next = 1;
      for (const n of levels) {
        const users = Array.from({ length: n }, (_, i) => coordinator(next + i));
        next += n;
        const rounds = roundsFor(n);
        const echoRes = await runLevel({ botUrl: echoUrl, connector, target: 'echo', users, rounds, timeoutMs: levelTimeoutMs });
        const botRes = await runLevel({ botUrl, connector, target: 'bot', users, rounds, timeoutMs: levelTimeoutMs });
        run.levels.push({ coordinators: n, echo: echoRes, bot: botRes, loadavg: os.loadavg()[0]! });
        log(
          `${db} ${n} coordinator(s): bot message p50 ${botRes.message.p50.toFixed(0)} ms / echo ${echoRes.message.p50.toFixed(0)} ms; ` +
            `action p50 ${botRes.action.p50.toFixed(0)} ms / echo ${echoRes.action.p50.toFixed(0)} ms; errors ${botRes.errors}${botRes.errorSamples.length ? ` (${botRes.errorSamples[0]})` : ''}`,
        );
      }
      run.rssAfterLoad = bot.memory();
      results.echoRss = echo.memory();
      if (fanoutCount > 0) {
        log(
          `${db}: fan-out to ${orgCoordinators} coordinators, tenant budget ${tenantRps}/s (ideal ${Math.round(orgCoordinators / tenantRps)} s, waiting at most ${fanoutTimeoutMs / 1000} s)`,
        );
        run.fanout = await runFanout({
          bot,
          connector,
          expected: orgCoordinators,
          tenantRps,
          timeoutMs: fanoutTimeoutMs,
          probeUser: 0,
          log,
        });
        const f = run.fanout;
        log(
          `${db}: fan-out ${f.received}/${f.expected} in ${Math.round(f.elapsedMs / 1000)} s (ideal ${Math.round(f.idealMs / 1000)} s), 429s ${f.throttled}, duplicated ${f.duplicated}${f.queueError ? `; queueing failed: ${f.queueError}` : ''}`,
        );
        run.rssAfterFanout = bot.memory();
      }
    } finally {
      await bot.stop();
    }

    if (db === 'embedded' && doProfile) {
      log('CPU profile of the bot under the 50-coordinator load (embedded)');
      const profDir = path.join(runDir, 'cpu-profile');
      fs.mkdirSync(profDir, { recursive: true });
      const prof = await spawnChild({
        script: 'test/bench/botProcess.ts',
        env: botEnv(database.env),
        logFile: path.join(runDir, 'bot-profile.log'),
        nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`],
      });
      const profUrl = `http://127.0.0.1:${prof.port}/api/messages`;
      let level: LevelResult | undefined;
      let window: { fromUs: number; toUs: number } | undefined;
      try {
        await runLevel({
          botUrl: profUrl,
          connector,
          target: 'bot',
          users: [coordinator(loadCoordinators - PROFILE_LEVEL - 1)],
          rounds: 1,
          timeoutMs: 120_000,
        });
        const fromUs = await prof.call<number>('clock');
        const users = Array.from({ length: PROFILE_LEVEL }, (_, i) => coordinator(loadCoordinators - PROFILE_LEVEL + i));
        level = await runLevel({ botUrl: profUrl, connector, target: 'bot', users, rounds: 1, timeoutMs: levelTimeoutMs });
        window = { fromUs, toUs: await prof.call<number>('clock') };
      } finally {
        await prof.stop();
      }
      // The main thread's profile (thread 0); the other one is the module loader's thread of `--import tsx`.
      const file = fs
        .readdirSync(profDir)
        .filter((f) => /\.0\.\d+\.cpuprofile$/.test(f))
        .map((f) => path.join(profDir, f))
        .at(-1);
      if (file) {
        results.profile = { ...summariseProfile(file, window), file, coordinators: PROFILE_LEVEL, level };
        log(
          `profile: ${file} (${results.profile.windowed ? 'load window only' : 'whole process'}); top areas: ${results.profile.byArea
            .slice(0, 4)
            .map((a) => `${a.area} ${(a.share * 100).toFixed(0)}%`)
            .join(', ')}`,
        );
      } else results.notes.push('The CPU profile was not written (the profiled bot did not exit cleanly).');
    }
    await database.drop().catch(() => {});
  }

  if (doRoundTrips) {
    for (const db of dbs) {
      const database = await databaseFor(db, `roundtrips-${db}`);
      if (!database) {
        results.roundTrips.push({ db, error: pgProblem ?? 'not available' });
        continue;
      }
      log(`${db}: database round trips per turn (instrumented bot)`);
      try {
        await prepareDatabase(database.target, { coordinators: 2 + ROUNDTRIP_CONCURRENT, serviceUrl: connector.url });
        const bot = await spawnChild({
          script: 'test/bench/botProcess.ts',
          env: { ...botEnv(database.env), BENCH_INSTRUMENT: '1' },
          logFile: path.join(runDir, `bot-roundtrips-${db}.log`),
        });
        try {
          const result = await measureRoundTrips({
            bot,
            connector,
            concurrent: ROUNDTRIP_CONCURRENT,
            databaseUrl: database.target.kind === 'postgres' ? database.target.url : undefined,
          });
          results.roundTrips.push({ db, result });
          const w = result.walks[1]!.steps;
          log(`${db}: round trips ${w.map((s) => `${s.step} ${s.roundTrips}`).join(', ')}`);
        } finally {
          await bot.stop();
        }
      } catch (err) {
        results.roundTrips.push({ db, error: String((err as Error).message).split('\n')[0] });
        log(`${db}: round trips failed: ${(err as Error).message}`);
      } finally {
        await database.drop().catch(() => {});
      }
    }
  }

  await echo.stop();
}

let failed: unknown;
try {
  await main();
} catch (err) {
  failed = err;
  console.error(err);
  results.notes.push(`The run stopped early: ${String((err as Error)?.message ?? err).split('\n')[0]}`);
} finally {
  await connector.stop();
  pgServer?.stop();
}

const report = renderReport({
  started,
  wallS: (performance.now() - t0) / 1000,
  command,
  machine: { ...machine, loadEnd: os.loadavg() },
  settings: {
    quick,
    levels,
    roundsFor,
    fanout: fanoutCount,
    orgCoordinators,
    tenantRps,
    perConversation: PER_CONVERSATION_LIMITS,
    fanoutTimeoutS: fanoutTimeoutMs / 1000,
    levelTimeoutS: levelTimeoutMs / 1000,
  },
  postgresNote: pgProblem,
  ...results,
});
fs.writeFileSync(path.join(runDir, 'results.json'), JSON.stringify(results, null, 1));
console.log(`\n${report}`);
if (!args['no-report']) {
  const file = path.join(ROOT, 'BENCHMARKS.md');
  const head = fs.existsSync(file) ? '' : '# Benchmarks\n\nFigures appended by `npm run bench` (see scripts/bench.ts); newest last.\n';
  fs.appendFileSync(file, `${head}\n${report}\n`);
  log(`appended to BENCHMARKS.md; raw results in ${runDir}/results.json`);
}
// Keep logs, results and the profile; the database folders are large.
for (const entry of fs.readdirSync(runDir))
  if (entry.endsWith('-data')) fs.rmSync(path.join(runDir, entry), { recursive: true, force: true });
process.exit(failed ? 1 : 0);
