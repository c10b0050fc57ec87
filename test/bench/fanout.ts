// Reminder fan-out: a year-agenda item due today goes to every coordinator of the matching schools
// (bot/features/reminders/scheduler.ts). The bench runs reminders.runOnce(now) in the bot process and
// lets the delivery worker send, while the connector stand-in enforces Teams' limits. Measured: time
// until every coordinator has it, against the ideal the tenant budget allows (one request per
// coordinator at `tenantRps`), 429s, lost and duplicated messages.
import type { Child } from './children.ts';
import type { BenchConnector } from './connector.ts';
import { Poster } from './driver.ts';
import { coordinator } from './org.ts';
import { FANOUT_TITLE } from './prepare.ts';
import { summarise, type Summary } from './stats.ts';

export interface FanoutResult {
  expected: number;
  tenantRps: number;
  queued: number;
  queueMs: number;
  queueError?: string;
  received: number;
  /** From asking for the reminder run until the last coordinator had it (or the end of the wait). */
  elapsedMs: number;
  idealMs: number;
  complete: boolean;
  lost: number;
  duplicated: number;
  throttled: number;
  requests: number;
  peakRps: number;
  /** Outbox rows of this reminder by status at the end, and how many needed more than one attempt. */
  outbox: Record<string, number>;
  retried: number;
  /** Delivered count at fixed moments, to see the rate over time. */
  progress: { atS: number; received: number }[];
  /**
   * A coordinator typing "help" every half second meanwhile: how the bot answers while it queues and
   * sends (queueing = while runOnce runs; sending = afterwards).
   */
  probe: { queueing: Summary; sending: Summary; errors: number };
}

/** Sends "help" as one coordinator, one request at a time, until stopped; latencies by phase. */
function startProbe(bot: Child, connector: BenchConnector, user: number, phase: () => 'queueing' | 'sending') {
  const poster = new Poster(`http://127.0.0.1:${bot.port}/api/messages`, connector.url, coordinator(user));
  const samples: { queueing: number[]; sending: number[] } = { queueing: [], sending: [] };
  let errors = 0;
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      const p = phase();
      const t0 = performance.now();
      try {
        const r = await poster.say('help');
        if (r.status >= 300) errors++;
        else samples[p].push(performance.now() - t0);
      } catch {
        errors++;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
  return async () => {
    stopped = true;
    await done;
    return { queueing: summarise(samples.queueing), sending: summarise(samples.sending), errors };
  };
}

export async function runFanout(opts: {
  bot: Child;
  connector: BenchConnector;
  expected: number;
  tenantRps: number;
  timeoutMs: number;
  /** Coordinator number of the probe that types "help" meanwhile. */
  probeUser: number;
  log?: (line: string) => void;
}): Promise<FanoutResult> {
  const { bot, connector, expected, tenantRps } = opts;
  connector.enforce({ tenantRps, perConversation: true });
  connector.resetStats();
  connector.watch(FANOUT_TITLE);
  const idealMs = (expected / tenantRps) * 1000;
  const t0 = performance.now();
  const startedAt = Date.now();
  let queued = 0;
  let queueMs = NaN;
  let queueError: string | undefined;
  let phase: 'queueing' | 'sending' = 'queueing';
  const stopProbe = startProbe(bot, connector, opts.probeUser, () => phase);
  try {
    const r = await bot.call<{ queued: number; ms: number }>('runReminders', {}, opts.timeoutMs);
    queued = r.queued;
    queueMs = r.ms;
  } catch (err) {
    // Prisma quotes the calling code first; the reason comes after it.
    const message = String((err as Error).message)
      .replace(/\s+/g, ' ')
      .trim();
    const reason = /(Transaction API error:.*|Transaction already closed.*)$/.exec(message)?.[1];
    queueError = (reason ? `${message.split(':')[0]}: ${reason}` : message).slice(0, 400);
  }
  phase = 'sending';
  const progress: { atS: number; received: number }[] = [];
  let nextMark = 10_000;
  let lastChange = performance.now();
  let lastCount = -1;
  while (performance.now() - t0 < opts.timeoutMs && connector.watched.size < expected) {
    await new Promise((r) => setTimeout(r, 250));
    const elapsed = performance.now() - t0;
    if (elapsed >= nextMark) {
      progress.push({ atS: Math.round(elapsed / 1000), received: connector.watched.size });
      opts.log?.(
        `  fan-out: ${connector.watched.size}/${expected} after ${Math.round(elapsed / 1000)} s (429s: ${connector.stats.throttled})`,
      );
      while (nextMark <= elapsed) nextMark += 10_000;
    }
    if (connector.watched.size !== lastCount) {
      lastCount = connector.watched.size;
      lastChange = performance.now();
    } else if (queued === 0 && performance.now() - lastChange > 15_000) {
      break; // nothing was queued and nothing arrives
    }
  }
  const probe = await stopProbe();
  const complete = connector.watched.size >= expected;
  const elapsedMs = complete && connector.lastWatchedAt ? connector.lastWatchedAt - startedAt : performance.now() - t0;
  // Late duplicates (a retry of a message that did arrive) show up within a few seconds.
  await new Promise((r) => setTimeout(r, 3_000));
  let outbox: Record<string, number> = {};
  let retried = 0;
  try {
    const o = await bot.call<{ byStatus: Record<string, number>; retried: number }>('outbox', { prefix: 'agenda:' }, 120_000);
    outbox = o.byStatus;
    retried = o.retried;
  } catch {
    // reported as empty
  }
  let duplicated = 0;
  for (const n of connector.watched.values()) duplicated += Math.max(0, n - 1);
  const stats = { ...connector.stats };
  connector.enforce(undefined);
  return {
    expected,
    tenantRps,
    queued,
    queueMs,
    queueError,
    received: connector.watched.size,
    elapsedMs,
    idealMs,
    complete,
    lost: expected - connector.watched.size,
    duplicated,
    throttled: stats.throttled,
    requests: stats.requests,
    peakRps: stats.peakRps,
    outbox,
    retried,
    progress,
    probe,
  };
}
