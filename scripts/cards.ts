// npm run cards — the card gallery: docs/cards/<name>.png for every card and docs/cards/README.md.
// Needs Debian's Chromium (or CHROMIUM_PATH). Another folder: npm run cards -- <folder>.
import path from 'node:path';
import { REPO_ROOT } from './dev/paths.ts';
import { writeGallery } from './cards/gallery.ts';

const outDir = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, 'docs', 'cards'));
const started = performance.now();
const files = await writeGallery(outDir);
console.log(
  `${files.length - 1} kaarten getekend in ${path.relative(process.cwd(), outDir) || '.'} (${Math.round(performance.now() - started)} ms).`,
);
