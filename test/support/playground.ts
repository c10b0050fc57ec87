// End-to-end support: the real bot and the Microsoft 365 Agents Playground as child processes, started by the
// same functions as `npm run dev` (scripts/dev/). The web UI driver is in playgroundUi.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_ORG_FILE, ORG_IMPORT_SCRIPT, PLAYGROUND_CONFIG } from '../../scripts/dev/paths.ts';
import { formatPlaygroundConfig, readPlaygroundConfig, type PlaygroundConfig } from '../../scripts/dev/playgroundConfig.ts';
import { findFreePort, type ManagedProcess } from '../../scripts/dev/processes.ts';
import {
  localBotEnv,
  runOrgImport,
  startBothPlaygrounds,
  startBotProcess,
  type StartedBothSides,
  startPlaygroundProcess,
  type StartedBot,
  type StartedPlayground,
} from '../../scripts/dev/stack.ts';
import { PlaygroundUi, type UiOptions } from './playgroundUi.ts';
import { clock } from './clock.ts';

// ---------------------------------------------------------------------------------------------------------------
// Bot + Playground processes

export interface PlaygroundStack {
  bot: StartedBot;
  playground: StartedPlayground;
  /** The Playground's web address, e.g. http://localhost:41234 */
  url: string;
  config: PlaygroundConfig;
  /** With `bothSides`: the consultant's Playground, the relay and the consultant's config (npm run dev:consultant). */
  both?: StartedBothSides & { consultantConfig: PlaygroundConfig };
  /** Temporary directory with the bot's DATA_DIR (`data/`) and the Playground log. */
  workDir: string;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Organisation file imported before the bot starts; default the demo file; null: import nothing. */
  orgFile?: string | null;
  /** Extra environment for the bot (e.g. LOG_LEVEL). */
  botEnv?: NodeJS.ProcessEnv;
  /** Show the children's output (default: only when E2E_VERBOSE is set). */
  verbose?: boolean;
  timeoutMs?: number;
  /**
   * Called once the Playground answers and the bot process has been spawned (the import is done), so a
   * browser can load the Playground page while the bot boots. The Playground waits up to 15 s for the bot
   * when the page connects; if the bot takes longer, only the installation events are lost.
   */
  whileBotStarts?: (playgroundUrl: string) => void;
  /**
   * A Playground config to use instead of .m365agentsplayground.yml (e.g. from playgroundConfigAs, to be
   * someone else in the Playground). It is written to the stack's temp dir, where the Playground then runs.
   */
  playgroundConfig?: PlaygroundConfig;
  /**
   * Start the coordinator's and the consultant's Playground with the relay in between, as
   * `npm run dev:consultant` does (startBothPlaygrounds); `playground` is then the coordinator's.
   */
  bothSides?: boolean;
}

/**
 * Imports the organisation into a fresh DATA_DIR, starts the bot and the Playground on free ports, and waits
 * until both answer. The Playground and the import+bot run in parallel. Leaves nothing running on failure.
 */
