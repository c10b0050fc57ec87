// A round-robin reverse proxy in front of two bot instances. Every chat message is also delivered a
// second time to the other instance, as a Teams retry landing on another instance would be.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export class RoundRobinProxy {
  private server?: http.Server;
  private upstreams: string[] = [];
  private next = 0;
  url = '';
  /** Repeats sent to the other instance. */
  repeats = 0;

  setUpstreams(upstreams: string[]): void {
    this.upstreams = upstreams;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    const closed = new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
    this.server = undefined;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const first = this.upstreams[this.next++ % this.upstreams.length]!;
    const forward = (upstream: string) =>
      fetch(`${upstream}${req.url}`, {
        method: req.method,
        headers: { 'content-type': String(req.headers['content-type'] ?? 'application/json') },
        body: req.method === 'GET' ? undefined : body,
      });
    try {
      const answer = await forward(first);
      const text = await answer.text();
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(text);
      let isMessage = false;
      try {
        isMessage = JSON.parse(body.toString('utf8')).type === 'message';
      } catch {
        // not JSON
      }
      if (isMessage && this.upstreams.length > 1) {
        const other = this.upstreams[this.next % this.upstreams.length]!;
        this.repeats++;
        await forward(other)
          .then((r) => r.text())
          .catch(() => undefined);
      }
    } catch {
      res.writeHead(502);
      res.end();
    }
  }
}
