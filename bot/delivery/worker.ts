import type { Db } from '../store/database.ts';
import { safeError, type Logger } from '../log.ts';
import type { DeliveryPayload, DeliveryTarget } from './outbox.ts';
import { Pacer } from './pacer.ts';
import { retryDecision, UndeliverableError } from './retryPolicy.ts';

/** Result of a send: where the message now lives in Teams. */
export interface SentMessage {
  serviceUrl: string;
  conversationId: string;
  activityId?: string;
}

export type ResolvedTarget =
  | { type: 'person'; personId: string }
  | { type: 'conversation'; conversationId: string; serviceUrl: string }
  | { type: 'channel'; teamId: string; channelId: string; tenantId?: string }
  | { type: 'reply' | 'update'; serviceUrl: string; conversationId: string; activityId: string };

export interface MessageSender {
  /** True when the sender waits for the pacer before each of its requests (a message can take two). */
  readonly pacesItself?: boolean;
  send(target: ResolvedTarget, message: { text?: string; card?: Record<string, unknown>; summary?: string }): Promise<SentMessage>;
}

/** Renders a card from the current state at send time (so a queued card is never stale). */
export type PayloadRenderer = (
  db: Db,
  args: Record<string, unknown>,
) => Promise<{ text?: string; card?: Record<string, unknown>; summary?: string } | null>;

interface ClaimedRow {
  id: string;
  dedupeKey: string;
  targetKey: string;
  target: DeliveryTarget;
  payload: DeliveryPayload;
  attempts: number;
  createdAt: Date;
}

export interface WorkerTiming {
  /** A claimed row is leased this long; another instance takes it over only after the lease ran out. */
  leaseSeconds: number;
  /** While a send is in flight its lease is renewed this often, so another instance never takes the row over. */
  heartbeatMs: number;
  /** Requests per second to Teams from this worker (the tenant-wide budget, with room to spare). */
  ratePerSecond: number;
  /** Sends in flight at once, each to a different conversation or thread. */
  concurrency: number;
}
export const DEFAULT_TIMING: WorkerTiming = { leaseSeconds: 60, heartbeatMs: 20_000, ratePerSecond: 25, concurrency: 4 };
/** A send that hangs anyway (past the sender's own per-call timeout) is abandoned after this long. */
const SEND_DEADLINE_MS = 45_000;
/** Teams allows 7 messages a second per thread; stay below it. */
const MIN_GAP_PER_THREAD_MS = 200;

/**
 * Sends what the outbox holds. Safe with several instances: a row is leased with
 * FOR UPDATE SKIP LOCKED, and a row waits while an older row with the same order key is pending.
 */
export class DeliveryWorker {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = true;
  private lastSentAt = new Map<string, number>();
  private readonly pacer: Pacer;

  constructor(
    private readonly db: Db,
    private readonly sender: MessageSender,
    private readonly renderers: Record<string, PayloadRenderer>,
    private readonly logger: Logger,
    private readonly pollMs: number,
    private readonly timing: WorkerTiming = DEFAULT_TIMING,
    /** Shared with the sender when it paces its own requests; the worker pauses it on a 429. */
    pacer?: Pacer,
  ) {
    this.pacer = pacer ?? new Pacer(timing.ratePerSecond);
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Call after committing new messages: sends them now instead of at the next poll. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  /** Waits for the send in progress, but not forever: an unfinished row's lease lets it be retried. */
  async stop(maxWaitMs = 10_000): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([this.running, new Promise((resolve) => (timeout = setTimeout(resolve, maxWaitMs)))]);
    clearTimeout(timeout);
  }

  /**
   * Sends every message that is due now and returns how many were handled. Waits for a pass
   * already under way in this process, so that when it returns, nothing due is in flight here.
   */
  async drain(): Promise<number> {
    const previous = this.passes;
    const pass = previous.then(() => this.sendDue());
    this.passes = pass.catch(() => 0);
    return pass;
  }

  private passes: Promise<number> = Promise.resolve(0);

