// npm run dev — the SOT bot and the Microsoft 365 Agents Playground together, on this machine, offline.
//
//   1. imports scripts/demo/org.playground.json into the embedded database (DATA_DIR, default ./data)
//   2. starts the bot (tsx bot/index.ts) on PORT (default 3978) and waits for GET /healthz = 200
//   3. starts the Playground on PLAYGROUND_PORT (default 56150) and waits until it answers
//   4. says which address to open and who you are in the Playground
//   5. Ctrl+C / SIGTERM stops both; if one of them dies, the other is stopped and this exits non-zero
//
// The functions below are also used by the end-to-end tests (test/support/playground.ts), so the test
// starts the bot and the Playground exactly the way a developer does.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TSX_CLI = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
export const PLAYGROUND_CLI = path.join(REPO_ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
export const PLAYGROUND_CONFIG = path.join(REPO_ROOT, '.m365agentsplayground.yml');
export const DEMO_ORG_FILE = path.join(REPO_ROOT, 'scripts', 'demo', 'org.playground.json');
export const ORG_IMPORT_SCRIPT = path.join(REPO_ROOT, 'scripts', 'org-import.ts');
export const BOT_ENTRY = path.join(REPO_ROOT, 'bot', 'index.ts');

/** Who the current Playground user is in the demo scenario (the name and e-mail come from the config file). */
export const DEMO_ROLE = "intern begeleider (IB'er) van Obs De Regenboog";

// ---------------------------------------------------------------------------------------------------------------
// Child processes

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be started at all. */
  error?: Error;
}

export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Resolves once the process has exited (never rejects). */
  readonly exited: Promise<ExitInfo>;
  /** Undefined while the process runs. */
  readonly exitInfo: ExitInfo | undefined;
  /** The last few hundred lines the process wrote (stdout and stderr). */
  output(): string;
  /** SIGTERM to the process and its children, SIGKILL after `graceMs`. Safe to call more than once. */
  stop(graceMs?: number): Promise<ExitInfo>;
}

export interface SpawnOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Called for every line of output (for `npm run dev`, which shows it prefixed). */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

const KEEP_LINES = 400;

// Children still running when this process exits (a crash, process.exit in a test) are sent SIGTERM, so no
// bot or Playground is left behind holding a port or a database directory.
const liveGroups = new Set<(signal: NodeJS.Signals) => void>();
process.once('exit', () => {
  for (const signal of liveGroups) signal('SIGTERM');
});

/** Starts `node ARGS…` in its own process group, so that stopping it also stops whatever it started. */
export function spawnNode(name: string, args: string[], options: SpawnOptions = {}): ManagedProcess {
  const lines: string[] = [];
  const child = spawn(process.execPath, args, {
    cwd: options.cwd ?? REPO_ROOT,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
  let exitInfo: ExitInfo | undefined;
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('error', (error) => {
      exitInfo ??= { code: null, signal: null, error };
      resolve(exitInfo);
    });
    child.once('exit', (code, signal) => {
      exitInfo ??= { code, signal };
      resolve(exitInfo);
    });
  });
  for (const stream of ['stdout', 'stderr'] as const) {
    let partial = '';
    child[stream]!.setEncoding('utf8');
    child[stream]!.on('data', (chunk: string) => {
      const parts = (partial + chunk).split(/\r?\n/);
      partial = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (lines.length > KEEP_LINES) lines.shift();
        options.onLine?.(line, stream);
      }
    });
    child[stream]!.on('end', () => {
      if (partial) {
        lines.push(partial);
        options.onLine?.(partial, stream);
        partial = '';
      }
    });
  }

  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      if (process.platform === 'win32') child.kill(signal);
      else process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };

  liveGroups.add(signalGroup);
  void exited.then(() => liveGroups.delete(signalGroup));

  let stopping: Promise<ExitInfo> | undefined;
  return {
    name,
    child,
    exited,
    get exitInfo() {
      return exitInfo;
    },
    output: () => lines.join('\n'),
    stop(graceMs = 8_000) {
      stopping ??= (async () => {
        if (!exitInfo) {
          signalGroup('SIGTERM');
          let timer: NodeJS.Timeout | undefined;
          const killed = await Promise.race([
            exited.then(() => false),
            new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs))),
          ]);
          clearTimeout(timer);
          if (killed) signalGroup('SIGKILL');
        }
        const info = await exited;
        // Anything the process left behind in its group (a grandchild that ignored SIGTERM).
        signalGroup('SIGKILL');
        return info;
      })();
      return stopping;
    },
  };
}

