// A lean Bot Connector stand-in for benchmarks: answers what the bot calls (posts, replies, card
// updates, new conversations and channel threads, member look-ups), keeps only counts and the last card
// per conversation, and can enforce Teams' rate limits (answering 429 with Retry-After beyond them).
//
// Limits (../shared/platform.md, "Teams limits that bound the design"):
//   per bot per conversation thread: 7 messages / 1 s, 8 / 2 s, 60 / 30 s, 1800 / hour;
//   per app per tenant: one global budget of requests per second (published figures: 30 or 50).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import crypto from 'node:crypto';

/** [count, window in ms] */
export const PER_CONVERSATION_LIMITS: [number, number][] = [
  [7, 1_000],
  [8, 2_000],
  [60, 30_000],
  [1800, 3_600_000],
];

export interface Limits {
  /** Requests per second for the whole tenant (all conversations, every request). */
  tenantRps: number;
  /** Apply the per-conversation send limits. */
  perConversation: boolean;
}

/** Timestamps in a sliding window; `wait` says how long until one more fits every limit. */
class Window {
  private stamps: number[] = [];
  private head = 0;
  private readonly longest: number;
  constructor(private readonly limits: [number, number][]) {
    this.longest = Math.max(...limits.map(([, ms]) => ms));
  }

  /** 0 when one more request fits now; otherwise ms until the earliest slot frees. */
  wait(now: number): number {
    while (this.head < this.stamps.length && this.stamps[this.head]! <= now - this.longest) this.head++;
    if (this.head > 1024 && this.head * 2 > this.stamps.length) {
      this.stamps = this.stamps.slice(this.head);
      this.head = 0;
    }
    let wait = 0;
    const n = this.stamps.length;
    for (const [count, ms] of this.limits) {
      // With `count` requests already inside the window, the oldest of them must leave first.
      const idx = n - count;
      if (idx >= this.head && this.stamps[idx]! > now - ms) wait = Math.max(wait, this.stamps[idx]! + ms - now);
    }
    return wait;
  }

  record(now: number): void {
    this.stamps.push(now);
  }
}

export interface ConnectorStats {
  requests: number;
  accepted: number;
  throttled: number;
  posts: number;
  updates: number;
  created: number;
  /** Highest number of accepted requests in any one-second bucket. */
  peakRps: number;
}

export class BenchConnector {
  private server?: http.Server;
  url = '';
  limits?: Limits;
  private tenant?: Window;
  private conversations = new Map<string, Window>();
  private lastCards = new Map<string, Record<string, any>>();
  /** Posts per conversation whose summary equals `watchSummary` (the fan-out's reminder). */
  readonly watched = new Map<string, number>();
  watchSummary?: string;
  firstWatchedAt?: number;
  lastWatchedAt?: number;
  stats: ConnectorStats = zeroStats();
  private buckets = new Map<number, number>();

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server?.close(() => resolve()));
    this.server?.closeAllConnections();
    await closed;
  }

  /** Turns the Teams limits on (fan-out) or off (undefined: the coordinator load measures the bot, not throttling). */
  enforce(limits: Limits | undefined): void {
    this.limits = limits;
    this.tenant = limits ? new Window([[limits.tenantRps, 1_000]]) : undefined;
    this.conversations.clear();
  }

  resetStats(): void {
    this.stats = zeroStats();
    this.buckets.clear();
  }

  watch(summary: string): void {
    this.watchSummary = summary;
    this.watched.clear();
    this.firstWatchedAt = this.lastWatchedAt = undefined;
  }

  /** The last Adaptive Card posted to a conversation. */
  lastCard(conversationId: string): Record<string, any> | undefined {
    return this.lastCards.get(conversationId);
  }

  forget(conversationId: string): void {
    this.lastCards.delete(conversationId);
  }

  /** 0 when the request is accepted (and counted against the limits); else ms to wait. Refused requests use no budget. */
  private throttle(conversationId: string | undefined, isSend: boolean, now: number): number {
    if (!this.limits || !this.tenant) return 0;
    let conversation: Window | undefined;
    if (isSend && conversationId && this.limits.perConversation) {
      conversation = this.conversations.get(conversationId);
      if (!conversation) {
        conversation = new Window(PER_CONVERSATION_LIMITS);
        this.conversations.set(conversationId, conversation);
      }
    }
    const wait = Math.max(this.tenant.wait(now), conversation?.wait(now) ?? 0);
    if (wait > 0) return wait;
    this.tenant.record(now);
    conversation?.record(now);
    return 0;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? JSON.parse(text) : {};
    const url = new URL(req.url ?? '/', 'http://x');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const send = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(json === undefined ? '' : JSON.stringify(json));
    };
    const now = Date.now();
    this.stats.requests++;
    const isSend = req.method === 'POST' || req.method === 'PUT';
    const conversationId = parts[1] === 'conversations' ? parts[2] : undefined;
    const wait = this.throttle(conversationId, isSend, now);
    if (wait > 0) {
      this.stats.throttled++;
      send(
        429,
        { error: { code: 'TooManyRequests', message: 'throttled' } },
        { 'retry-after': String(Math.max(1, Math.ceil(wait / 1000))) },
      );
      return;
    }
    this.stats.accepted++;
    const bucket = Math.floor(now / 1000);
    const inBucket = (this.buckets.get(bucket) ?? 0) + 1;
    this.buckets.set(bucket, inBucket);
    if (inBucket > this.stats.peakRps) this.stats.peakRps = inBucket;
    if (this.buckets.size > 120) for (const k of this.buckets.keys()) if (k < bucket - 60) this.buckets.delete(k);

    if (parts[0] === 'v3' && parts[1] === 'conversations') {
      if (parts.length === 2 && req.method === 'POST') {
        const channelId = body.channelData?.channel?.id;
        const activityId = body.activity ? newId() : undefined;
        const id = channelId ? `${channelId};messageid=${activityId}` : `a:${newId()}`;
        this.stats.created++;
        if (body.activity) this.record(id, body.activity, now);
        send(201, { id, activityId });
        return;
      }
      if (parts[3] === 'activities' && req.method === 'POST') {
        this.stats.posts++;
        this.record(conversationId!, body, now);
        send(201, { id: newId() });
        return;
      }
      if (parts[3] === 'activities' && req.method === 'PUT' && parts[4]) {
        this.stats.updates++;
        send(200, { id: parts[4] });
        return;
      }
      if (parts[3] === 'members' && req.method === 'GET') {
        send(404, { error: { code: 'MemberNotFoundInConversation', message: 'not found' } });
        return;
      }
    }
    if (parts[0] === 'v3' && parts[1] === 'teams' && req.method === 'GET') {
      send(200, parts[3] === 'conversations' ? { conversations: [] } : { id: parts[2], name: 'Team' });
      return;
    }
    send(404, { error: { code: 'NotFound', message: `${req.method} ${url.pathname}` } });
  }

  private record(conversationId: string, activity: Record<string, any>, now: number) {
    const card = (activity.attachments ?? []).find((a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
    if (card) this.lastCards.set(conversationId, card);
    if (this.watchSummary && activity.summary === this.watchSummary) {
      this.watched.set(conversationId, (this.watched.get(conversationId) ?? 0) + 1);
      this.firstWatchedAt ??= now;
      this.lastWatchedAt = now;
    }
  }
}

function zeroStats(): ConnectorStats {
  return { requests: 0, accepted: 0, throttled: 0, posts: 0, updates: 0, created: 0, peakRps: 0 };
}

function newId() {
  return crypto.randomBytes(8).toString('hex');
}
