import fs from 'node:fs';

/** Debian's Chromium, started so that it never reaches for the network on its own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_BASE_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** For the Playground page: it asks a CDN for Segoe UI fonts; fail those lookups at once instead of waiting on DNS. */
export const CHROMIUM_ARGS = [...CHROMIUM_BASE_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'];

/** Skip e2e tests on machines without the system Chromium (they never download a browser). */
export const chromiumAvailable = fs.existsSync(CHROMIUM_PATH);