export function describeExit(info: ExitInfo): string {
  if (info.error) return `kon niet starten: ${info.error.message}`;
  if (info.signal) return `gestopt door signaal ${info.signal}`;
  return `exitcode ${info.code}`;
}

function tail(text: string, count = 40): string {
  return text.split('\n').slice(-count).join('\n');
}

/** Error thrown when a child process fails to start; carries its recent output. */
export class StartError extends Error {
  constructor(message: string, readonly output = '') {
    super(output ? `${message}\n--- laatste uitvoer ---\n${tail(output)}` : message);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Ports and HTTP readiness

/** A TCP port that was free a moment ago (the OS picks it). */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** True when nothing listens on `port` (on any interface). */
export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

export interface WaitForHttpOptions {
  timeoutMs: number;
  /** Give up at once when this process exits. */
  process?: ManagedProcess;
  /** Which answers count as ready; default: status 200. */
  ready?: (status: number, body: string) => boolean;
}

/** Polls `url` until it answers as expected; throws StartError on timeout or when `process` exits. */
export async function waitForHttp(url: string, options: WaitForHttpOptions): Promise<void> {
  const ready = options.ready ?? ((status: number) => status === 200);
  const deadline = Date.now() + options.timeoutMs;
  let last = 'geen antwoord';
  while (Date.now() < deadline) {
    const info = options.process?.exitInfo;
    if (info) {
      throw new StartError(`${options.process!.name} is gestopt voordat ${url} antwoordde (${describeExit(info)}).`, options.process!.output());
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3_000) });
      const body = await response.text();
      if (ready(response.status, body)) return;
      last = `HTTP ${response.status}`;
    } catch (err) {
      last = (err as Error).cause ? String((err as Error & { cause: Error }).cause.message ?? (err as Error).cause) : (err as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new StartError(`${url} antwoordde niet binnen ${Math.round(options.timeoutMs / 1000)} s (laatste: ${last}).`, options.process?.output() ?? '');
}

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
        setTimeout(() => reject(new StartError(`De Playground meldde binnen ${timeoutMs / 1000} s geen poort.`, explain())), timeoutMs).unref(),
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
// The Playground config file (.m365agentsplayground.yml)

export interface PlaygroundUser {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

export interface PlaygroundConfig {
  version: string;
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string };
  groupChat: { id: string; name: string };
  /** The team id is also the conversation id of its General channel. */
  team: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string }[] };
}

/** Reads the Playground config file (the small YAML subset it uses: maps, lists, plain or quoted scalars). */
export function readPlaygroundConfig(file = PLAYGROUND_CONFIG): PlaygroundConfig {
  return parseSimpleYaml(fs.readFileSync(file, 'utf8')) as PlaygroundConfig;
}

