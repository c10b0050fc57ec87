import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TSX_CLI = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
export const PLAYGROUND_CLI = path.join(REPO_ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
export const PLAYGROUND_CONFIG = path.join(REPO_ROOT, '.m365agentsplayground.yml');
export const DEMO_ORG_FILE = path.join(REPO_ROOT, 'scripts', 'demo', 'org.playground.json');
export const ORG_IMPORT_SCRIPT = path.join(REPO_ROOT, 'scripts', 'org-import.ts');
export const BOT_ENTRY = path.join(REPO_ROOT, 'bot', 'index.ts');

/** Who the current Playground user is in the demo scenario (the name and e-mail come from the config file). */
export const DEMO_ROLE = "intern begeleider (IB'er) van Obs De Regenboog";

/** The demo consultant: `npm run dev:consultant` opens a second Playground as her. */
export const DEMO_CONSULTANT = 'Anouk Bos';
export const DEMO_CONSULTANT_ROLE = "SOT-consulent van Obs De Regenboog, met het kanaal 'Spreekuur Anouk Bos'";
