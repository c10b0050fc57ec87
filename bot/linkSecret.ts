// Local mode signs links (calendar files) with a random secret made once per data folder, so a link
// cannot be forged from a constant in the source. Teams mode requires LINK_SECRET (bot/config.ts).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const FILE = 'link-secret';

export function localLinkSecret(dataDir: string): string {
  const file = path.join(dataDir, FILE);
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString('base64url');
  // 'wx': two processes starting at once keep the first one's secret.
  try {
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim();
    throw err;
  }
}
