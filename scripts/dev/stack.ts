// The three parts `npm run dev` starts — the organisation import, the bot, the Agents Playground — as
// functions the end-to-end tests use too, so a test starts them exactly the way a developer does.
import fs from 'node:fs';
import path from 'node:path';
import { BOT_ENTRY, ORG_IMPORT_SCRIPT, PLAYGROUND_CLI, PLAYGROUND_CONFIG, REPO_ROOT, TSX_CLI } from './paths.ts';
import { consultantPlaygroundConfig, formatPlaygroundConfig, readPlaygroundConfig } from './playgroundConfig.ts';
import { startConnectorRelay, type ConnectorRelay, type RelaySide } from './relay.ts';
import { describeExit, spawnNode, StartError, tail, waitForHttp, type ManagedProcess, type SpawnOptions } from './processes.ts';

// ---------------------------------------------------------------------------------------------------------------
// Environment for the children

/** Settings that would put the bot in Teams mode; the Playground only talks to a bot in local mode. */
const CREDENTIAL_VARIABLES = [
  'BOT_ID',
  'BOT_PASSWORD',
  'BOT_TYPE',
  'BOT_TENANT_ID',
  'MicrosoftAppId',
  'MicrosoftAppPassword',
  'MicrosoftAppType',
  'MicrosoftAppTenantId',
];

/** The environment for the bot and the import: local mode, embedded database in `dataDir` unless DATABASE_URL is set. */
export function localBotEnv(extra: NodeJS.ProcessEnv = {}, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const name of CREDENTIAL_VARIABLES) delete env[name];
  if (env.NODE_ENV === 'production') env.NODE_ENV = 'development';
  return { ...env, ...extra };
}

// ---------------------------------------------------------------------------------------------------------------
// The three steps

export interface OrgImportResult {
  code: number | null;
  output: string;
}

/** `npm run org:import -- FILE` (run directly with tsx, so no npm process sits in between). */
export async function runOrgImport(
  file: string,
  options: { env?: NodeJS.ProcessEnv; onLine?: SpawnOptions['onLine']; track?: (proc: ManagedProcess) => void } = {},
): Promise<OrgImportResult> {
  const proc = spawnNode('org:import', [TSX_CLI, ORG_IMPORT_SCRIPT, file], { env: options.env, onLine: options.onLine });
  options.track?.(proc);
  const info = await proc.exited;
  if (info.error) throw new StartError(`org:import ${describeExit(info)}`);
  return { code: info.code, output: proc.output() };
}

export interface StartedBot {
  process: ManagedProcess;
  port: number;
  /** http://127.0.0.1:PORT/api/messages — what the Playground calls. */
  endpoint: string;
}

/** Starts `tsx bot/index.ts` with PORT=`port` and waits for GET /healthz = 200. */
export async function startBotProcess(options: {
  port: number;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  onLine?: SpawnOptions['onLine'];
  /** Called right after the spawn, so a caller can stop the process while it is still starting. */
  track?: (proc: ManagedProcess) => void;
}): Promise<StartedBot> {
  const env = { ...(options.env ?? localBotEnv()), PORT: String(options.port) };
  const proc = spawnNode('De bot', [TSX_CLI, BOT_ENTRY], { env, onLine: options.onLine });
  options.track?.(proc);
  try {
    await waitForHttp(`http://127.0.0.1:${options.port}/healthz`, { timeoutMs: options.timeoutMs ?? 120_000, process: proc });
  } catch (err) {
    await proc.stop(2_000);
    throw err;
  }
  return { process: proc, port: options.port, endpoint: `http://127.0.0.1:${options.port}/api/messages` };
}

export interface StartedPlayground {
  process: ManagedProcess;
  /** The port it really listens on (it picks another one when the requested port is taken). */
  port: number;
  url: string;
  logFile: string;
}

/**
 * Starts the Agents Playground (`agentsplayground --disable-telemetry -p PORT`) for `botEndpoint` and waits
 * until it has loaded its config file and answers. Telemetry, the browser launch and proxies are switched off,
 * so it never reaches for the internet.
 */
