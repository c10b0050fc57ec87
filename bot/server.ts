import restify from 'restify';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Application } from '@microsoft/teams-ai';
import { safeError, type Logger } from './log.ts';
import { getRoute } from './teams/turn.ts';

export interface ServerDeps {
  adapter: TeamsAdapter;
  app: Application;
  logger: Logger;
  /** Resolves when the database answers; rejects otherwise. */
  ping: () => Promise<void>;
  /** Further GET routes of features (e.g. calendar files). */
  routes?: HttpRoute[];
}

export interface HttpRoute {
  path: string;
  handle(params: Record<string, string>): Promise<{ status: number; contentType: string; body: string; filename?: string }>;
}

export interface RunningServer {
  port: number;
  /** Stops accepting requests and waits for turns in progress. */
  close(): Promise<void>;
}

export async function startServer(deps: ServerDeps, port: number): Promise<RunningServer> {
  const { adapter, app, logger } = deps;
  const server = restify.createServer({ name: 'sot-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1024 * 1024 }));
  let inFlight = 0;
  let drained: (() => void) | undefined;

  server.post('/api/messages', async (req, res) => {
    inFlight++;
    const started = performance.now();
    const activity = req.body ?? {};
    let route = 'none';
    let outcome = 'ok';
    try {
      await adapter.process(req, res, async (context) => {
        try {
          await app.run(context);
        } finally {
          // The context is revoked once the turn ends; read the route while it lives.
          route = getRoute(context) ?? 'unrouted';
        }
      });
      if (res.statusCode >= 400) outcome = `http ${res.statusCode}`;
    } catch (err) {
      outcome = 'error';
      logger.error({ err: safeError(err) }, 'turn failed');
      if (!res.headersSent) {
        res.status(500);
        res.end();
      }
    } finally {
      // One line per turn; ids and routes only, never message text.
      logger.info(
        {
          activityType: activity.type,
          name: activity.name,
          route,
          conversationType: activity.conversation?.conversationType,
          durationMs: Math.round(performance.now() - started),
          outcome,
        },
        'turn',
      );
      inFlight--;
      if (inFlight === 0) drained?.();
    }
  });

  server.get('/healthz', async (_req, res) => {
    try {
      await deps.ping();
      res.send(200, { status: 'ok' });
    } catch {
      res.send(503, { status: 'database unavailable' });
    }
  });

  for (const route of deps.routes ?? []) {
    server.get(route.path, async (req, res) => {
      const result = await route.handle(req.params as Record<string, string>);
      res.setHeader('content-type', result.contentType);
      if (result.filename) res.setHeader('content-disposition', `attachment; filename="${result.filename}"`);
      res.writeHead(result.status);
      res.end(result.body);
    });
  }

  await new Promise<void>((resolve) => server.listen(port, '0.0.0.0', resolve));
  const address = server.address() as { port: number };
  return {
    port: address.port,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      server.server.closeIdleConnections();
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
      server.server.closeAllConnections();
      await closed;
    },
  };
}
