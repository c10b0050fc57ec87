// Two Agents Playgrounds on one bot: the Playground (0.2.x) runs one user per process, and the bot sends
// everything for a tenant to the last Bot Connector address it saw (activity.serviceUrl). With Sanne's
// Playground and Anouk's next to each other, the channel card for Anouk would land in Sanne's Playground.
//
// The relay sits between them, on this machine only: both Playgrounds call the bot through it (it passes the
// activity on with its own address as serviceUrl), and the bot's calls to "the connector" reach it, which
// passes each on to the right Playground:
//   - a conversation someone spoke in last (a personal chat, a channel thread): that person's Playground;
//   - a new channel thread (the bot posts a request to the consultant's channel): the consultant's Playground;
//   - a new 1:1 chat: the Playground whose current user it is for.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RelaySide {
  /** Who is the current user of this Playground, e.g. "Sanne Jansen". */
  name: string;
  /** The current user's Teams user id (currentUser.id in the Playground config). */
  userId: string;
  /** The Playground's port; its connector is http://localhost:PORT/_connector. */
  playgroundPort: number;
}

export interface ConnectorRelay {
  port: number;
  /** What a side's Playground calls instead of the bot (BOT_ENDPOINT). */
  botEndpointFor(side: RelaySide): string;
  close(): Promise<void>;
}

const readBody = (req: http.IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** Passes the request on to `target` and its answer back; resolves with the answer's body. */
async function forward(target: string, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): Promise<string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string' && !['host', 'content-length', 'connection'].includes(name)) headers[name] = value;
  }
  try {
    const answer = await fetch(target, { method: req.method, headers, body: body.length ? new Uint8Array(body) : undefined });
    const text = Buffer.from(await answer.arrayBuffer());
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(text);
    return text.toString('utf8');
  } catch (err) {
    res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`relay: ${target} does not answer (${(err as Error).message})`);
    return '';
  }
}

/**
 * Starts the relay on `port` (0: any free port) in front of `botEndpoint` (…/api/messages). `consultant` is the
 * side that gets new channel threads.
 */
export async function startConnectorRelay(options: {
  botEndpoint: string;
  sides: RelaySide[];
  consultant: RelaySide;
  port?: number;
}): Promise<ConnectorRelay> {
  const { sides, consultant } = options;
  /** Conversation (personal chat, channel, thread) → the side whose current user spoke there last. */
  const lastSpoke = new Map<string, RelaySide>();
  /** Conversations the bot started (channel threads, 1:1 chats) → the side they were started in. */
  const startedIn = new Map<string, RelaySide>();
  const connectorOf = (side: RelaySide) => `http://localhost:${side.playgroundPort}/_connector`;
  let selfUrl = '';

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = req.url ?? '/';
      const body = await readBody(req);
      // From a Playground to the bot: /api/messages/<index>
      const fromSide = /^\/api\/messages\/(\d+)$/.exec(url);
      if (fromSide && req.method === 'POST') {
        const side = sides[Number(fromSide[1])];
        if (!side) return void res.writeHead(404).end();
        const activity = JSON.parse(body.toString('utf8') || '{}');
        if (activity.conversation?.id) lastSpoke.set(activity.conversation.id, side);
        activity.serviceUrl = selfUrl;
        return void (await forward(options.botEndpoint, req, Buffer.from(JSON.stringify(activity)), res));
      }
      // From the bot to "the connector": /v3/conversations[/<id>/…]
      const call = /^\/v3\/conversations(?:\/([^/?]+))?/.exec(url);
      if (call) {
        if (call[1]) {
          const id = decodeURIComponent(call[1]);
          const side = startedIn.get(id) ?? lastSpoke.get(id) ?? consultant;
          return void (await forward(`${connectorOf(side)}${url}`, req, body, res));
        }
        const params = JSON.parse(body.toString('utf8') || '{}');
        const member = params.members?.[0]?.id;
        const side = params.channelData?.channel ? consultant : (sides.find((s) => s.userId === member) ?? consultant);
        const created = await forward(`${connectorOf(side)}${url}`, req, body, res);
        try {
          const id = JSON.parse(created).id;
          if (typeof id === 'string') startedIn.set(id, side);
        } catch {
          // not JSON: the Playground refused; the bot hears that from the status
        }
        return;
      }
      res.writeHead(404).end();
    })().catch((err) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  selfUrl = `http://127.0.0.1:${port}`;
  return {
    port,
    botEndpointFor: (side) => `${selfUrl}/api/messages/${sides.indexOf(side)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
