// One process per embedded data directory (a second one would damage it). The lock is a Unix socket that
// the holder listens on, inside the data folder: the kernel closes it when the process ends in any way
// (SIGKILL, OOM), so a restarted bot is never blocked by a lock left behind, whatever its pid or hostname.
// A second process that can connect to the socket knows the directory is in use.
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const SOCKET_NAME = '.sot-bot.lock';
/** Unix socket paths are limited to about 107 bytes; longer folders use the abstract namespace (Linux). */
const MAX_SOCKET_PATH = 100;

export class DataDirInUseError extends Error {
  constructor(dataDir: string) {
    super(
      `De ingebouwde database in ${dataDir} is in gebruik door een ander proces. ` +
        'Stop dat proces eerst (bijvoorbeeld de bot), of gebruik PostgreSQL via DATABASE_URL.',
    );
  }
}

function socketAddress(dataDir: string): { address: string; file?: string } {
  const file = path.join(dataDir, SOCKET_NAME);
  if (Buffer.byteLength(file) <= MAX_SOCKET_PATH) return { address: file, file };
  return { address: `\0sot-bot-${crypto.createHash('sha256').update(fs.realpathSync(dataDir)).digest('hex').slice(0, 32)}` };
}

function listen(address: string): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => socket.end());
    server.once('error', reject);
    server.listen(address, () => {
      server.off('error', reject);
      server.unref(); // the lock never keeps the process alive
      resolve(server);
    });
  });
}

function someoneListens(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(address);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Takes the data directory's lock; resolves to the function that frees it. */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true });
  const { address, file } = socketAddress(dataDir);
  let server: net.Server;
  try {
    server = await listen(address);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    if (await someoneListens(address)) throw new DataDirInUseError(dataDir);
    // The socket file of a process that is gone: nobody answers, so it is free.
    if (file) fs.rmSync(file, { force: true });
    try {
      server = await listen(address);
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new DataDirInUseError(dataDir); // lost a race
      throw again;
    }
  }
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
