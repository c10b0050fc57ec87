// Child processes for the benchmarks: the SOT bot (test/bench/botProcess.ts or bot/index.ts) and the
// echo bot, started with `node --import tsx` like `npm start`, logs to a file, commands over IPC.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface Child {
  proc: ChildProcess;
  port: number;
  pid: number;
  /** Sends an IPC command to botProcess.ts and waits for its answer. */
  call<T = unknown>(cmd: string, args?: Record<string, unknown>, timeoutMs?: number): Promise<T>;
  /** Resident set size now and at its peak (VmRSS, VmHWM), in MiB. */
  memory(): { rssMiB: number; peakMiB: number };
  stop(timeoutMs?: number): Promise<number | null>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMiB: kb('VmRSS') / 1024, peakMiB: kb('VmHWM') / 1024 };
  } catch {
    return { rssMiB: NaN, peakMiB: NaN };
  }
}

export interface SpawnOptions {
  script: string;
  env: Record<string, string | undefined>;
  logFile: string;
  nodeArgs?: string[];
  /** Wait this long for the child to report ready. */
  readyTimeoutMs?: number;
}

/** Starts a child with an IPC channel and waits for its `{ ready, port }` message. */
export async function spawnChild(opts: SpawnOptions): Promise<Child> {
  const log = fs.openSync(opts.logFile, 'a');
  const env = { ...process.env, ...opts.env } as NodeJS.ProcessEnv;
  for (const [k, v] of Object.entries(opts.env)) if (v === undefined) delete env[k];
  const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', opts.script], {
    cwd: ROOT,
    env,
    stdio: ['ignore', log, log, 'ipc'],
  });
  fs.closeSync(log);
  const pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${opts.script} did not start within ${opts.readyTimeoutMs ?? 120_000} ms (log: ${opts.logFile})`)),
      opts.readyTimeoutMs ?? 120_000,
    );
    proc.on('message', (m: any) => {
      if (m?.ready) {
        clearTimeout(timer);
        resolve(m.port);
      } else if (m?.id && pending.has(m.id)) {
        const p = pending.get(m.id)!;
        pending.delete(m.id);
        if (m.ok) p.resolve(m.result);
        else p.reject(new Error(m.error));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${opts.script} exited with ${code} before it was ready (log: ${opts.logFile})`));
      for (const p of pending.values()) p.reject(new Error(`${opts.script} exited with ${code}`));
    });
  });
  return {
    proc,
    port,
    pid: proc.pid!,
    call: (cmd, args, timeoutMs = 600_000) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${cmd}: no answer within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, {
          resolve: (v) => {
            clearTimeout(timer);
            resolve(v);
          },
          reject: (e) => {
            clearTimeout(timer);
            reject(e);
          },
        });
        proc.send({ id, cmd, args });
      }),
    memory: () => memoryOf(proc.pid!),
    stop: async (timeoutMs = 30_000) => {
      if (proc.exitCode !== null) return proc.exitCode;
      if (proc.connected) proc.send({ id: 0, cmd: 'stop' });
      else proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Polls GET url until it answers 200; returns the ms it took from `since`. */
export async function waitHealthy(url: string, since: number, timeoutMs: number, child?: ChildProcess): Promise<number> {
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before it was healthy`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - since;
    } catch {
      // not listening yet
    }
    if (performance.now() - since > timeoutMs) throw new Error(`${url} not healthy within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
