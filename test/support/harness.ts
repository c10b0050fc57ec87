import { startBot, type RunningBot } from '../../bot/index.ts';
import type { Config } from '../../bot/config.ts';
import type { AuthOverrides } from '../../bot/teams/adapter.ts';
import { createLogger } from '../../bot/log.ts';
import type { Database } from '../../bot/store/database.ts';
import { FakeConnector } from './connector.ts';
import { createTestDatabase } from './testDatabase.ts';
import { clock } from './clock.ts';
import { TeamsClient, type ClientOptions } from './teamsClient.ts';

export const TENANT_ID = '00000000-0000-4000-8000-0000000000aa';

export interface Harness {
  bot: RunningBot;
  db: Database;
  connector: FakeConnector;
  botUrl: string;
  /** A Teams client of the SWV's tenant; `as` changes tenant or service URL (an outsider, a forged activity). */
  client(
    user: ClientOptions['user'],
    conversation?: ClientOptions['conversation'],
    as?: Partial<Pick<ClientOptions, 'tenantId' | 'serviceUrl'>>,
  ): TeamsClient;
  /** Sends everything the outbox holds that is due now. */
  deliver(): Promise<number>;
  /** Stops the bot (not the database), as a restart would. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    production: false,
    dataDir: 'unused',
    servedTenants: [TENANT_ID],
    database: { kind: 'embedded', dataDir: 'unused' },
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Tests send by calling deliver(); the background loop only polls rarely.
    deliveryPollMs: 60_000,
    // Pacing is tested on its own (test/unit/pacer.test.ts); here it would only slow the suite down.
    deliveryRatePerSecond: 1000,
    deliveryConcurrency: 4,
    reminderIntervalMs: 3_600_000,
    reminderTime: '08:00',
    retentionDays: 730,
    retention: { registrationDays: 90, unknownContactDays: 90, inactiveRequestDays: 365, sparringDays: 90 },
    publicUrl: 'http://127.0.0.1:0',
    linkSecret: 'test-link-secret-0123456789',
    ...overrides,
  };
}

/** The real bot on a free port, a real database, and a stand-in Bot Connector. */
export interface HarnessOptions {
  db?: Database;
  teamsTimeoutMs?: number;
  /** Teams mode: these credentials, and incoming tokens checked against a local OpenID document. */
  config?: Partial<Config>;
  authOverrides?: AuthOverrides;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const db = options.db ?? (await createTestDatabase());
  const connector = await new FakeConnector().start();
  const config = testConfig(options.config);
  const logger = createLogger(config.logLevel);
  const start = () =>
    startBot({
      config,
      database: db,
      logger,
      scheduleReminders: false,
      now: clock.now,
      teamsTimeoutMs: options.teamsTimeoutMs,
      authOverrides: options.authOverrides,
    });
  let bot = await start();
  const harness: Harness = {
    get bot() {
      return bot;
    },
    db,
    connector,
    get botUrl() {
      return `http://127.0.0.1:${bot.port}/api/messages`;
    },
    client: (user, conversation, as) =>
      new TeamsClient({ botUrl: harness.botUrl, serviceUrl: connector.url, tenantId: TENANT_ID, user, conversation, ...as }),
    deliver: () => bot.delivery.drain(),
    restart: async () => {
      await stopWithoutDb(bot);
      bot = await start();
    },
    close: async () => {
      await stopWithoutDb(bot);
      await db.close();
      await connector.stop();
    },
  };
  return harness;
}

function stopWithoutDb(bot: RunningBot) {
  return bot.stop({ keepDatabase: true });
}
