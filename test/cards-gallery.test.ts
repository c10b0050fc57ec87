// npm run cards: the gallery has a picture for every card template, each a real, non-empty PNG.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GALLERY, templateNames, writeGallery } from '../scripts/cards/gallery.ts';
import { chromiumAvailable, CHROMIUM_PATH } from './support/chromium.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sot-cards-gallery-'));
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

it('names a picture after every template in cards/templates', () => {
  const names = GALLERY.map((entry) => entry.name);
  expect(new Set(names).size, 'gallery names are unique').toBe(names.length);
  expect(templateNames().filter((t) => !names.includes(t))).toEqual([]);
});

describe.skipIf(!chromiumAvailable)('npm run cards', () => {
  if (!chromiumAvailable) console.warn(`[cards-gallery] skipped: no Chromium at ${CHROMIUM_PATH}`);

  it('writes a non-empty PNG for every template and an index', async () => {
    await writeGallery(outDir);
    for (const name of [...templateNames(), ...GALLERY.map((e) => e.name)]) {
      const file = path.join(outDir, `${name}.png`);
      expect(fs.existsSync(file), `${name}.png`).toBe(true);
      const png = fs.readFileSync(file);
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE), `${name}.png is a PNG`).toBe(true);
      expect(png.readUInt32BE(16), `${name}.png width`).toBeGreaterThan(100);
      expect(png.readUInt32BE(20), `${name}.png height`).toBeGreaterThan(20);
    }
    const index = fs.readFileSync(path.join(outDir, 'README.md'), 'utf8');
    for (const entry of GALLERY) expect(index).toContain(`(${entry.name}.png)`);
  }, 60_000);
});