export async function startPlaygroundStack(options: StackOptions = {}): Promise<PlaygroundStack> {
  const verbose = options.verbose ?? Boolean(process.env.E2E_VERBOSE);
  const timeoutMs = options.timeoutMs ?? 90_000;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sot-e2e-'));
  const dataDir = path.join(workDir, 'data');
  const env = localBotEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', CLOCK_START: clock.now().toISOString(), ...options.botEnv });
  delete env.DATABASE_URL;
  const onLine = (label: string) => (verbose ? (line: string) => console.log(`[${label}] ${line}`) : undefined);
  const started: ManagedProcess[] = [];
  const track = (proc: ManagedProcess) => void started.push(proc);

  const [botPort, playgroundPort, consultantPort] = (await distinctFreePorts(3)) as [number, number, number];
  const orgFile = options.orgFile === undefined ? DEMO_ORG_FILE : options.orgFile;
  let configFile = PLAYGROUND_CONFIG;
  if (options.playgroundConfig) {
    configFile = path.join(workDir, '.m365agentsplayground.yml');
    fs.writeFileSync(configFile, formatPlaygroundConfig(options.playgroundConfig));
  }

  let botSpawned!: () => void;
  const botSpawning = new Promise<void>((resolve) => (botSpawned = resolve));
  const botReady = (async () => {
    if (orgFile && fs.existsSync(ORG_IMPORT_SCRIPT)) {
      const result = await runOrgImport(orgFile, { env, onLine: onLine('org:import'), track });
      if (result.code !== 0) throw new Error(`org:import ${orgFile} failed (exit ${result.code}):\n${result.output}`);
    }
    return startBotProcess({
      port: botPort,
      env,
      timeoutMs,
      onLine: onLine('bot'),
      track: (proc) => {
        track(proc);
        botSpawned();
      },
    });
  })();
  let both: StartedBothSides | undefined;
  const consultantConfigFile = path.join(workDir, 'consulent', '.m365agentsplayground.yml');
  const playgroundReady = options.bothSides
    ? startBothPlaygrounds({
        botEndpoint: `http://127.0.0.1:${botPort}/api/messages`,
        coordinatorPort: playgroundPort,
        consultantPort,
        coordinatorConfigFile: configFile,
        consultantConfigFile,
        logDir: workDir,
        timeoutMs,
        onLine: (side) => onLine(`playground ${side}`),
        track,
      }).then((started) => {
        both = started;
        return started.coordinator;
      })
    : startPlaygroundProcess({
        port: playgroundPort,
        botEndpoint: `http://127.0.0.1:${botPort}/api/messages`,
        configFile,
        logFile: path.join(workDir, 'm365agentsplayground.log'),
        timeoutMs,
        onLine: onLine('playground'),
        track,
      });
  if (options.whileBotStarts) {
    const callback = options.whileBotStarts;
    void Promise.all([playgroundReady, botSpawning]).then(
      ([playground]) => callback(playground.url),
      () => {},
    );
  }

  const stopAll = async () => {
    await Promise.all(started.map((proc) => proc.stop(5_000)));
    await both?.stop();
    if (!process.env.E2E_KEEP_TMP) fs.rmSync(workDir, { recursive: true, force: true });
  };
  try {
    const [bot, playground] = await Promise.all([botReady, playgroundReady]);
    return {
      bot,
      playground,
      url: playground.url,
      config: readPlaygroundConfig(configFile),
      both: both && { ...both, consultantConfig: readPlaygroundConfig(consultantConfigFile) },
      workDir,
      stop: stopAll,
    };
  } catch (err) {
    await Promise.allSettled([botReady, playgroundReady]);
    await stopAll();
    throw err;
  }
}

/**
 * The stack plus one Chromium tab on its Playground, started together: Chromium launches while the organisation
 * is imported, and loads the Playground page while the bot boots. Leaves nothing running on failure.
 */
export async function startPlaygroundWithUi(
  options: { stack?: Omit<StackOptions, 'whileBotStarts'>; ui?: UiOptions } = {},
): Promise<{ stack: PlaygroundStack; ui: PlaygroundUi }> {
  const uiReady = PlaygroundUi.launch(options.ui);
  let pageReady: Promise<void> | undefined;
  const stackReady = startPlaygroundStack({
    ...options.stack,
    whileBotStarts: (url) => {
      pageReady = uiReady.then((ui) => ui.goto(url));
      pageReady.catch(() => {});
    },
  });
  const [stack, ui] = await Promise.allSettled([stackReady, uiReady]);
  try {
    if (stack.status === 'rejected') throw stack.reason;
    if (ui.status === 'rejected') throw ui.reason;
    await (pageReady ?? ui.value.goto(stack.value.url));
    return { stack: stack.value, ui: ui.value };
  } catch (err) {
    if (ui.status === 'fulfilled') await ui.value.close();
    if (stack.status === 'fulfilled') await stack.value.stop();
    throw err;
  }
}

async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await findFreePort());
  return [...ports];
}
