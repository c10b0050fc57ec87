import http from 'node:http';
import type { AddressInfo } from 'node:net';
import crypto from 'node:crypto';

export interface SentActivity {
  conversationId: string;
  /** Present for replies in a thread. */
  replyToId?: string;
  id: string;
  activity: Record<string, any>;
}
export interface CreatedConversation {
  id: string;
  activityId?: string;
  params: Record<string, any>;
}
export interface Fault {
  /** Answer with this status; without it, the write is done normally (after `delayMs`). */
  status?: number;
  retryAfterSeconds?: number;
  /** Answer only after this long (a slow Teams); a status-less fault with a long delay is a hang. */
  delayMs?: number;
}

/** Random faults on writes, as a flaky Teams would answer (the fault matrix, test/faults). */
export interface Chaos {
  /** Share of writes that fail, 0…1. */
  rate: number;
  kinds: ('429' | '500' | 'timeout' | 'reset')[];
  /** How long a "timeout" holds the request before dropping it. */
  hangMs?: number;
  /** The first N writes fail for sure, one kind after the other (so a short run always meets every kind). */
  firstWrites?: number;
}

/**
 * A local stand-in for the Bot Connector (the Teams side of the bot's outgoing calls):
 * records every post, update and new conversation, answers member look-ups, and can fail
 * on demand (500, 429 with Retry-After, …).
 */
export class FakeConnector {
  readonly posts: SentActivity[] = [];
  readonly updates: SentActivity[] = [];
  readonly created: CreatedConversation[] = [];
  readonly members = new Map<string, Record<string, unknown>>();
  private faults: Fault[] = [];
  private chaos?: Chaos;
  private writes = 0;
  /** Faults injected by chaos, by kind; `lostAnswers` are writes that were recorded but whose answer never came back. */
  readonly injected: Record<string, number> = {};
  readonly lostAnswers = new Set<string>();
  private server?: http.Server;
  url = '';

  setChaos(chaos: Chaos | undefined): void {
    this.chaos = chaos;
    this.writes = 0;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server?.close(() => resolve()));
    this.server?.closeAllConnections();
    await closed;
  }

  /** The next writes (posts, updates, new conversations) answer with these faults, in order. */
  failNext(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  /** What GET /v3/conversations/{id}/members/{userId} answers for this user id. */
  setMember(userId: string, member: { aadObjectId?: string; name?: string; email?: string; userPrincipalName?: string }): void {
    this.members.set(userId, { id: userId, ...member });
  }

  /** Everything posted to one conversation (new threads started there included). */
  messagesIn(conversationId: string): Record<string, any>[] {
    return this.posts.filter((p) => p.conversationId === conversationId).map((p) => p.activity);
  }

  /** Adaptive Cards in the messages of one conversation, oldest first. */
  cardsIn(conversationId: string): Record<string, any>[] {
    return this.messagesIn(conversationId).flatMap(cardsOf);
  }

  threadsInChannel(channelId: string): CreatedConversation[] {
    return this.created.filter((c) => c.params.channelData?.channel?.id === channelId);
  }

  reset(): void {
    this.posts.length = 0;
    this.updates.length = 0;
    this.created.length = 0;
    this.faults = [];
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const body = await readJson(req);
    const url = new URL(req.url ?? '/', 'http://x');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const send = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(json === undefined ? '' : JSON.stringify(json));
    };
    const isWrite = req.method === 'POST' || req.method === 'PUT';
    let dropAnswer = false;
    const forced = isWrite && this.chaos && this.writes < (this.chaos.firstWrites ?? 0);
    if (isWrite) this.writes++;
    if (isWrite && this.chaos && (forced || Math.random() < this.chaos.rate)) {
      const kind = forced
        ? this.chaos.kinds[(this.writes - 1) % this.chaos.kinds.length]!
        : this.chaos.kinds[Math.floor(Math.random() * this.chaos.kinds.length)]!;
      this.injected[kind] = (this.injected[kind] ?? 0) + 1;
      if (kind === '429') return send(429, { error: { code: 'Throttled', message: 'injected 429' } }, { 'retry-after': '1' });
      if (kind === '500') return send(500, { error: { code: 'Injected', message: 'injected 500' } });
      if (kind === 'reset' && Math.random() < 0.5) return void req.socket.destroy(); // refused before it was done
      // A timeout or a late reset: Teams did the work, but the answer never arrives.
      dropAnswer = true;
    }
    if (dropAnswer) {
      const hang = this.chaos!.hangMs ?? 20_000;
      const lost = (_status: number, json?: unknown) => {
        const id = (json as { id?: string; activityId?: string } | undefined)?.activityId ?? (json as { id?: string } | undefined)?.id;
        if (id) this.lostAnswers.add(id);
        setTimeout(() => req.socket.destroy(), hang).unref();
      };
      return this.route(req, parts, body, url, lost);
    }
    return this.route(req, parts, body, url, send);
  }

  private async route(
    req: http.IncomingMessage,
    parts: string[],
    body: any,
    url: URL,
    send: (status: number, json?: unknown, headers?: Record<string, string>) => void,
  ) {
    const isWrite = req.method === 'POST' || req.method === 'PUT';
    if (isWrite && this.faults.length) {
      const fault = this.faults.shift()!;
      if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (req.socket.destroyed) return; // the caller gave up waiting
      if (fault.status !== undefined) {
        send(
          fault.status,
          { error: { code: 'Injected', message: `injected ${fault.status}` } },
          fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {},
        );
        return;
      }
    }
    // /v3/conversations
    if (parts[0] === 'v3' && parts[1] === 'conversations') {
      if (parts.length === 2 && req.method === 'POST') {
        const channelId = body.channelData?.channel?.id;
        const activityId = body.activity ? newId() : undefined;
        // Teams gives a bot and a user one 1:1 chat: the same id every time it is opened.
        const member = body.members?.[0]?.id;
        const id = channelId ? `${channelId};messageid=${activityId}` : member ? `a:personal-${member}` : `a:${newId()}`;
        this.created.push({ id, activityId, params: body });
        if (body.activity) this.posts.push({ conversationId: id, id: activityId!, activity: body.activity });
        send(201, { id, activityId });
        return;
      }
      const conversationId = parts[2]!;
      if (parts[3] === 'activities' && req.method === 'POST') {
        const id = newId();
        this.posts.push({ conversationId, replyToId: parts[4], id, activity: body });
        send(201, { id });
        return;
      }
      if (parts[3] === 'activities' && req.method === 'PUT' && parts[4]) {
        this.updates.push({ conversationId, id: parts[4], activity: body });
        send(200, { id: parts[4] });
        return;
      }
      if (parts[3] === 'members' && req.method === 'GET') {
        const member = parts[4] ? this.members.get(parts[4]) : undefined;
        if (parts[4] && !member) {
          send(404, { error: { code: 'MemberNotFoundInConversation', message: 'not found' } });
          return;
        }
        send(200, parts[4] ? member : [...this.members.values()]);
        return;
      }
    }
    if (parts[0] === 'v3' && parts[1] === 'teams' && req.method === 'GET') {
      send(200, parts[3] === 'conversations' ? { conversations: [] } : { id: parts[2], name: 'Team' });
      return;
    }
    send(404, { error: { code: 'NotFound', message: `${req.method} ${url.pathname}` } });
  }
}

export function cardsOf(activity: Record<string, any>): Record<string, any>[] {
  return (activity.attachments ?? [])
    .filter((a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a: any) => a.content);
}

function newId() {
  return crypto.randomBytes(8).toString('hex');
}

async function readJson(req: http.IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}
