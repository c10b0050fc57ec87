// First step of `npm test`: the card renderer and the Playground tests need Debian's Chromium. When it is
// missing and this machine allows it (root with apt-get), install it; otherwise stop with the one command
// to run. Set CHROMIUM_PATH to use another Chromium.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export function decide({ chromiumPath, isRoot, hasApt }) {
  if (fs.existsSync(chromiumPath)) return { action: 'ok' };
  if (isRoot && hasApt) return { action: 'install' };
  return {
    action: 'stop',
    message: `Chromium ontbreekt (${chromiumPath}); de kaart- en Playground-tests hebben het nodig. Installeer het met: sudo apt-get install -y --no-install-recommends chromium`,
  };
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  const verdict = decide({ chromiumPath, isRoot: process.getuid?.() === 0, hasApt });
  if (verdict.action === 'install') {
    console.log('Chromium ontbreekt; het wordt nu geïnstalleerd met apt-get (Debian-pakket chromium)…');
    if (
      !run('apt-get', ['update', '-qq']) ||
      !run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium']) ||
      !fs.existsSync(chromiumPath)
    ) {
      console.error('Chromium installeren is mislukt. Probeer zelf: apt-get update && apt-get install -y --no-install-recommends chromium');
      process.exit(1);
    }
  } else if (verdict.action === 'stop') {
    console.error(verdict.message);
    process.exit(1);
  }
}
