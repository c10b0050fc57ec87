// A picture of a printed month for the README: the demo year agenda (scripts/demo/jaaragenda.demo.csv)
// as the printable month page, rendered in headless Chromium with print styles on an A4 sheet.
//   npm run agenda:picture                      → docs/agenda-maand.png (February 2027)
//   npm run agenda:picture -- 2027-03 out.png
// Needs Debian's Chromium (or CHROMIUM_PATH). No database: the page is rendered from the file directly.
import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { chromium } from 'playwright-core';
import { entryKey, parseAgendaFile } from '../bot/features/agenda/agendaFile.ts';
import { monthBounds, parseMonth, renderMonthPage } from '../bot/features/agenda/printMonth.ts';
import { DEFAULT_CHROMIUM_PATH } from '../bot/chromium.ts';
import { ZONE } from '../bot/domain/time.ts';

const root = path.resolve(import.meta.dirname, '..');
const [monthArg = '2027-02', outArg = 'docs/agenda-maand.png'] = process.argv.slice(2);
// The demo agenda is about school year 2026-2027: render as if it were late 2026.
const now = DateTime.fromISO('2026-11-25T10:00', { zone: ZONE }).toJSDate();

const month = parseMonth(monthArg, now);
if (!month) {
  console.error(`Geen geldige maand: ${monthArg} (gebruik JJJJ-MM)`);
  process.exit(1);
}
const file = path.join(root, 'scripts/demo/jaaragenda.demo.csv');
const parsed = parseAgendaFile(file, fs.readFileSync(file, 'utf8'), now);
if (!parsed.ok) {
  console.error(parsed.errors.map((e) => `${e.where}: ${e.message}`).join('\n'));
  process.exit(1);
}
const { first, last } = monthBounds(month);
const items = parsed.entries
  .filter((e) => (e.date >= first && e.date <= last) || (e.date < first && (e.endDate ?? e.date) >= first))
  .filter((e) => e.audience !== 'VO')
  .map((e) => ({ ...e, itemKey: entryKey(e), endDate: e.endDate ?? null, time: e.time ?? null }));
const html = renderMonthPage({
  swvName: 'Samenwerkingsverband Voorbeeldstreek PO',
  month,
  items,
  view: { kind: 'schools', regions: ['PO'] },
  generatedAt: now,
});

const executablePath = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  // A4 at 96 dpi, shown at 1.5× for a sharp picture; the 12 mm padding stands in for the page margin.
  const page = await browser.newPage({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 1.5, offline: true });
  await page.setContent(html, { waitUntil: 'load' });
  await page.emulateMedia({ media: 'print' });
  await page.addStyleTag({ content: 'html { background: #fff; } body { padding: 12mm; }' });
  const out = path.resolve(root, outArg);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out, fullPage: false });
  console.log(`Geschreven: ${path.relative(root, out)}`);
} finally {
  await browser.close();
}
