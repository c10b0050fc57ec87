// Child processes for `npm run dev`, the end-to-end tests and the fault matrix: each in its own process
// group (stopping one stops what it started), its output kept, and HTTP readiness polling.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { REPO_ROOT } from './paths.ts';

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

export function tail(text: string, count = 40): string {
  return text.split('\n').slice(-count).join('\n');
}

/** Error thrown when a child process fails to start; carries its recent output. */
export class StartError extends Error {
  constructor(
    message: string,
    readonly output = '',
  ) {
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
      throw new StartError(
        `${options.process!.name} is gestopt voordat ${url} antwoordde (${describeExit(info)}).`,
        options.process!.output(),
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3_000) });
      const body = await response.text();
      if (ready(response.status, body)) return;
      last = `HTTP ${response.status}`;
    } catch (err) {
      last = (err as Error).cause
        ? String((err as Error & { cause: Error }).cause.message ?? (err as Error).cause)
        : (err as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new StartError(
    `${url} antwoordde niet binnen ${Math.round(options.timeoutMs / 1000)} s (laatste: ${last}).`,
    options.process?.output() ?? '',
  );
}