/** Enough YAML for the Playground config: block maps and lists, scalars as strings, comments. No flow style, anchors or multi-line strings. */
export function parseSimpleYaml(text: string): unknown {
  const lines = text
    .split(/\r?\n/)
    .map((raw) => ({ indent: raw.length - raw.trimStart().length, content: stripComment(raw).trim() }))
    .filter((line) => line.content !== '' && line.content !== '---');
  let index = 0;

  const scalar = (value: string): string => {
    const quoted = /^(["'])(.*)\1$/.exec(value);
    return quoted ? quoted[2]! : value;
  };
  const splitKey = (content: string): [string, string] | undefined => {
    const match = /^("[^"]*"|'[^']*'|[^:#]+?):(?:\s+(.*))?$/.exec(content);
    return match ? [scalar(match[1]!.trim()), (match[2] ?? '').trim()] : undefined;
  };

  function block(indent: number): unknown {
    const first = lines[index];
    if (!first || first.indent < indent) return null;
    return first.content.startsWith('- ') || first.content === '-' ? sequence(first.indent) : map(first.indent);
  }

  function valueAfterKey(parentIndent: number, rest: string): unknown {
    if (rest !== '') return scalar(rest);
    const next = lines[index];
    if (!next) return null;
    if (next.indent > parentIndent) return block(next.indent);
    if (next.indent === parentIndent && next.content.startsWith('- ')) return sequence(parentIndent);
    return null;
  }

  function map(indent: number, firstLine?: { content: string }): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const take = (content: string) => {
      const pair = splitKey(content);
      if (!pair) throw new Error(`YAML: verwacht "sleutel: waarde", gevonden "${content}"`);
      result[pair[0]] = valueAfterKey(indent, pair[1]);
    };
    if (firstLine) take(firstLine.content);
    while (index < lines.length && lines[index]!.indent === indent && !lines[index]!.content.startsWith('- ')) {
      const { content } = lines[index++]!;
      take(content);
    }
    return result;
  }

  function sequence(indent: number): unknown[] {
    const result: unknown[] = [];
    while (index < lines.length && lines[index]!.indent === indent && lines[index]!.content.startsWith('-')) {
      const line = lines[index++]!;
      const content = line.content.replace(/^-\s*/, '');
      if (content === '') result.push(block(indent + 1));
      else if (splitKey(content) && !/^["']/.test(content)) result.push(map(indent + 2, { content }));
      else result.push(scalar(content));
    }
    return result;
  }

  const value = block(0);
  if (index < lines.length) throw new Error(`YAML: onverwachte regel "${lines[index]!.content}"`);
  return value;
}

function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) {
      return line.slice(0, i);
    }
  }
  return line;
}

// ---------------------------------------------------------------------------------------------------------------
// npm run dev

const prefixer = (label: string) => (line: string) => {
  if (line.trim() !== '') console.log(`${label} ${line}`);
};

