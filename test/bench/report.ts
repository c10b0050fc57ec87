// The Markdown section `npm run bench` appends to BENCHMARKS.md.
import type { ColdStartResult } from './coldStart.ts';
import type { ProfileSummary } from './cpuProfile.ts';
import type { LevelResult } from './driver.ts';
import type { FanoutResult } from './fanout.ts';
import type { Prepared } from './prepare.ts';
import type { RoundTripResult } from './roundTrips.ts';
import { ms, ratio, table } from './stats.ts';

interface DbRun {
  db: string;
  skipped?: string;
  prepared?: Prepared;
  levels: { coordinators: number; echo: LevelResult; bot: LevelResult; loadavg: number }[];
  rssAfterLoad?: { rssMiB: number; peakMiB: number };
  rssAfterFanout?: { rssMiB: number; peakMiB: number };
  fanout?: FanoutResult;
}

export interface ReportInput {
  started: Date;
  wallS: number;
  command: string;
  machine: { nproc: string; memGiB: string; node: string; commit: string; dirty: boolean; loadStart: number[]; loadEnd: number[] };
  settings: {
    quick: boolean;
    levels: number[];
    roundsFor: (n: number) => number;
    fanout: number;
    orgCoordinators: number;
    tenantRps: number;
    perConversation: [number, number][];
    fanoutTimeoutS: number;
    levelTimeoutS: number;
  };
  postgresNote?: string;
  dbRuns: DbRun[];
  coldStart?: ColdStartResult;
  echoRss?: { rssMiB: number; peakMiB: number };
  profile?: ProfileSummary & { file: string; coordinators: number; level?: LevelResult };
  roundTrips: { db: string; result?: RoundTripResult; error?: string }[];
  notes: string[];
}

