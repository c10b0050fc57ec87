// The SOT bot as a child process for the benchmarks: what bot/index.ts main() does (configuration
// from the environment, startBot), plus a small IPC interface so the bench can run the reminders at a
// chosen moment, read the outbox, and (BENCH_INSTRUMENT=1) count database round trips.
//   node --import tsx test/bench/botProcess.ts   (spawned with an IPC channel by scripts/bench.ts)
import { loadConfig } from '../../bot/config.ts';
import { startBot, type RunningBot } from '../../bot/index.ts';
import { DbCounters, openInstrumentedDatabase } from './dbCounters.ts';

if (!process.send) {
  console.error('botProcess.ts is started by scripts/bench.ts (it needs an IPC channel).');
  process.exit(2);
}
const send = (m: unknown) => process.send!(m);

const config = loadConfig();
const counters = new DbCounters();
const instrumented = process.env.BENCH_INSTRUMENT === '1';
// The same clock bot/index.ts makes from CLOCK_START, kept here so runOnce(now) uses it too.
const offset = config.clockStart ? config.clockStart.getTime() - Date.now() : 0;
const now = () => new Date(Date.now() + offset);

const database = instrumented ? await openInstrumentedDatabase(config.database, counters) : undefined;
const bot: RunningBot = await startBot({ config, database, now, scheduleReminders: false });
send({ ready: true, port: bot.port });

type Command = { id: number; cmd: string; args?: Record<string, unknown> };

async function run(c: Command): Promise<unknown> {
  const db = bot.database.prisma;
  switch (c.cmd) {
    case 'runReminders': {
      const t0 = performance.now();
      const queued = await bot.reminders.runOnce(now());
      return { queued, ms: performance.now() - t0 };
    }
    case 'outbox': {
      const prefix = String(c.args?.prefix ?? '');
      const rows = await db.delivery.groupBy({ by: ['status'], where: { dedupeKey: { startsWith: prefix } }, _count: { _all: true } });
      const retried = await db.delivery.count({ where: { dedupeKey: { startsWith: prefix }, attempts: { gt: 1 } } });
      return { byStatus: Object.fromEntries(rows.map((r) => [r.status, r._count._all])), retried };
    }
    case 'clock':
      // µs on CLOCK_MONOTONIC, the clock of --cpu-prof's sample timestamps.
      return Number(process.hrtime.bigint() / 1000n);
    case 'memory':
      return process.memoryUsage();
    case 'stopDelivery':
      await bot.delivery.stop();
      return true;
    case 'startDelivery':
      bot.delivery.start();
      return true;
    case 'drain':
      return bot.delivery.drain();
    case 'dbReset':
      counters.reset();
      counters.keepSql = c.args?.keepSql !== false;
      return true;
    case 'dbSnapshot': {
      const snap = counters.snapshot();
      if (c.args?.reset) counters.reset();
      return snap;
    }
    case 'stop':
      await bot.stop();
      setImmediate(() => process.exit(0));
      return true;
    default:
      throw new Error(`unknown command ${c.cmd}`);
  }
}

process.on('message', (c: Command) => {
  run(c).then(
    (result) => send({ id: c.id, ok: true, result }),
    (err) => {
      // Prisma's messages start with a blank line: keep name, code and the message on one line.
      const e = err as { name?: string; code?: string; message?: string };
      send({
        id: c.id,
        ok: false,
        error: `${e?.name ?? 'Error'}${e?.code ? ` ${e.code}` : ''}: ${String(e?.message ?? err)
          .replace(/\s+/g, ' ')
          .trim()}`,
      });
    },
  );
});
process.on('disconnect', () => {
  void bot.stop().finally(() => process.exit(0));
});