async function main(): Promise<number> {
  const botPort = Number(process.env.PORT || 3978);
  const playgroundPort = Number(process.env.PLAYGROUND_PORT || 56150);
  const dataDir = process.env.DATA_DIR || './data';

  for (const [file, hint] of [
    [TSX_CLI, 'tsx'],
    [PLAYGROUND_CLI, '@microsoft/m365agentsplayground'],
  ] as const) {
    if (!fs.existsSync(file)) {
      console.error(`✖ ${hint} ontbreekt in node_modules. Voer eerst "npm install" uit.`);
      return 1;
    }
  }
  if (!fs.existsSync(BOT_ENTRY)) {
    console.error('✖ bot/index.ts bestaat (nog) niet; er is geen bot om te starten.');
    return 1;
  }
  let config: PlaygroundConfig;
  try {
    config = readPlaygroundConfig();
  } catch (err) {
    console.error(`✖ ${path.relative(REPO_ROOT, PLAYGROUND_CONFIG)} kan niet worden gelezen: ${(err as Error).message}`);
    return 1;
  }
  if (!(await isPortFree(botPort))) {
    console.error(`✖ Poort ${botPort} is al in gebruik. Draait de bot al (npm start of een andere npm run dev)? Stop die eerst, of kies een andere poort met PORT=…`);
    return 1;
  }
  if (!(await isPortFree(playgroundPort))) {
    console.error(`✖ Poort ${playgroundPort} is al in gebruik. Draait de Playground al? Stop die eerst, of kies een andere poort met PLAYGROUND_PORT=…`);
    return 1;
  }

  const children: ManagedProcess[] = [];
  const track = (proc: ManagedProcess) => children.push(proc);
  let shuttingDown = false;
  // Once a signal has arrived, its handler finishes the job and exits; main() just waits.
  const handedOver = () => new Promise<number>(() => {});
  const stopAll = () => Promise.all(children.map((child) => child.stop()));
  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      // Ctrl+C reaches this process twice (from the terminal and relayed by tsx): ignore the echo.
      if (Date.now() - firstSignalAt < 2_000) return;
      // A second Ctrl+C later on: do not wait any longer.
      for (const child of children) {
        try {
          if (child.child.pid && !child.exitInfo) process.kill(-child.child.pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
      process.exit(130);
    }
    shuttingDown = true;
    firstSignalAt = Date.now();
    console.log(`\n${signal} ontvangen: de Playground en de bot worden gestopt…`);
    void stopAll().then(() => {
      console.log('Gestopt.');
      process.exit(0);
    });
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);

  const env = localBotEnv({ DATA_DIR: dataDir });
  const database = env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `de ingebouwde database in ${dataDir}`;

  // (a) organisation
  if (fs.existsSync(ORG_IMPORT_SCRIPT)) {
    console.log(`▶ Demo-organisatie laden (${path.relative(REPO_ROOT, DEMO_ORG_FILE)}) in ${database}…`);
    const result = await runOrgImport(DEMO_ORG_FILE, { env, onLine: prefixer('  [org:import]'), track });
    if (shuttingDown) return handedOver();
    if (result.code !== 0) {
      console.error(`✖ Het laden van de demo-organisatie is mislukt (exitcode ${result.code}); zie de meldingen hierboven.`);
      return 1;
    }
  } else {
    console.warn('⚠ scripts/org-import.ts bestaat nog niet: de demo-organisatie is NIET geladen. De bot kent de Playground-gebruikers dus niet.');
  }

  // (b) the bot
  console.log(`▶ De bot starten op poort ${botPort}…`);
  let bot: StartedBot;
  try {
    bot = await startBotProcess({ port: botPort, env, onLine: prefixer('  [bot]'), track });
  } catch (err) {
    if (shuttingDown) return handedOver();
    console.error(`✖ ${(err as Error).message}`);
    return 1;
  }
  if (shuttingDown) return handedOver();

  // (c) the Playground
  console.log(`▶ De Agents Playground starten op poort ${playgroundPort}…`);
  let playground: StartedPlayground;
  try {
    playground = await startPlaygroundProcess({ port: playgroundPort, botEndpoint: bot.endpoint, onLine: prefixer('  [playground]'), track });
  } catch (err) {
    if (shuttingDown) return handedOver();
    shuttingDown = true;
    console.error(`✖ ${(err as Error).message}`);
    await stopAll();
    return 1;
  }
  if (shuttingDown) return handedOver();

  // (d) where to go
  const me = config.currentUser;
  const channels = ['General', ...config.team.channels.map((c) => c.name)].map((n) => `"${n}"`).join(' en ');
  console.log(
    [
      '',
      '────────────────────────────────────────────────────────────────────────',
      '  De SOT-bot en de Microsoft 365 Agents Playground draaien.',
      '',
      `  Open in je browser:  ${playground.url}`,
      '',
      `  Je bent ${me.name} (${me.email}), ${DEMO_ROLE}.`,
      '  Begin in "Personal Chat" en typ bijvoorbeeld "hallo".',
      `  In het team "${config.team.name}" zijn de kanalen ${channels};`,
      '  noem daar eerst de bot (@SOT bot) en klik op "Post".',
      '',
      `  Bot: ${bot.endpoint}   Database: ${database}`,
      `  Playground-log: ${path.relative(REPO_ROOT, playground.logFile)}`,
      '  Stoppen: Ctrl+C',
      '────────────────────────────────────────────────────────────────────────',
      '',
    ].join('\n'),
  );
  if (playground.port !== playgroundPort) console.warn(`⚠ Poort ${playgroundPort} was bezet; de Playground gebruikt poort ${playground.port}.`);

  // (e) wait until one of them stops
  const running = [bot.process, playground.process];
  const first = await Promise.race(running.map((child) => child.exited.then((info) => ({ child, info }))));
  if (shuttingDown) return handedOver();
  shuttingDown = true;
  console.error(`\n✖ ${first.child.name} is onverwacht gestopt (${describeExit(first.info)}). Het andere proces wordt ook gestopt.`);
  const output = tail(first.child.output(), 25);
  if (output.trim()) console.error(`--- laatste uitvoer van ${first.child.name.toLowerCase()} ---\n${output}`);
  await stopAll();
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
