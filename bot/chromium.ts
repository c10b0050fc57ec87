// Debian's headless Chromium, as every part of this project starts it (agenda PDFs, the card gallery, the
// tests): one list of launch arguments, so a fix for one of them reaches all.

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Started so that it never reaches for the network on its own. Playwright adds --headless itself. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
