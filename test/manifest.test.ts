/**
 * The Teams app package: appPackage/manifest.json against the official schema (offline, from
 * @microsoft/app-manifest, validated with ajv + ajv-formats), the icons, and the zip that
 * scripts/package-app.ts builds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { ManifestUtil } from '@microsoft/app-manifest';
import { describe, expect, it } from 'vitest';
import { FORM_ENTRIES, FORM_KINDS } from '../bot/domain/requests/kinds.ts';
import { REQUEST_TYPES } from '../bot/domain/requests/types.ts';
import { MENU_OPTIONS } from '../cards/welcome.ts';
import {
  APP_PACKAGE_DIR,
  buildAppPackage,
  checkIcons,
  fillManifest,
  loadManifestSchema,
  PackageError,
  placeholderValues,
  pngInfo,
  validateManifest,
} from '../scripts/package-app.ts';

const SAMPLE_BOT_ID = '0f5e8c1a-3b7d-4e2f-9a6c-1d2b3c4d5e6f';
const SAMPLE_ENV = { BOT_ID: SAMPLE_BOT_ID, BOT_DOMAIN: 'sot-bot.example.nl' };

const template = JSON.parse(fs.readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
const filled = () => fillManifest(template, placeholderValues(SAMPLE_ENV));

interface Bot {
  botId: string;
  scopes: string[];
  supportsFiles?: boolean;
  commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
}

describe('manifest.json', () => {
  it('lists a personal command for every request type (kinds.ts), and only that form understands the word', () => {
    const bot = (template.bots as Bot[])[0]!;
    const personal = bot.commandLists.find((l) => l.scopes.includes('personal'))!.commands.map((c) => c.title);
    for (const type of REQUEST_TYPES) {
      expect(personal).toContain(FORM_ENTRIES[type].command);
      const understood = FORM_KINDS.filter((other) => FORM_ENTRIES[other].typed.test(FORM_ENTRIES[type].command));
      expect(understood).toEqual([type]);
    }
    expect(personal).toContain('agenda');
    expect(personal.length).toBeLessThanOrEqual(10); // Teams shows at most 10 commands per list
  });

  it('leaves the short dreigend form out of the list (room for ten): reachable by its typed words and the menu only', () => {
    const bot = (template.bots as Bot[])[0]!;
    const personal = bot.commandLists.find((l) => l.scopes.includes('personal'))!.commands.map((c) => c.title);
    expect(personal).not.toContain(FORM_ENTRIES.dreigend.command);
    const understood = FORM_KINDS.filter((other) => FORM_ENTRIES[other].typed.test(FORM_ENTRIES.dreigend.command));
    expect(understood).toEqual(['dreigend']);
    expect(MENU_OPTIONS.map((o) => o.verb)).toContain('dreigend.start');
  });

  it('no request form takes the word "agenda"', () => {
    for (const word of ['agenda', 'jaaragenda', 'de agenda']) {
      expect(FORM_KINDS.filter((form) => FORM_ENTRIES[form].typed.test(word))).toEqual([]);
    }
  });

  it('uses manifest schema 1.19 or newer, available offline, and points $schema at it', () => {
    const version = template.manifestVersion as string;
    const [major, minor] = version.split('.').map(Number);
    expect(major === 1 && minor! >= 19).toBe(true);
    expect(() => loadManifestSchema(version)).not.toThrow();
    expect(template.$schema).toBe(`https://developer.microsoft.com/en-us/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`);
  });

  it('only uses known placeholders', () => {
    const used = [...JSON.stringify(template).matchAll(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g)].map((m) => m[1]);
    expect(new Set(used)).toEqual(new Set(['APP_VERSION', 'TEAMS_APP_ID', 'APP_NAME_SUFFIX', 'BOT_ID', 'BOT_DOMAIN']));
  });

  it('is valid against the official schema once the placeholders are filled', () => {
    const manifest = filled();
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(validateManifest(manifest)).toEqual([]);
  });

  it('is also valid for the validator inside @microsoft/app-manifest (what Teams Toolkit runs)', async () => {
    const manifest = filled();
    const schema = loadManifestSchema(manifest.manifestVersion as string);
    expect(await ManifestUtil.validateManifestAgainstSchema(manifest as never, schema as never)).toEqual([]);
  });

  it('describes the SOT bot: scopes, no files, Dutch command lists', () => {
    const manifest = filled();
    expect(manifest.id).toBe(SAMPLE_BOT_ID); // TEAMS_APP_ID defaults to BOT_ID
    expect((manifest.name as { short: string }).short).toBe('SOT-bot');
    expect(manifest.validDomains).toEqual(['sot-bot.example.nl']);
    const bots = manifest.bots as Bot[];
    expect(bots).toHaveLength(1);
    const bot = bots[0]!;
    expect(bot.botId).toBe(SAMPLE_BOT_ID);
    // No group chats: everyone there reads along, and nothing the bot does belongs in front of them.
    expect([...bot.scopes].sort()).toEqual(['personal', 'team']);
    expect(bot.supportsFiles).toBe(false);
    const commands = (scope: string) =>
      bot.commandLists.filter((list) => list.scopes.includes(scope)).flatMap((list) => list.commands.map((c) => c.title));
    expect(commands('personal')).toEqual(expect.arrayContaining(['spreekuur', 'thuiszitter', 'jes', 'mijn aanvragen', 'help']));
    expect(commands('team')).toEqual(expect.arrayContaining(['koppel']));
    for (const list of bot.commandLists) {
      for (const command of list.commands) expect(command.description, command.title).toBeTruthy();
    }
  });

  it('drops validDomains entries without value and fills the optional values', () => {
    const manifest = fillManifest(
      template,
      placeholderValues({
        BOT_ID: SAMPLE_BOT_ID,
        TEAMS_APP_ID: 'A1B2C3D4-0000-4000-8000-000000000001',
        APP_VERSION: '2.3.4',
        APP_NAME_SUFFIX: ' (test)',
      }),
    );
    expect(manifest.validDomains).toEqual([]);
    expect(manifest.id).toBe('A1B2C3D4-0000-4000-8000-000000000001');
    expect(manifest.version).toBe('2.3.4');
    expect((manifest.name as { short: string }).short).toBe('SOT-bot (test)');
    expect(validateManifest(manifest)).toEqual([]);
  });
});

describe('the validation can fail', () => {
  it('rejects a manifest with a missing required field', () => {
    const { developer: _developer, ...withoutDeveloper } = filled();
    const errors = validateManifest(withoutDeveloper);
    expect(errors.join('\n')).toMatch(/must have required property 'developer'/);
  });

  it('rejects a bot id that is not a GUID, an unknown scope and a too long short description', () => {
    const manifest = filled();
    const bot = (manifest.bots as Bot[])[0]!;
    bot.botId = 'not-a-guid';
    bot.scopes = [...bot.scopes, 'meetings'];
    (manifest.description as { short: string }).short = 'x'.repeat(81);
    const errors = validateManifest(manifest).join('\n');
    expect(errors).toMatch(/\/bots\/0\/botId must match pattern/);
    expect(errors).toMatch(/\/bots\/0\/scopes\/2 must be equal to one of the allowed values/);
    expect(errors).toMatch(/\/description\/short must NOT have more than 80 characters/);
  });

  it('refuses to fill the manifest without BOT_ID, in Dutch and English', () => {
    expect(() => placeholderValues({})).toThrow(PackageError);
    expect(() => placeholderValues({})).toThrow(/BOT_ID ontbreekt[\s\S]*BOT_ID is missing/);
    expect(() => placeholderValues({ BOT_ID: 'abc' })).toThrow(/BOT_ID is geen GUID/);
    expect(() => placeholderValues({ BOT_ID: SAMPLE_BOT_ID, BOT_DOMAIN: 'https://x.nl/' })).toThrow(/BOT_DOMAIN/);
    expect(() => fillManifest({ name: '${{NOPE}}' }, {})).toThrow(/Geen waarde voor NOPE/);
  });
});

describe('icons', () => {
  it('color.png is 192×192 and outline.png is 32×32, both PNG', () => {
    const manifest = filled();
    expect(checkIcons(manifest)).toEqual([]);
    const icons = manifest.icons as { color: string; outline: string };
    expect(pngInfo(fs.readFileSync(path.join(APP_PACKAGE_DIR, icons.color)))).toMatchObject({ width: 192, height: 192 });
    expect(pngInfo(fs.readFileSync(path.join(APP_PACKAGE_DIR, icons.outline)))).toMatchObject({ width: 32, height: 32 });
  });

  it('outline.png is white on transparent', () => {
    const pixels = decodeRgbaPng(fs.readFileSync(path.join(APP_PACKAGE_DIR, 'outline.png')));
    let opaque = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const [r, g, b, a] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!, pixels[i + 3]!];
      if (a === 0) continue;
      opaque++;
      expect([r, g, b], `pixel ${i / 4}`).toEqual([255, 255, 255]);
    }
    expect(opaque).toBeGreaterThan(0);
    expect(opaque).toBeLessThan(pixels.length / 4); // some transparency
  });

  it('the checker notices a wrongly sized icon', () => {
    const manifest = { ...filled(), icons: { color: 'outline.png', outline: 'color.png' } };
    expect(checkIcons(manifest)).toEqual([
      'icons.color: outline.png is 32×32, must be 192×192',
      'icons.outline: color.png is 192×192, must be 32×32',
    ]);
  });
});

describe('app package zip', () => {
  it('holds the filled manifest and both icons at the root', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sot-app-package-'));
    try {
      const zipFile = path.join(dir, 'sot-bot.zip');
      buildAppPackage({ ...SAMPLE_ENV, APP_VERSION: '1.2.3' }, zipFile);
      const entries = readZip(fs.readFileSync(zipFile));
      expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
      const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
      expect(manifest.version).toBe('1.2.3');
      expect(manifest.bots[0].botId).toBe(SAMPLE_BOT_ID);
      expect(entries.get('color.png')!.equals(fs.readFileSync(path.join(APP_PACKAGE_DIR, 'color.png')))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Reads a zip's central directory and inflates every entry, checking sizes and CRCs. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    const data = method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw);
    expect(data.length, name).toBe(size);
    expect(zlib.crc32(data) >>> 0, name).toBe(crc);
    entries.set(name, data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Decodes an 8-bit RGBA, non-interlaced PNG into raw pixels (enough for the icons we make). */
function decodeRgbaPng(png: Buffer): Buffer {
  const { width, height, colorType } = pngInfo(png);
  expect(colorType, 'outline.png must be 8-bit RGBA').toBe(6);
  expect(png[24], 'bit depth').toBe(8);
  expect(png[28], 'interlace').toBe(0);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= 4 ? out[y * stride + x - 4]! : 0;
      const up = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const upLeft = x >= 4 && y > 0 ? out[(y - 1) * stride + x - 4]! : 0;
      let predictor = 0;
      if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      out[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return out;
}
