/**
 * Builds the Teams app package: appPackage/build/sot-bot.zip (manifest.json + color.png + outline.png).
 *
 *   BOT_ID=<guid> npm run app:package
 *   npx tsx --env-file=.env scripts/package-app.ts
 *
 * Placeholders in appPackage/manifest.json are written `${{NAME}}` (as in Teams Toolkit) and filled from
 * the environment:
 *   BOT_ID           required  the bot's Microsoft App ID (Entra app registration), a GUID
 *   TEAMS_APP_ID     optional  the Teams app id, a GUID; default: BOT_ID (keep it stable between versions)
 *   APP_VERSION      optional  default: the version in package.json (raise it for every upload)
 *   APP_NAME_SUFFIX  optional  e.g. " (test)" to tell environments apart; default: empty
 *   BOT_DOMAIN       optional  host name of the bot, e.g. sot-bot.example.nl (no https://); left out when unset
 * The filled manifest is checked against the official schema (from @microsoft/app-manifest) and the icon
 * sizes are checked before anything is zipped. The zip is written with node:zlib (no extra packages).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';

const ROOT = path.join(import.meta.dirname, '..');
export const APP_PACKAGE_DIR = path.join(ROOT, 'appPackage');
export const OUTPUT_ZIP = path.join(APP_PACKAGE_DIR, 'build', 'sot-bot.zip');

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const PLACEHOLDER = /\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g;

export type PlaceholderValues = Record<string, string | undefined>;

/** Error with a Dutch and an English line, for people on either side of the project. */
export class PackageError extends Error {}

function fail(dutch: string, english: string): never {
  throw new PackageError(`${dutch}\n${english}`);
}

/** The placeholder values from an environment, with defaults; throws (NL/EN) when BOT_ID is missing or invalid. */
export function placeholderValues(env: NodeJS.ProcessEnv): PlaceholderValues {
  const botId = env.BOT_ID?.trim();
  if (!botId) {
    fail(
      'BOT_ID ontbreekt: zet de Microsoft App ID van de bot in de omgeving, bijvoorbeeld BOT_ID=<guid> npm run app:package.',
      'BOT_ID is missing: set the bot’s Microsoft App ID in the environment, e.g. BOT_ID=<guid> npm run app:package.',
    );
  }
  const teamsAppId = env.TEAMS_APP_ID?.trim() || botId;
  for (const [name, value] of [
    ['BOT_ID', botId],
    ['TEAMS_APP_ID', teamsAppId],
  ] as const) {
    if (!GUID.test(value)) {
      fail(`${name} is geen GUID: "${value}".`, `${name} is not a GUID: "${value}".`);
    }
  }
  const botDomain = env.BOT_DOMAIN?.trim() || undefined;
  if (botDomain && !/^[a-z0-9.*-]+(:\d+)?$/i.test(botDomain)) {
    fail(
      `BOT_DOMAIN moet een hostnaam zijn zonder https:// of pad, bijvoorbeeld sot-bot.example.nl (nu: "${botDomain}").`,
      `BOT_DOMAIN must be a host name without https:// or a path, e.g. sot-bot.example.nl (got "${botDomain}").`,
    );
  }
  const packageVersion = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    BOT_ID: botId,
    TEAMS_APP_ID: teamsAppId,
    APP_VERSION: env.APP_VERSION?.trim() || packageVersion,
    APP_NAME_SUFFIX: env.APP_NAME_SUFFIX ?? '',
    BOT_DOMAIN: botDomain,
  };
}

/**
 * Fills `${{NAME}}` placeholders in every string of the manifest. An array entry that is only a
 * placeholder without value (e.g. validDomains: ["${{BOT_DOMAIN}}"]) is left out; any other
 * placeholder without value is an error.
 */
export function fillManifest(template: unknown, values: PlaceholderValues): Record<string, unknown> {
  const missing = new Set<string>();
  const fillString = (s: string) =>
    s.replace(PLACEHOLDER, (_, name: string) => {
      const value = values[name];
      if (value === undefined) missing.add(name);
      return value ?? '';
    });
  const isEmptyPlaceholder = (item: unknown) => {
    if (typeof item !== 'string') return false;
    const match = /^\$\{\{\s*([A-Z0-9_]+)\s*\}\}$/.exec(item);
    return match !== null && !values[match[1]!];
  };
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return fillString(value);
    if (Array.isArray(value)) return value.filter((item) => !isEmptyPlaceholder(item)).map(walk);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)]));
    }
    return value;
  };
  const filled = walk(template) as Record<string, unknown>;
  if (missing.size > 0) {
    const names = [...missing].join(', ');
    fail(`Geen waarde voor ${names} in de omgeving.`, `No value for ${names} in the environment.`);
  }
  return filled;
}

const require = createRequire(import.meta.url);

