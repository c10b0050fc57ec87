import restify from 'restify';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Application } from '@microsoft/teams-ai';
import { safeError, type Logger } from './log.ts';
import type { HttpRoute } from './httpRoute.ts';
import { getRoute } from './teams/turn.ts';
import { answerRefusal, type TenantGate } from './teams/trust.ts';
import { answerUnavailable } from './teams/unavailable.ts';
import { ActivityTypes, INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';

/** One limit for every body: Teams activities are far smaller. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface ServerDeps {
  adapter: TeamsAdapter;
  app: Application;
  logger: Logger;
  /** Refuses other tenants (and in local mode non-loopback service URLs) before anything else runs. */
  gate: TenantGate;
  /** Resolves when the database answers; rejects otherwise. */
  ping: () => Promise<void>;
  /** A turn was abandoned (the database is down): Teams' retry of this activity must be handled. */
  abandoned?: (context: TurnContext) => Promise<void>;
  /** Further GET routes of features (e.g. calendar files). */
  routes?: HttpRoute[];
}

export interface RunningServer {
  port: number;
  /** Stops accepting requests and waits for turns in progress. */
  close(): Promise<void>;
}

/**
 * JSON only, before a byte of the body is read: no multipart (restify's bodyParser would write uploaded
 * files to disk before authentication), no compressed bodies (the limit must hold for what is parsed).
 */
function requireJson(req: restify.Request, res: restify.Response, next: restify.Next) {
  const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (req.getContentType() !== 'application/json' || encoding !== 'identity') {
    res.send(415, { error: 'Alleen JSON (application/json) wordt aangenomen.' });
    return next(false);
  }
  return next();
}

/** The least an activity must be before botbuilder sees it (it answers 500 to `{}`). */
function requireActivity(req: restify.Request, res: restify.Response, next: restify.Next) {
  const body = req.body as unknown;
  const ok =
    !!body &&
    typeof body === 'object' &&
    !Array.isArray(body) &&
    typeof (body as { type?: unknown }).type === 'string' &&
    (body as { type: string }).type.length > 0 &&
    (body as { type: string }).type.length <= 100;
  if (!ok) {
    res.send(400, { error: 'Geen geldige activiteit: een JSON-object met een "type" is nodig.' });
    return next(false);
  }
  return next();
}

export async function startServer(deps: ServerDeps, options: { port: number; host: string }): Promise<RunningServer> {
  const { adapter, app, logger } = deps;
  const server = restify.createServer({ name: 'sot-bot', handleUncaughtExceptions: false });
  let inFlight = 0;
  let drained: (() => void) | undefined;

  // maxBodySize reaches restify's bodyReader (its type definitions leave it out).
  const parseJson = restify.plugins.jsonBodyParser({
    mapParams: false,
    maxBodySize: MAX_BODY_BYTES,
  } as restify.plugins.JsonBodyParserOptions);
  server.post('/api/messages', requireJson, ...parseJson, requireActivity, async (req: restify.Request, res: restify.Response) => {
    inFlight++;
    const started = performance.now();
    const activity = req.body ?? {};
    let route = 'none';
    let outcome = 'ok';
    // A refused activity answers 403 after botbuilder has authenticated it (botbuilder sets the status itself).
    let refusedStatus: number | undefined;
    const setStatus = res.status.bind(res);
    res.status = (code: number) => setStatus(refusedStatus ?? code);
    try {
      await adapter.process(req, res, async (context) => {
        try {
          const verdict = await deps.gate.check(context.activity);
          if (!verdict.ok) {
            route = `refused:${verdict.reason}`;
            refusedStatus = await answerRefusal(context, verdict);
            logger.warn({ reason: verdict.reason, tenantId: verdict.tenantId, activityType: context.activity.type }, 'activity refused');
            return;
          }
          await app.run(context);
          route = getRoute(context) ?? 'unrouted';
          // An invoke nobody handles (another kind of invoke, a forged name) is the caller's fault: 400, not 501.
          if (context.activity.type === ActivityTypes.Invoke && !context.turnState.get(INVOKE_RESPONSE_KEY)) {
            await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 400, body: { error: 'Onbekende actie.' } } });
          }
        } catch (err) {
          route = getRoute(context) ?? 'unrouted';
          // The database is down: nothing was stored. Say so instead of "something went wrong", and let
          // Teams retry a message (503) once it is back.
          if (
            await deps.ping().then(
              () => false,
              () => true,
            )
          ) {
            route = `unavailable:${route}`;
            refusedStatus = await answerUnavailable(context);
            await deps.abandoned?.(context).catch(() => undefined);
            logger.warn({ err: safeError(err), activityType: context.activity.type }, 'database unavailable during a turn');
            return;
          }
          throw err;
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
      const query: Record<string, string> = {};
      for (const [name, value] of new URL(req.url ?? '/', 'http://localhost').searchParams) query[name] ??= value;
      const result = await route.handle(req.params as Record<string, string>, query);
      res.setHeader('content-type', result.contentType);
      for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
      if (result.filename) res.setHeader('content-disposition', `attachment; filename="${result.filename}"`);
      res.writeHead(result.status);
      res.end(result.body);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
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