const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' / ');
const mib = (x?: number) => (x === undefined || !Number.isFinite(x) ? '–' : `${Math.round(x)} MiB`);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function renderReport(r: ReportInput): string {
  const out: string[] = [];
  const s = r.settings;
  out.push(`### Run ${r.started.toISOString().replace('T', ' ').slice(0, 16)} UTC — \`${r.command}\``);
  out.push('');
  out.push(
    `Machine: ${r.machine.nproc} cores (nproc), ${r.machine.memGiB} GiB memory, Node ${r.machine.node}; commit ${r.machine.commit}${r.machine.dirty ? ' (with uncommitted changes)' : ''}. ` +
      `Load average (1/5/15 min) at start ${load(r.machine.loadStart)}, at end ${load(r.machine.loadEnd)} — the machine is shared, other tests ran alongside. Wall time ${Math.round(r.wallS)} s.`,
  );
  out.push('');
  out.push(
    `Settings: ${s.levels.map((n) => `${n} coordinator${n === 1 ? '' : 's'} × ${s.roundsFor(n)} walk${s.roundsFor(n) === 1 ? '' : 's'}`).join(', ')}; ` +
      `a walk = "help" ×3, "spreekuur" (message turns), Controleren, Versturen (card actions), no think time; ` +
      `organisation of ${s.orgCoordinators} coordinators; fan-out at ${s.tenantRps} requests/s per tenant and ${s.perConversation.map(([n, w]) => `${n}/${w >= 3_600_000 ? 'hour' : `${w / 1000} s`}`).join(', ')} per conversation; ` +
      `at most ${s.levelTimeoutS} s per level, ${s.fanoutTimeoutS} s for the fan-out.`,
  );
  if (r.postgresNote) out.push('', `**PostgreSQL skipped:** ${r.postgresNote}`);
  for (const n of r.notes) out.push('', `**Note:** ${n}`);

  // Load table.
  const rows: (string | number)[][] = [];
  for (const run of r.dbRuns) {
    if (run.skipped) {
      rows.push([run.db, '–', `skipped: ${run.skipped}`, '', '', '', '', '', '', '', '', '', '']);
      continue;
    }
    for (const l of run.levels) {
      for (const [who, x] of [
        ['echo (floor)', l.echo],
        ['SOT bot', l.bot],
      ] as const) {
        const isBot = who === 'SOT bot';
        rows.push([
          run.db,
          l.coordinators,
          who,
          ms(x.message.p50),
          ms(x.message.p95),
          ms(x.message.p99),
          ms(x.action.p50),
          ms(x.action.p95),
          ms(x.action.p99),
          (x.turns / (x.wallMs / 1000)).toFixed(1),
          `${x.errors}${x.timedOut ? ' (timed out)' : ''}`,
          isBot
            ? `${ratio(x.message.p50, l.echo.message.p50)} / ${ratio(x.message.p95, l.echo.message.p95)} / ${ratio(x.message.p99, l.echo.message.p99)}`
            : '',
          isBot
            ? `${ratio(x.action.p50, l.echo.action.p50)} / ${ratio(x.action.p95, l.echo.action.p95)} / ${ratio(x.action.p99, l.echo.action.p99)}`
            : '',
        ]);
      }
    }
  }
  out.push('', '#### Coordinator load (ms; turns/s = completed turns per second of wall time)', '');
  out.push(
    table(
      [
        'database',
        'coordinators',
        'bot',
        'message p50',
        'p95',
        'p99',
        'card action p50',
        'p95',
        'p99',
        'turns/s',
        'errors',
        'message ×floor p50/p95/p99',
        'action ×floor p50/p95/p99',
      ],
      rows,
    ),
  );
  const samples = r.dbRuns.flatMap((run) => run.levels.flatMap((l) => l.bot.errorSamples.map((e) => `${run.db}, ${l.coordinators}: ${e}`)));
  if (samples.length) out.push('', `Errors seen (first few): ${samples.slice(0, 6).join('; ')}.`);

  // Fan-out.
  const fan = r.dbRuns.filter((run) => run.fanout);
  if (fan.length) {
    out.push('', '#### Reminder fan-out (year-agenda item due today → every coordinator)', '');
    out.push(
      table(
        [
          'database',
          'coordinators',
          'runOnce (queueing)',
          'delivered',
          'time to all',
          'ideal at budget',
          '× ideal',
          '429s',
          'requests',
          'peak req/s',
          'lost',
          'duplicated',
          'outbox at end',
          'rows retried',
        ],
        fan.map((run) => {
          const f = run.fanout!;
          return [
            run.db,
            f.expected,
            f.queueError ? `failed: ${f.queueError}` : `${f.queued} in ${(f.queueMs / 1000).toFixed(1)} s`,
            f.received,
            f.complete ? `${(f.elapsedMs / 1000).toFixed(1)} s` : `not all after ${(f.elapsedMs / 1000).toFixed(0)} s`,
            `${(f.idealMs / 1000).toFixed(1)} s`,
            f.complete ? ratio(f.elapsedMs, f.idealMs) : '–',
            f.throttled,
            f.requests,
            f.peakRps,
            f.lost,
            f.duplicated,
            Object.entries(f.outbox)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ') || '–',
            f.retried,
          ];
        }),
      ),
    );
    for (const run of fan) {
      const p = run.fanout!.progress;
      if (p.length) out.push('', `Delivered over time (${run.db}): ${p.map((x) => `${x.atS} s: ${x.received}`).join(', ')}.`);
      const pr = run.fanout!.probe;
      if (pr) {
        const t = (v: number) => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
        const phase = (x: { n: number; p50: number; p95: number; max: number }) =>
          x.n ? `p50 ${t(x.p50)}, p95 ${t(x.p95)}, max ${t(x.max)} (n=${x.n})` : 'no answer';
        out.push(
          '',
          `Meanwhile (${run.db}) one coordinator typed "help" every 0.5 s: while runOnce queued, ${phase(pr.queueing)}; while the worker sent, ${phase(pr.sending)}${pr.errors ? `; ${pr.errors} errors` : ''}.`,
        );
      }
    }
  }

  // Cold start and memory.
  if (r.coldStart) {
    const c = r.coldStart;
    out.push('', '#### Cold start to healthy (`/healthz` 200; `node --import tsx bot/index.ts`, embedded database)', '');
    out.push(
      table(
        ['start', 'ms'],
        [
          ['first ever (empty data folder: database created, migrations applied)', ms(c.firstEverMs)],
          [
            `data folder migrated before (median of ${c.preparedMs.n}; min–max)`,
            `${ms(c.preparedMs.p50)} (${ms(c.preparedMs.min)}–${ms(c.preparedMs.max)})`,
          ],
          [`echo bot (floor, median of ${c.echoMs.n})`, ms(c.echoMs.p50)],
        ],
      ),
    );
  }
  const mem = r.dbRuns.filter((run) => run.rssAfterLoad);
  if (mem.length) {
    out.push('', '#### Memory (resident set of the bot process)', '');
    out.push(
      table(
        ['database', 'after the load levels', 'peak so far', 'after the fan-out', 'peak'],
        [
          ...mem.map((run) => [
            run.db,
            mib(run.rssAfterLoad?.rssMiB),
            mib(run.rssAfterLoad?.peakMiB),
            mib(run.rssAfterFanout?.rssMiB),
            mib(run.rssAfterFanout?.peakMiB),
          ]),
          ['echo bot (floor)', mib(r.echoRss?.rssMiB), mib(r.echoRss?.peakMiB), '', ''],
        ],
      ),
    );
  }

  // Round trips.
  for (const rt of r.roundTrips) {
    out.push('', `#### Database round trips per turn (${rt.db})`, '');
    if (!rt.result) {
      out.push(`Not measured: ${rt.error}`);
      continue;
    }
    const res = rt.result;
    for (const w of res.walks) {
      out.push(`${w.label}; round trips = statements + BEGIN/COMMIT:`, '');
      out.push(
        table(
          ['turn', 'ms (alone)', 'statements', 'round trips', 'transactions', 'statements by kind and table'],
          w.steps.map((x) => [x.step, ms(x.ms), x.statements, x.roundTrips, x.transactions, x.detail]),
        ),
      );
      out.push('');
    }
    const steady = res.walks.at(-1)!.steps;
    out.push('Statements in order (S select, I insert, U update), steady state:', '');
    for (const st of steady.filter((x) => /help \(3\)|spreekuur|Controleren|Versturen/.test(x.step)))
      out.push(`- **${st.step}**: ${st.sequence}`);
    out.push('');
    out.push(
      table(
        ['background work', 'ms', 'statements', 'round trips', 'transactions', 'statements by kind and table'],
        [
          [
            res.delivery.step,
            ms(res.delivery.ms),
            res.delivery.statements,
            res.delivery.roundTrips,
            res.delivery.transactions,
            res.delivery.detail,
          ],
          [
            `${res.reminders.step}: ${res.reminders.queued} queued`,
            ms(res.reminders.ms),
            res.reminders.statements,
            res.reminders.roundTrips,
            res.reminders.transactions,
            res.reminders.detail,
          ],
          [
            `${res.reminderDelivery.step} (${res.reminderDelivery.perMessage.toFixed(1)} round trips per message)`,
            ms(res.reminderDelivery.ms),
            res.reminderDelivery.statements,
            res.reminderDelivery.roundTrips,
            res.reminderDelivery.transactions,
            res.reminderDelivery.detail,
          ],
        ],
      ),
    );
    const c = res.concurrency;
    if (c) {
      out.push(
        '',
        `Under load: ${c.coordinators} coordinators at once (${c.turns} turns, delivery worker running): ${c.statements} statements, ${c.transactions} transactions.`,
      );
      out.push(
        '',
        table(
          ['', 'n', 'p50', 'p95', 'p99', 'max'],
          [
            [
              'statement outside a transaction (ms, incl. waiting for the engine/pool)',
              c.outsideTx.n,
              ms(c.outsideTx.p50),
              ms(c.outsideTx.p95),
              ms(c.outsideTx.p99),
              ms(c.outsideTx.max),
            ],
            [
              'statement inside a transaction',
              c.insideTx.n,
              ms(c.insideTx.p50),
              ms(c.insideTx.p95),
              ms(c.insideTx.p99),
              ms(c.insideTx.max),
            ],
            [
              "getting a transaction (BEGIN done; waiting for PGlite's lock or a pool connection)",
              c.txAcquire.n,
              ms(c.txAcquire.p50),
              ms(c.txAcquire.p95),
              ms(c.txAcquire.p99),
              ms(c.txAcquire.max),
            ],
            ['transaction held (BEGIN → COMMIT)', c.txHold.n, ms(c.txHold.p50), ms(c.txHold.p95), ms(c.txHold.p99), ms(c.txHold.max)],
          ],
        ),
      );
      out.push('', 'Statements by total time under load (top 12):', '');
      out.push(
        table(
          ['statement', 'n', 'p50 ms', 'p95 ms', 'max ms', 'total s'],
          c.byStatement
            .slice(0, 12)
            .map((b) => [b.key, b.n, ms(b.ms.p50), ms(b.ms.p95), ms(b.ms.max), ((b.ms.mean * b.n) / 1000).toFixed(1)]),
        ),
      );
      if (c.lockWaits) {
        out.push(
          '',
          `PostgreSQL lock waits (pg_stat_activity every 50 ms, ${c.lockWaits.samples} samples): on average ${c.lockWaits.meanWaiting.toFixed(2)} backends waiting for a lock, at most ${c.lockWaits.maxWaiting}; ` +
            `by wait event (backend-samples): ${
              Object.entries(c.lockWaits.byEvent)
                .map(([k, v]) => `${k} ${v}`)
                .join(', ') || 'none'
            }.`,
        );
      }
    }
  }

  // Profile.
  if (r.profile) {
    const p = r.profile;
    out.push('', `#### CPU profile (\`node --cpu-prof\`, embedded database, ${p.coordinators} coordinators at once)`, '');
    out.push(
      `${p.windowed ? 'Samples of the load window only' : 'Whole process (the load window could not be matched)'}: ${(p.busyMs / 1000).toFixed(1)} s on CPU of ${(p.totalMs / 1000).toFixed(1)} s sampled` +
        `${p.level ? `; the load: message p50 ${ms(p.level.message.p50)} ms, card action p50 ${ms(p.level.action.p50)} ms (profiler attached)` : ''}. Profile: \`${p.file}\`.`,
    );
    out.push('', 'Self time by area:', '');
    out.push(
      table(
        ['area', 'self time', 'share of CPU'],
        p.byArea.slice(0, 14).map((a) => [a.area, `${(a.ms / 1000).toFixed(2)} s`, pct(a.share)]),
      ),
    );
    out.push('', 'Top functions by self time:', '');
    out.push(
      table(
        ['function', 'area', 'self', 'share'],
        p.topSelf.slice(0, 15).map((f) => [`\`${f.fn}\``, f.area, `${(f.ms / 1000).toFixed(2)} s`, pct(f.share)]),
      ),
    );
    out.push('', "The bot's own functions by inclusive time (outermost call):", '');
    out.push(
      table(
        ['function', 'inclusive', 'share'],
        p.topOwnInclusive.slice(0, 15).map((f) => [`\`${f.fn}\``, `${(f.ms / 1000).toFixed(2)} s`, pct(f.share)]),
      ),
    );
  }
  return out.join('\n');
}