  private async sendDue(): Promise<number> {
    let handled = 0;
    for (;;) {
      const rows = await this.claim();
      if (rows.length === 0) return handled;
      // A claimed batch holds at most one row per order key (only the oldest pending row of a key is
      // claimable), so its rows go to different conversations and may be sent side by side.
      let next = 0;
      const lane = async () => {
        while (next < rows.length) {
          await this.deliver(rows[next++]!);
          handled++;
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.timing.concurrency, rows.length) }, lane));
    }
  }

  private schedule(delay: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .then(() => undefined)
        .catch((err) => this.logger.error({ err: safeError(err) }, 'delivery loop failed'))
        .finally(() => {
          this.running = undefined;
          if (this.stopped) return;
          const rerun = this.again;
          this.again = false;
          this.schedule(rerun ? 0 : this.pollMs);
        });
    }, delay);
    this.timer.unref?.();
  }

  private async claim(): Promise<ClaimedRow[]> {
    return this.db.$queryRaw<ClaimedRow[]>`
      UPDATE "Delivery" SET "lockedUntil" = now() + make_interval(secs => ${this.timing.leaseSeconds}), attempts = attempts + 1
      WHERE id IN (
        SELECT d.id FROM "Delivery" d
        WHERE d.status = 'pending' AND d."nextAttemptAt" <= now()
          AND (d."lockedUntil" IS NULL OR d."lockedUntil" < now())
          AND NOT EXISTS (
            SELECT 1 FROM "Delivery" e
            WHERE e."targetKey" = d."targetKey" AND e.status = 'pending'
              AND (e."createdAt", e.id) < (d."createdAt", d.id))
        ORDER BY d."createdAt", d.id
        LIMIT 10
        FOR UPDATE SKIP LOCKED)
      RETURNING id, "dedupeKey", "targetKey", target, payload, attempts, "createdAt"`;
  }

  private async deliver(row: ClaimedRow): Promise<void> {
    const log = this.logger.child({ delivery: row.id, kind: row.target.type, attempt: row.attempts });
    try {
      const message = await this.materialise(row.payload);
      if (!message) {
        await this.finish(row.id, 'skipped', null);
        return;
      }
      const target = await this.resolve(row.target);
      await this.pace(row.targetKey);
      if (!this.sender.pacesItself) await this.pacer.take();
      const sent = await this.withLease(row.id, () => this.sender.send(target, message));
      this.lastSentAt.set(row.targetKey, Date.now());
      await this.finish(row.id, 'sent', sent);
      log.info({ outcome: 'sent' }, 'delivery sent');
    } catch (err) {
      const decision = retryDecision(err, row.attempts, Date.now() - new Date(row.createdAt).getTime());
      // Teams' budget is per tenant: a 429 with Retry-After holds back every send, not only this row.
      if (decision.retry && decision.retryAfterMs !== undefined) this.pacer.pause(Math.min(decision.retryAfterMs, 60_000));
      if (decision.retry) {
        await this.db.delivery.update({
          where: { id: row.id },
          data: { nextAttemptAt: new Date(Date.now() + decision.delayMs), lockedUntil: null, lastError: decision.reason },
        });
        log.warn({ outcome: 'retry', delayMs: decision.delayMs, reason: decision.reason }, 'delivery will be retried');
      } else {
        // A dead letter: the order key no longer waits for it (only pending rows block), the office hears of it.
        const status = decision.park ? 'parked' : 'failed';
        await this.db.delivery.update({
          where: { id: row.id },
          data: { status, lockedUntil: null, lastError: decision.reason, deadAt: new Date() },
        });
        if (decision.programmingError) log.error({ outcome: status, err: safeError(err) }, 'delivery failed: programming error');
        else log.error({ outcome: status, reason: decision.reason }, 'delivery given up');
      }
    }
  }

  /** Runs a send while renewing the row's lease; gives up after SEND_DEADLINE_MS whatever the sender does. */
  private async withLease<T>(id: string, send: () => Promise<T>): Promise<T> {
    const heartbeat = setInterval(() => {
      void this.db
        .$executeRaw`UPDATE "Delivery" SET "lockedUntil" = now() + make_interval(secs => ${this.timing.leaseSeconds}) WHERE id = ${id}`.catch(
        () => undefined,
      );
    }, this.timing.heartbeatMs);
    heartbeat.unref?.();
    let deadline: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        send(),
        new Promise<never>((_, reject) => {
          deadline = setTimeout(() => reject(Object.assign(new Error('send timed out'), { name: 'TimeoutError' })), SEND_DEADLINE_MS);
          deadline.unref?.();
        }),
      ]);
    } finally {
      clearInterval(heartbeat);
      clearTimeout(deadline);
    }
  }

  private async finish(id: string, status: 'sent' | 'skipped', sent: SentMessage | null) {
    await this.db.delivery.update({
      where: { id },
      data: {
        status,
        lockedUntil: null,
        sentAt: new Date(),
        serviceUrl: sent?.serviceUrl ?? null,
        conversationId: sent?.conversationId ?? null,
        activityId: sent?.activityId ?? null,
      },
    });
  }

  private async materialise(payload: DeliveryPayload) {
    if ('render' in payload) {
      const renderer = this.renderers[payload.render];
      if (!renderer) throw new UndeliverableError(`no renderer named ${payload.render}`);
      return renderer(this.db, payload.args);
    }
    return payload;
  }

  private async resolve(target: DeliveryTarget): Promise<ResolvedTarget> {
    if (target.type !== 'reply' && target.type !== 'update') return target;
    const key = target.type === 'reply' ? target.toKey : target.ofKey;
    const original = await this.db.delivery.findUnique({ where: { dedupeKey: key } });
    if (!original || original.status === 'failed' || original.status === 'skipped') {
      throw new UndeliverableError(`the message ${key} it refers to was never sent`);
    }
    if (original.status !== 'sent' || !original.serviceUrl || !original.conversationId || !original.activityId) {
      // Cannot happen with order keys; retry rather than lose the message.
      throw Object.assign(new Error(`the message ${key} is not sent yet`), { retryable: true });
    }
    return {
      type: target.type,
      serviceUrl: original.serviceUrl,
      conversationId: original.conversationId,
      activityId: original.activityId,
    };
  }

  private async pace(targetKey: string) {
    const last = this.lastSentAt.get(targetKey);
    if (last === undefined) return;
    const wait = last + MIN_GAP_PER_THREAD_MS - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
}