export async function startPlaygroundProcess(options: {
  port: number;
  botEndpoint: string;
  configFile?: string;
  logFile?: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  onLine?: SpawnOptions['onLine'];
  track?: (proc: ManagedProcess) => void;
}): Promise<StartedPlayground> {
  const configFile = options.configFile ?? PLAYGROUND_CONFIG;
  const logFile = options.logFile ?? path.join(REPO_ROOT, 'devTools', 'm365agentsplayground.log');
  if (!fs.existsSync(configFile)) throw new StartError(`Het Playground-configuratiebestand ${configFile} ontbreekt.`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...(options.env ?? process.env),
    BOT_ENDPOINT: options.botEndpoint,
    TEAMSAPPTESTER_BROWSER: 'none',
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: configFile,
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    // The Playground stamps activities with its own time zone (localTimezone); the locale is always en-US.
    TZ: 'Europe/Amsterdam',
    NO_PROXY: 'localhost,127.0.0.1,::1',
    no_proxy: 'localhost,127.0.0.1,::1',
  };
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']) delete env[name];

  let resolveListening: (port: number) => void;
  const listening = new Promise<number>((resolve) => (resolveListening = resolve));
  const proc = spawnNode('De Playground', [PLAYGROUND_CLI, '--disable-telemetry', '-p', String(options.port)], {
    cwd: path.dirname(configFile),
    env,
    onLine: (line, stream) => {
      const match = /Listening on (\d+)/.exec(line);
      if (match) resolveListening(Number(match[1]));
      options.onLine?.(line, stream);
    },
  });
  options.track?.(proc);
  const explain = () => {
    let log = '';
    try {
      log = fs.readFileSync(logFile, 'utf8');
    } catch {
      // no log yet
    }
    return [proc.output(), log && `--- ${logFile} ---\n${tail(log, 20)}`].filter(Boolean).join('\n');
  };

  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  try {
    const port = await Promise.race([
      listening,
      proc.exited.then((info) => {
        throw new StartError(`De Playground is gestopt tijdens het starten (${describeExit(info)}).`, explain());
      }),
      new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new StartError(`De Playground meldde binnen ${timeoutMs / 1000} s geen poort.`, explain())),
          timeoutMs,
        ).unref(),
      ),
    ]);
    // /_debug/ping is only mounted once the config file has been read and found valid; with an invalid file
    // the Playground prints "Listening on …" and then exits.
    await waitForHttp(`http://127.0.0.1:${port}/_debug/ping`, {
      timeoutMs: Math.max(5_000, deadline - Date.now()),
      process: proc,
      ready: (status) => status === 200,
    }).catch((err) => {
      throw new StartError(`De Playground start niet: ${err instanceof StartError ? err.message.split('\n')[0] : err}`, explain());
    });
    return { process: proc, port, url: `http://localhost:${port}`, logFile };
  } catch (err) {
    await proc.stop(2_000);
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Both sides: the coordinator's Playground and the consultant's, on one bot (npm run dev:consultant)

export interface StartedBothSides {
  relay: ConnectorRelay;
  /** What each Playground calls: the relay's address for its side (for tests that post activities as one side). */
  coordinatorEndpoint: string;
  consultantEndpoint: string;
  coordinator: StartedPlayground;
  consultant: StartedPlayground;
  /** Stops the relay (the Playgrounds are stopped by whoever tracks them). */
  stop(): Promise<void>;
}

/**
 * Starts the coordinator's Playground (the config file's current user) and the consultant's (a config from
 * consultantPlaygroundConfig, written to `consultantConfigFile`) with the connector relay in front of the bot,
 * so each Playground shows what its user should see (scripts/dev/relay.ts).
 */
export async function startBothPlaygrounds(options: {
  botEndpoint: string;
  coordinatorPort: number;
  consultantPort: number;
  coordinatorConfigFile?: string;
  consultantConfigFile: string;
  logDir?: string;
  timeoutMs?: number;
  onLine?: (side: 'coordinator' | 'consultant') => SpawnOptions['onLine'];
  track?: (proc: ManagedProcess) => void;
}): Promise<StartedBothSides> {
  const coordinatorConfigFile = options.coordinatorConfigFile ?? PLAYGROUND_CONFIG;
  const base = readPlaygroundConfig(coordinatorConfigFile);
  const consultantConfig = consultantPlaygroundConfig(base);
  fs.mkdirSync(path.dirname(options.consultantConfigFile), { recursive: true });
  fs.writeFileSync(options.consultantConfigFile, formatPlaygroundConfig(consultantConfig));
  const coordinatorSide: RelaySide = { name: base.currentUser.name, userId: base.currentUser.id, playgroundPort: options.coordinatorPort };
  const consultantSide: RelaySide = {
    name: consultantConfig.currentUser.name,
    userId: consultantConfig.currentUser.id,
    playgroundPort: options.consultantPort,
  };
  const relay = await startConnectorRelay({
    botEndpoint: options.botEndpoint,
    sides: [coordinatorSide, consultantSide],
    consultant: consultantSide,
  });
  const logDir = options.logDir ?? path.join(REPO_ROOT, 'devTools');
  const start = (side: RelaySide, configFile: string, label: 'coordinator' | 'consultant') =>
    startPlaygroundProcess({
      port: side.playgroundPort,
      botEndpoint: relay.botEndpointFor(side),
      configFile,
      logFile: path.join(logDir, label === 'coordinator' ? 'm365agentsplayground.log' : 'm365agentsplayground-consulent.log'),
      timeoutMs: options.timeoutMs,
      onLine: options.onLine?.(label),
      track: options.track,
    }).then((started) => {
      // It may have picked another port; the relay must call the one it listens on.
      side.playgroundPort = started.port;
      return started;
    });
  const [coordinator, consultant] = await Promise.allSettled([
    start(coordinatorSide, coordinatorConfigFile, 'coordinator'),
    start(consultantSide, options.consultantConfigFile, 'consultant'),
  ]);
  if (coordinator.status === 'rejected' || consultant.status === 'rejected') {
    await Promise.all([coordinator, consultant].map((s) => (s.status === 'fulfilled' ? s.value.process.stop(2_000) : undefined)));
    await relay.close();
    throw coordinator.status === 'rejected' ? coordinator.reason : (consultant as PromiseRejectedResult).reason;
  }
  return {
    relay,
    coordinatorEndpoint: relay.botEndpointFor(coordinatorSide),
    consultantEndpoint: relay.botEndpointFor(consultantSide),
    coordinator: coordinator.value,
    consultant: consultant.value,
    stop: () => relay.close(),
  };
}
