import fs from 'node:fs';
import { CHROMIUM_ARGS as LAUNCH_ARGS, DEFAULT_CHROMIUM_PATH } from '../../bot/chromium.ts';

/** Debian's Chromium (or $CHROMIUM_PATH), with the launch arguments the bot uses too (bot/chromium.ts). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
export const CHROMIUM_BASE_ARGS = LAUNCH_ARGS;

/** For the Playground page: it asks a CDN for Segoe UI fonts; fail those lookups at once instead of waiting on DNS. */
export const CHROMIUM_ARGS = [...CHROMIUM_BASE_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'];

/** Skip e2e tests on machines without the system Chromium (they never download a browser). */
export const chromiumAvailable = fs.existsSync(CHROMIUM_PATH);
