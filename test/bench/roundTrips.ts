// Where the time goes in the database: the bot runs with an instrumented adapter
// (BENCH_INSTRUMENT=1, test/bench/dbCounters.ts), the delivery worker paused, and one coordinator walks
// the dialog alone, step by step; every statement and transaction between sending a turn and its
// answer belongs to that turn. Then the paused channel post is delivered and the reminders are run,
// counted the same way. Last, 50 coordinators at once with counting on: statement timings, time to get
// a transaction, time a transaction is held, and (PostgreSQL) backends waiting for locks.
import { findAction, fillInputs, textOf } from '../support/cards.ts';
import type { Child } from './children.ts';
import type { BenchConnector } from './connector.ts';
import { describeStatements, type Statement, type TxRecord } from './dbCounters.ts';
import { BENCH_NOW, Poster, runLevel } from './driver.ts';
import { coordinator } from './org.ts';
import { sampleLockWaits } from './postgres.ts';
import { summarise, type Summary } from './stats.ts';
import { TestClock } from '../support/clock.ts';

export interface StepCount {
  step: string;
  ms: number;
  /** Statements sent by Prisma, without BEGIN/COMMIT. */
  statements: number;
  /** Statements plus BEGIN and COMMIT/ROLLBACK: what travels to the database. */
  roundTrips: number;
  transactions: number;
  /** Statements grouped, e.g. "select Person, select Consultant, …". */
  detail: string;
  /** Statements in order, e.g. "S Person → S Consultant → BEGIN → I Request → … → COMMIT". */
  sequence: string;
}

export interface ConcurrencyDb {
  coordinators: number;
  turns: number;
  statements: number;
  transactions: number;
  /** Per statement kind+table: count and timing. */
  byStatement: { key: string; n: number; ms: Summary }[];
  outsideTx: Summary;
  insideTx: Summary;
  txAcquire: Summary;
  txHold: Summary;
  lockWaits?: { samples: number; meanWaiting: number; maxWaiting: number; byEvent: Record<string, number> };
}

export interface RoundTripResult {
  walks: { label: string; steps: StepCount[] }[];
  delivery: StepCount;
  reminders: StepCount & { queued: number };
  reminderDelivery: StepCount & { perMessage: number };
  concurrency?: ConcurrencyDb;
}

type Snapshot = { statements: Statement[]; transactions: TxRecord[] };

function count(step: string, ms: number, snap: Snapshot): StepCount {
  const control = snap.statements.filter((s) => s.kind === 'begin' || s.kind === 'commit' || s.kind === 'rollback').length;
  return {
    step,
    ms,
    statements: snap.statements.length - control,
    roundTrips: snap.statements.length,
    transactions: snap.transactions.length,
    detail: describeStatements(snap.statements),
    sequence: snap.statements
      .map((st) =>
        ['begin', 'commit', 'rollback'].includes(st.kind)
          ? st.kind.toUpperCase()
          : `${st.kind === 'other' ? '' : st.kind[0]!.toUpperCase()} ${st.table}`.trim(),
      )
      .join(' → '),
  };
}

const clock = new TestClock(BENCH_NOW);

async function countedWalk(bot: Child, connector: BenchConnector, userIndex: number): Promise<StepCount[]> {
  const poster = new Poster(`http://127.0.0.1:${bot.port}/api/messages`, connector.url, coordinator(userIndex));
  const steps: StepCount[] = [];
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    await bot.call('dbReset');
    const t0 = performance.now();
    const r = await fn();
    const ms = performance.now() - t0;
    steps.push(count(name, ms, await bot.call<Snapshot>('dbSnapshot', { reset: true })));
    return r;
  };
  for (let i = 1; i <= 3; i++) await step(`help (${i})`, () => poster.say('help'));
  connector.forget(poster.conversationId);
  await step('spreekuur (typed → form)', () => poster.say('spreekuur'));
  const form = connector.lastCard(poster.conversationId)!;
  const action = findAction(form, 'Controleren');
  const values = fillInputs(form, {
    'Uw vraag (kort)': 'Hoe ondersteunen we een leerling met faalangst?',
    'Met wie wilt u het bespreken?': 'Ouders',
    'Gaat het over een leerling?': 'Ja, anoniem',
    'Voorkeursmoment 1: datum': clock.isoDay(7),
    'Voorkeursmoment 1: dagdeel': 'Ochtend',
    'Vorm van het gesprek': 'Op school',
    Urgentie: 'Normaal',
  });
  const review = await step('Controleren', () => poster.execute('spreekuur.review', { ...values, ...(action.data ?? {}) }));
  if (!review.card || !textOf(review.card).includes('Versturen')) throw new Error('round trips: no review card');
  const sent = await step('Versturen', () => poster.execute('request.confirm', findAction(review.card!, 'Versturen').data ?? {}));
  if (!sent.card || !/SOT-\d{4}-\d{4}/.test(textOf(sent.card))) throw new Error('round trips: not sent');
  return steps;
}