/** The official Teams manifest JSON schema for a manifestVersion, from the @microsoft/app-manifest package. */
export function loadManifestSchema(manifestVersion: string): object {
  const packageDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = path.join(packageDir, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  if (!fs.existsSync(file)) {
    fail(
      `Geen schema voor manifestVersion ${manifestVersion} in @microsoft/app-manifest (${file}).`,
      `No schema for manifestVersion ${manifestVersion} in @microsoft/app-manifest (${file}).`,
    );
  }
  // Same clean-up as the package's own fetchSchema(): some schema versions contain "\a" in a regex.
  return JSON.parse(fs.readFileSync(file, 'utf8').replace(/\\a/g, '\\x07')) as object;
}

// CommonJS packages: under NodeNext the default import is module.exports (the class/plugin itself at runtime).
type AjvConstructor = typeof Ajv04Module.default;
const Ajv04 = ((Ajv04Module as unknown as { default?: AjvConstructor }).default ?? Ajv04Module) as AjvConstructor;
type FormatsPlugin = typeof addFormatsModule.default;
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? addFormatsModule) as FormatsPlugin;

/** Compiling a manifest schema takes about half a second; keep one validator per manifestVersion. */
const compiledSchemas = new Map<string, ReturnType<InstanceType<AjvConstructor>['compile']>>();

/**
 * Validates a (filled) manifest against the official schema for its manifestVersion, the way the
 * Teams Toolkit does (JSON Schema draft-04, allErrors). Returns readable errors; [] when valid.
 */
export function validateManifest(manifest: Record<string, unknown>, schema?: object): string[] {
  const version = manifest.manifestVersion;
  if (typeof version !== 'string') return ['/manifestVersion is missing'];
  let validate = schema ? undefined : compiledSchemas.get(version);
  if (!validate) {
    const ajv = new Ajv04({ allErrors: true, strictTypes: false });
    addFormats(ajv);
    validate = ajv.compile(schema ?? loadManifestSchema(version));
    if (!schema) compiledSchemas.set(version, validate);
  }
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((error) =>
    `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`.trim(),
  );
}

export interface PngInfo {
  width: number;
  height: number;
  /** PNG colour type: 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA. */
  colorType: number;
}

/** Reads width, height and colour type from a PNG's IHDR chunk. */
export function pngInfo(bytes: Buffer): PngInfo {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('ascii', 12, 16) !== 'IHDR') {
    throw new PackageError('Geen PNG-bestand. / Not a PNG file.');
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colorType: bytes[25]! };
}

/** Checks the icons the manifest names: color 192×192, outline 32×32 with transparency. */
export function checkIcons(manifest: Record<string, unknown>, dir = APP_PACKAGE_DIR): string[] {
  const icons = (manifest.icons ?? {}) as Record<string, string>;
  const expected: Record<string, number> = { color: 192, outline: 32, color32x32: 32 };
  const problems: string[] = [];
  for (const [kind, file] of Object.entries(icons)) {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) {
      problems.push(`icons.${kind}: ${file} does not exist`);
      continue;
    }
    const info = pngInfo(fs.readFileSync(full));
    const size = expected[kind];
    if (size && (info.width !== size || info.height !== size)) {
      problems.push(`icons.${kind}: ${file} is ${info.width}×${info.height}, must be ${size}×${size}`);
    }
    if (kind !== 'color' && info.colorType !== 4 && info.colorType !== 6 && info.colorType !== 3) {
      problems.push(`icons.${kind}: ${file} needs a transparent background (alpha channel)`);
    }
  }
  return problems;
}

/** A minimal zip archive (deflate, no directories) of the given files, written with node:zlib. */
export function createZip(files: { name: string; data: Buffer }[], date = new Date()): Buffer {
  const dosTime = (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2);
  const dosDate = ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const compressed = zlib.deflateRawSync(file.data, { level: 9 });
    const crc = zlib.crc32(file.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(file.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(file.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDirectory, end]);
}

export interface BuildResult {
  zipFile: string;
  manifest: Record<string, unknown>;
}

/** Fills, validates and zips the app package. Throws PackageError (NL/EN) on any problem. */
export function buildAppPackage(env: NodeJS.ProcessEnv = process.env, zipFile = OUTPUT_ZIP): BuildResult {
  const template = JSON.parse(fs.readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8')) as unknown;
  const manifest = fillManifest(template, placeholderValues(env));
  const problems = [...validateManifest(manifest), ...checkIcons(manifest)];
  if (problems.length > 0) {
    fail(`Het manifest klopt niet:\n  ${problems.join('\n  ')}`, 'The manifest is invalid (see above).');
  }
  const icons = manifest.icons as Record<string, string>;
  const manifestJson = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  const files = [
    { name: 'manifest.json', data: manifestJson },
    ...[...new Set(Object.values(icons))].map((file) => ({ name: file, data: fs.readFileSync(path.join(APP_PACKAGE_DIR, file)) })),
  ];
  fs.mkdirSync(path.dirname(zipFile), { recursive: true });
  fs.writeFileSync(zipFile, createZip(files));
  fs.writeFileSync(path.join(path.dirname(zipFile), 'manifest.json'), manifestJson);
  return { zipFile, manifest };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const { zipFile, manifest } = buildAppPackage();
    const name = (manifest.name as { short: string }).short;
    console.log(`App-pakket gemaakt / app package written: ${path.relative(process.cwd(), zipFile)} (${name} ${String(manifest.version)})`);
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
