import path from 'node:path';
import { z } from 'zod';
import type { Register } from './domain/wording/register.ts';

/** Bot credentials; absent in local mode (Agents Playground, tests). */
export interface BotCredentials {
  appId: string;
  appPassword: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId?: string;
}

export interface RetentionSettings {
  /** Decided registrations (and pending ones nobody decided) are deleted after this many days. */
  registrationDays: number;
  /** Chats of people who never became known are forgotten after this many days without contact. */
  unknownContactDays: number;
  /** An open request without any activity for this many days is closed as expired. */
  inactiveRequestDays: number;
  /** …and an anonymous sparring that never went further, after this many days. */
  sparringDays: number;
}

export interface Config {
  port: number;
  /** Interface to listen on: loopback unless HOST says otherwise (e.g. 0.0.0.0 behind a proxy). */
  host: string;
  production: boolean;
  database: { kind: 'postgres'; url: string; poolSize?: number } | { kind: 'embedded'; dataDir: string };
  /** Local files: the embedded database and the local link secret. */
  dataDir: string;
  credentials?: BotCredentials;
  logLevel: string;
  /** How often the delivery worker looks for due messages. */
  deliveryPollMs: number;
  /** Requests per second the delivery worker sends to Teams at most (Teams' budget is 30 or 50 per tenant). */
  deliveryRatePerSecond: number;
  /** Messages sent side by side, each to a different conversation or thread. */
  deliveryConcurrency: number;
  /** How often scheduled reminders are looked for. */
  reminderIntervalMs: number;
  /**
   * From this Dutch local time ("HH:MM") on, a working day's agenda and appointment reminders go out
   * (bot/features/reminders/timing.ts).
   */
  reminderTime: string;
  /** How the bot addresses people, chosen once per SWV: "u" (default) or "je" (bot/domain/wording/register.ts). */
  register?: Register;
  /** Days after closing before a request's pupil data and free text are removed. */
  retentionDays: number;
  /** The other retention periods (bot/features/retention). */
  retention: RetentionSettings;
  /** Address where people reach this server (links in cards, e.g. calendar files). */
  publicUrl: string;
  /**
   * Signs links such as calendar files. Required with bot credentials; in local mode, when unset, a
   * random secret is made once and kept in the data folder (bot/linkSecret.ts).
   */
  linkSecret?: string;
  /**
   * Tenants served besides the SWVs' own (`swv.tenantId` in the organisation file): BOT_TENANT_ID.
   * Activities from any other tenant are refused (bot/teams/trust.ts).
   */
  servedTenants: string[];
  /** Local mode only: the clock starts at this moment and ticks on (tests and demos of other dates). */
  clockStart?: Date;
  /** Chromium that makes the agenda PDFs (default /usr/bin/chromium); when missing, the PDF link answers 503. */
  chromiumPath?: string;
}

/** Reminders go out in office hours (07:30–18:00); the reminder time leaves an hour of runs after it. */
const EARLIEST_REMINDER_TIME = '07:30';
const LATEST_REMINDER_TIME = '17:00';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(blankToUndefined, z.string().trim().optional());