function concurrencyOf(snap: Snapshot, coordinators: number, turns: number): ConcurrencyDb {
  const groups = new Map<string, number[]>();
  for (const s of snap.statements) {
    const key = s.kind === 'begin' || s.kind === 'commit' || s.kind === 'rollback' ? s.kind.toUpperCase() : `${s.kind} ${s.table}`.trim();
    const xs = groups.get(key) ?? [];
    xs.push(s.ms);
    groups.set(key, xs);
  }
  const plain = snap.statements.filter((s) => !['begin', 'commit', 'rollback'].includes(s.kind));
  return {
    coordinators,
    turns,
    statements: plain.length,
    transactions: snap.transactions.length,
    byStatement: [...groups]
      .map(([key, xs]) => ({ key, n: xs.length, ms: summarise(xs) }))
      .sort((a, b) => b.n * b.ms.mean - a.n * a.ms.mean),
    outsideTx: summarise(plain.filter((s) => !s.inTx).map((s) => s.ms)),
    insideTx: summarise(plain.filter((s) => s.inTx).map((s) => s.ms)),
    txAcquire: summarise(snap.transactions.map((t) => t.acquireMs)),
    txHold: summarise(snap.transactions.map((t) => t.holdMs)),
  };
}

/**
 * `bot` runs botProcess.ts with BENCH_INSTRUMENT=1 on a prepared database of at least
 * 2 + `concurrent` coordinators (0 and 1 walk alone; 2… run at once). `databaseUrl` for lock sampling.
 */
export async function measureRoundTrips(opts: {
  bot: Child;
  connector: BenchConnector;
  concurrent: number;
  databaseUrl?: string;
}): Promise<RoundTripResult> {
  const { bot, connector } = opts;
  await bot.call('stopDelivery');
  // A warm process: one walk first (templates read, tenant list cached, JIT), not reported.
  await countedWalk(bot, connector, 0);
  await bot.call('drain');
  const walks = [
    { label: 'first walk of a coordinator (process warm)', steps: await countedWalk(bot, connector, 1) },
    { label: 'same coordinator again', steps: await countedWalk(bot, connector, 1) },
  ];

  // The channel posts the two Versturen queued (worker paused), delivered now.
  await bot.call('dbReset');
  let t0 = performance.now();
  const sent = await bot.call<number>('drain');
  let ms = performance.now() - t0;
  const deliverySnap = await bot.call<Snapshot>('dbSnapshot', { reset: true });
  const delivery = count(`delivery of ${sent} channel posts`, ms, deliverySnap);

  t0 = performance.now();
  const r = await bot.call<{ queued: number }>('runReminders');
  ms = performance.now() - t0;
  const reminders = {
    ...count(`reminders.runOnce (agenda item for every coordinator)`, ms, await bot.call<Snapshot>('dbSnapshot', { reset: true })),
    queued: r.queued,
  };
  t0 = performance.now();
  const delivered = await bot.call<number>('drain', {}, 1_800_000);
  ms = performance.now() - t0;
  const rd = count(`delivery of ${delivered} reminders`, ms, await bot.call<Snapshot>('dbSnapshot', { reset: true }));
  const reminderDelivery = { ...rd, perMessage: delivered ? rd.roundTrips / delivered : NaN };

  let concurrency: ConcurrencyDb | undefined;
  if (opts.concurrent > 0) {
    // As in production, the delivery worker runs alongside (its statements are counted too).
    await bot.call('startDelivery');
    await bot.call('dbReset', { keepSql: false });
    const sampler = opts.databaseUrl ? sampleLockWaits(opts.databaseUrl) : undefined;
    const users = Array.from({ length: opts.concurrent }, (_, i) => coordinator(2 + i));
    const level = await runLevel({
      botUrl: `http://127.0.0.1:${bot.port}/api/messages`,
      connector,
      target: 'bot',
      users,
      rounds: 1,
      timeoutMs: 300_000,
    });
    const lockWaits = await sampler?.stop();
    concurrency = { ...concurrencyOf(await bot.call<Snapshot>('dbSnapshot', { reset: true }), opts.concurrent, level.turns), lockWaits };
  }
  return { walks, delivery, reminders, reminderDelivery, concurrency };
}
