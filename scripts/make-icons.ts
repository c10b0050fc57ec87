/**
 * Draws the two Teams app icons into appPackage/ (no image libraries: PNG bytes via node:zlib).
 *   color.png   192×192, full colour: a white speech bubble with three dots on the accent colour.
 *   outline.png  32×32, white on transparent (Teams requirement), the same bubble.
 * Run: npx tsx scripts/make-icons.ts   (the PNGs are committed; rerun only to change the design)
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';

type Rgba = [number, number, number, number];
/** Coverage test in unit coordinates (0..1 across the icon). */
type Shape = (x: number, y: number) => boolean;

export const ACCENT: Rgba = [0x2e, 0x6d, 0xa4, 255];
const WHITE: Rgba = [255, 255, 255, 255];

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function circle(cx: number, cy: number, r: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function triangle(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Shape {
  const side = (px: number, py: number, qx: number, qy: number, x: number, y: number) => (qx - px) * (y - py) - (qy - py) * (x - px);
  return (x, y) => {
    const d1 = side(ax, ay, bx, by, x, y);
    const d2 = side(bx, by, cx, cy, x, y);
    const d3 = side(cx, cy, ax, ay, x, y);
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
  };
}

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y);

/** A speech bubble (with tail) and three dots, in a box from `inset` to 1 - `inset`. */
function bubble(inset: number): { body: Shape; dots: Shape } {
  const s = (v: number) => inset + v * (1 - 2 * inset);
  const body = union(
    roundedRect(s(0), s(0.06), s(1), s(0.74), s(0.2) - inset),
    triangle(s(0.2), s(0.6), s(0.46), s(0.7), s(0.14), s(0.96)),
  );
  const r = 0.075 * (1 - 2 * inset);
  const dots = union(circle(s(0.27), s(0.4), r), circle(s(0.5), s(0.4), r), circle(s(0.73), s(0.4), r));
  return { body, dots };
}

/** Paints layers (last wins) with 4×4 supersampling; returns RGBA rows. */
function paint(size: number, background: Rgba | null, layers: [Shape, Rgba][]): Buffer {
  const out = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let color: Rgba | null = background;
          for (const [shape, c] of layers) if (shape(x, y)) color = c;
          if (color) {
            const alpha = color[3] / 255;
            r += color[0] * alpha;
            g += color[1] * alpha;
            b += color[2] * alpha;
            a += alpha;
          }
        }
      }
      const i = (py * size + px) * 4;
      const samples = n * n;
      out[i] = a ? Math.round(r / a) : 0;
      out[i + 1] = a ? Math.round(g / a) : 0;
      out[i + 2] = a ? Math.round(b / a) : 0;
      out[i + 3] = Math.round((a / samples) * 255);
    }
  }
  return out;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typeAndData) >>> 0);
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes 8-bit RGBA pixels as a PNG (colour type 6, no interlace). */
export function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function makeColorIcon(): Buffer {
  const { body, dots } = bubble(0.22);
  return encodePng(
    192,
    paint(192, ACCENT, [
      [body, WHITE],
      [dots, ACCENT],
    ]),
  );
}

export function makeOutlineIcon(): Buffer {
  const { body, dots } = bubble(0.06);
  return encodePng(32, paint(32, null, [[minus(body, dots), WHITE]]));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = path.join(import.meta.dirname, '..', 'appPackage');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'color.png'), makeColorIcon());
  fs.writeFileSync(path.join(dir, 'outline.png'), makeOutlineIcon());
  console.log(`Iconen geschreven naar ${dir} (color.png 192×192, outline.png 32×32).`);
}
