// Composition root: reads the configuration once and wires everything together.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig, ConfigError, type Config } from './config.ts';
import { setRegister } from './domain/wording/register.ts';
import { createLogger, safeError, type Logger } from './log.ts';
import { openDatabase, type Database } from './store/database.ts';
import { createConnectorClients, createTeamsAdapter, type AuthOverrides } from './teams/adapter.ts';
import { createApp } from './teams/app.ts';
import { RecentActivities } from './teams/duplicates.ts';
import { ReminderScheduler } from './features/reminders/scheduler.ts';
import { startServer, type RunningServer } from './server.ts';
import { Pacer } from './delivery/pacer.ts';
import { DEFAULT_TIMING, DeliveryWorker } from './delivery/worker.ts';
import { TeamsSender } from './delivery/teamsSender.ts';
import { onboardingRenderers } from './features/onboarding/index.ts';
import { requestRenderers } from './features/requests/index.ts';
import type { Services } from './services.ts';
import { signRequestLink } from './features/casework/ics.ts';
import { icsRoute } from './features/casework/icsRoute.ts';
import { deriveAgendaToken } from './features/agenda/tokens.ts';
import { agendaRoutes } from './features/agenda/routes.ts';
import { createPdfPrinter } from './features/agenda/pdf.ts';
import { reportLinkPath } from './features/monitoring/reportLink.ts';
import { reportRoute } from './features/monitoring/reportRoute.ts';
import { localLinkSecret } from './linkSecret.ts';
import { TenantGate } from './teams/trust.ts';
import { organisationTenantIds } from './store/directory.ts';
import { activitySeen, recordActivity, releaseActivity } from './store/seenActivities.ts';
import { nl } from './domain/wording/register.ts';

export interface RunningBot {
  port: number;
  database: Database;
  delivery: DeliveryWorker;
  reminders: ReminderScheduler;
  /** Finishes turns in progress, stops the delivery worker, then closes the database unless kept open. */
  stop(options?: { keepDatabase?: boolean }): Promise<void>;
}

export interface StartOptions {
  config: Config;
  logger?: Logger;
  /** An already open database (tests); otherwise opened from the configuration. */
  database?: Database;
  /** Fixed clock for tests. */
  now?: () => Date;
  /** Tests run reminders themselves (reminders.runOnce) at a moment they choose. */
  scheduleReminders?: boolean;
  /** How long a call to Teams may take (default 15 s; tests use less). */
  teamsTimeoutMs?: number;
  /** Tests: a local OpenID metadata document for incoming tokens. */
  authOverrides?: AuthOverrides;
}

export async function startBot(options: StartOptions): Promise<RunningBot> {
  const { config } = options;
  // One SWV per deployment: the register is process-wide (cards and code strings read it).
  setRegister(config.register ?? 'u');
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = options.database ?? (await openDatabase(config.database));
  const applied = await database.migrate();
  if (applied.length) logger.info({ migrations: applied }, 'database migrated');

  const linkSecret = config.linkSecret ?? localLinkSecret(config.dataDir);
  const clients = createConnectorClients(config.credentials);
  // One budget for every request to Teams: the sender waits for it, the worker pauses it on a 429.
  const pacer = new Pacer(config.deliveryRatePerSecond);
  const sender = new TeamsSender(database.prisma, clients, options.teamsTimeoutMs, () => pacer.take());
  let delivery: DeliveryWorker | undefined;
  const services: Services = {
    db: database.prisma,
    logger,
    nudgeDelivery: () => delivery?.nudge(),
    now: options.now ?? clockFrom(config.clockStart),
    databaseAvailable: () =>
      database.ping().then(
        () => true,
        () => false,
      ),
    reminderTime: config.reminderTime,
    icsUrl: (requestId) => `${config.publicUrl}/ics/${requestId}/${signRequestLink(linkSecret, requestId)}.ics`,
    agendaLinks: {
      baseUrl: config.publicUrl,
      tokenFor: (personId, tokenId) => deriveAgendaToken(linkSecret, personId, tokenId),
    },
    reportUrl: (schoolYear, personId, expiresAt) =>
      `${config.publicUrl}${reportLinkPath(linkSecret, { schoolYear, personId, expires: Math.floor(expiresAt.getTime() / 1000) })}`,
  };
  // The printable month as PDF: one headless Chromium for the process, started on the first PDF.
  const pdfPrinter = createPdfPrinter({ executablePath: config.chromiumPath, logger });
  delivery = new DeliveryWorker(
    database.prisma,
    sender,
    { ...onboardingRenderers, ...requestRenderers },
    logger,
    config.deliveryPollMs,
    {
      ...DEFAULT_TIMING,
      ratePerSecond: config.deliveryRatePerSecond,
      concurrency: config.deliveryConcurrency,
    },
    pacer,
  );

  const adapter = createTeamsAdapter(config.credentials, options.authOverrides);
  const recentActivities = new RecentActivities({
    seen: (key) => activitySeen(database.prisma, key),
    record: (key) => recordActivity(database.prisma, key, new Date()),
    release: (key) => releaseActivity(database.prisma, key),
  });
  const app = createApp(adapter, config.credentials?.appId ?? '', services, recentActivities);
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: safeError(error) }, 'unhandled turn error');
    await recentActivities.forget(RecentActivities.keyOf(context.activity)).catch(() => undefined);
    if (context.activity.type === 'message') {
      await context.sendActivity(nl`Sorry, er ging iets mis bij het verwerken van uw bericht. Probeer het opnieuw.`).catch(() => {});
    }
  };

  const gate = new TenantGate(() => organisationTenantIds(database.prisma), {
    localMode: !config.credentials,
    servedTenants: config.servedTenants,
  });
  let server: RunningServer;
  try {
    server = await startServer(
      {
        adapter,
        app,
        logger,
        gate,
        ping: database.ping,
        abandoned: (context) => recentActivities.forget(RecentActivities.keyOf(context.activity)),
        routes: [
          icsRoute(database.prisma, linkSecret, logger),
          ...agendaRoutes(services, pdfPrinter),
          reportRoute(database.prisma, linkSecret, logger, services.now),
        ],
      },
      { port: config.port, host: config.host },
    );
  } catch (err) {
    await database.close();
    throw err;
  }
  delivery.start();
  const reminders = new ReminderScheduler(
    services,
    config.reminderIntervalMs,
    { retentionDays: config.retentionDays, ...config.retention },
    { reminderTime: config.reminderTime },
  );
  if (options.scheduleReminders !== false) reminders.start();
  logger.info({ port: server.port, database: database.kind, mode: config.credentials ? 'teams' : 'local' }, 'SOT bot started');

  return {
    port: server.port,
    database,
    delivery,
    reminders,
    stop: async ({ keepDatabase = false } = {}) => {
      await server.close();
      await reminders.stop();
      await delivery.stop();
      await pdfPrinter.close();
      if (!keepDatabase) await database.close();
      logger.info('SOT bot stopped');
    },
  };
}

/** The real clock, or one that starts at a given moment and ticks on (local mode only). */
function clockFrom(start: Date | undefined): () => Date {
  if (!start) return () => new Date();
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  }
  const bot = await startBot({ config });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal} received, stopping…`);
    await bot.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