const EnvSchema = z.object({
  PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  HOST: z.preprocess(
    blankToUndefined,
    z.string().ip({ message: 'moet een IP-adres zijn, bijv. 127.0.0.1 of 0.0.0.0' }).default('127.0.0.1'),
  ),
  NODE_ENV: optionalText,
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'moet beginnen met postgres:// of postgresql://')
      .optional(),
  ),
  DATA_DIR: z.preprocess(blankToUndefined, z.string().default('./data')),
  // Teams Toolkit names first; the Bot Framework SDK names are accepted as well.
  BOT_ID: optionalText,
  BOT_PASSWORD: optionalText,
  BOT_TYPE: z.preprocess(blankToUndefined, z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional()),
  BOT_TENANT_ID: optionalText,
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.preprocess(blankToUndefined, z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional()),
  MicrosoftAppTenantId: optionalText,
  LOG_LEVEL: z.preprocess(blankToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  REMINDER_INTERVAL_MS: z.preprocess(
    blankToUndefined,
    z.coerce
      .number()
      .int()
      .min(10_000)
      .max(60 * 60_000)
      .default(15 * 60_000),
  ),
  REMINDER_TIME: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'moet een tijd zijn als UU:MM (Nederlandse tijd), bijv. 08:00')
      .refine((t) => t >= EARLIEST_REMINDER_TIME && t <= LATEST_REMINDER_TIME, {
        message: `moet tussen ${EARLIEST_REMINDER_TIME} en ${LATEST_REMINDER_TIME} liggen: herinneringen gaan alleen binnen kantoortijd (07:30–18:00) uit`,
      })
      .default('08:00'),
  ),
  AANSPREEKVORM: z.preprocess(
    blankToUndefined,
    z.enum(['u', 'je'], { message: 'moet "u" of "je" zijn (hoe de bot mensen aanspreekt)' }).default('u'),
  ),
  RETENTION_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(3650).default(730)),
  REGISTRATION_RETENTION_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(3650).default(90)),
  UNKNOWN_CONTACT_RETENTION_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(3650).default(90)),
  INACTIVE_REQUEST_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(7).max(3650).default(365)),
  SPARRING_INACTIVE_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(7).max(3650).default(90)),
  PUBLIC_URL: z.preprocess(
    blankToUndefined,
    z.string().url('moet een volledig webadres zijn, bijv. https://sot-bot.example.nl').optional(),
  ),
  LINK_SECRET: z.preprocess(blankToUndefined, z.string().min(16, 'moet ten minste 16 tekens zijn').optional()),
  CLOCK_START: z.preprocess(
    blankToUndefined,
    z.string().datetime({ offset: true, message: 'moet een ISO-moment met tijdzone zijn, bijv. 2027-01-01T09:00:00+01:00' }).optional(),
  ),
  CHROMIUM_PATH: optionalText,
  DATABASE_POOL_SIZE: z.preprocess(blankToUndefined, z.coerce.number().int().min(2).max(200).default(20)),
  DELIVERY_POLL_MS: z.preprocess(blankToUndefined, z.coerce.number().int().min(50).max(60_000).default(1000)),
  DELIVERY_RATE_PER_SECOND: z.preprocess(blankToUndefined, z.coerce.number().min(1).max(1000).default(25)),
  DELIVERY_CONCURRENCY: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(32).default(4)),
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and checks the environment once; every wrong or missing setting is named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const appId = e.BOT_ID ?? e.MicrosoftAppId;
  const appPassword = e.BOT_PASSWORD ?? e.MicrosoftAppPassword;
  const appType = e.BOT_TYPE ?? e.MicrosoftAppType ?? 'MultiTenant';
  const tenantId = e.BOT_TENANT_ID ?? e.MicrosoftAppTenantId;

  const problems: string[] = [];
  if (appId && !appPassword && appType !== 'UserAssignedMSI') problems.push('BOT_PASSWORD: missing (BOT_ID is set)');
  if (!appId && appPassword) problems.push('BOT_ID: missing (BOT_PASSWORD is set)');
  if (appType === 'SingleTenant' && appId && !tenantId) problems.push('BOT_TENANT_ID: required for BOT_TYPE=SingleTenant');
  if (production && !appId) {
    problems.push('BOT_ID / BOT_PASSWORD: required when NODE_ENV=production (local mode without credentials is for development only)');
  }
  if (production && !e.PUBLIC_URL) problems.push('PUBLIC_URL: required when NODE_ENV=production (links in cards must reach this server)');
  if ((production || appId) && !e.LINK_SECRET) {
    problems.push(
      'LINK_SECRET: required with bot credentials or NODE_ENV=production (signs links such as calendar files; at least 16 random characters)',
    );
  }
  if (e.CLOCK_START && (production || appId))
    problems.push('CLOCK_START: only for local mode (tests and demos), never with bot credentials or NODE_ENV=production');
  if (problems.length) throw new ConfigError(problems);

  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    production,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: 'embedded', dataDir: path.resolve(e.DATA_DIR) },
    credentials: appId ? { appId, appPassword: appPassword ?? '', appType, tenantId } : undefined,
    logLevel: e.LOG_LEVEL,
    deliveryPollMs: e.DELIVERY_POLL_MS,
    deliveryRatePerSecond: e.DELIVERY_RATE_PER_SECOND,
    deliveryConcurrency: e.DELIVERY_CONCURRENCY,
    reminderIntervalMs: e.REMINDER_INTERVAL_MS,
    reminderTime: e.REMINDER_TIME,
    register: e.AANSPREEKVORM,
    retentionDays: e.RETENTION_DAYS,
    retention: {
      registrationDays: e.REGISTRATION_RETENTION_DAYS,
      unknownContactDays: e.UNKNOWN_CONTACT_RETENTION_DAYS,
      inactiveRequestDays: e.INACTIVE_REQUEST_DAYS,
      sparringDays: e.SPARRING_INACTIVE_DAYS,
    },
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    linkSecret: e.LINK_SECRET,
    servedTenants: tenantId ? [tenantId] : [],
    clockStart: e.CLOCK_START ? new Date(e.CLOCK_START) : undefined,
    chromiumPath: e.CHROMIUM_PATH,
  };
}
