// The year agenda printable and subscribable: personal tokens, the printable month (HTML and PDF), the
// calendar feed, who sees what, and the office revoking a person's links. Real endpoint, real database,
// Debian's headless Chromium.
import { Writable } from 'node:stream';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import pino from 'pino';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAgendaFile } from '../bot/features/agenda/agendaFile.ts';
import { importAgenda } from '../bot/features/agenda/importAgenda.ts';
import { agendaLinksFor, SUBSCRIBE_HELP, type AgendaLinks } from '../bot/features/agenda/links.ts';
import { deriveAgendaToken, hashAgendaToken } from '../bot/features/agenda/tokens.ts';
import { agendaRoutes } from '../bot/features/agenda/routes.ts';
import { createPdfPrinter } from '../bot/features/agenda/pdf.ts';
import { renderMonthPage, wrappedLines } from '../bot/features/agenda/printMonth.ts';
import { startBot } from '../bot/index.ts';
import { createLogger } from '../bot/log.ts';
import type { Services } from '../bot/services.ts';
import { startHarness, testConfig, type Harness } from './support/harness.ts';
import { importFixture, PEOPLE } from './support/org.ts';
import { CHROMIUM_BASE_ARGS, CHROMIUM_PATH, chromiumAvailable } from './support/chromium.ts';
import { textOf } from './support/cards.ts';
import { clock } from './support/clock.ts';

const ZONE = 'Europe/Amsterdam';
const SECRET = testConfig().linkSecret!;

const AGENDA = [
  'datum;titel;omschrijving;doelgroep;herinneren;soort;tot',
  '2027-02-01;Start aanmeldperiode arrangementen;Aanvragen kunnen vanaf vandaag in Onderwijs Transparant.;alle;;activiteit;',
  '2027-02-03T15:30;Netwerkbijeenkomst coördinatoren;Locatie: kantoor SWV, zaal 2.;alle;7,1;activiteit;',
  '2027-02-09T09:00;Spreekuur orthopedagoog;;PO;;activiteit;',
  '2027-02-10;Open dag VO-scholen;Alle VO-scholen houden open huis.;VO;;activiteit;',
  "2027-02-16;Tom & Jerry <script>alert('x')</script>;Let op: <b>geen</b> opmaak & zo;alle;;activiteit;",
  '2027-02-20;Voorjaarsvakantie;;PO;;vakantie;2027-02-28',
  '2027-02-13;Voorjaarsvakantie;;VO;;vakantie;2027-02-21',
  '2027-06-10T14:00;Zomeroverleg;Vooruitblik op het nieuwe schooljaar.;alle;;activiteit;',
];

let h: Harness;
let base: string;
let browser: Browser | undefined;
const ids: Record<'carla' | 'dirk' | 'eva' | 'vera', string> = { carla: '', dirk: '', eva: '', vera: '' };

function services(): Services {
  return {
    db: h.db.prisma,
    logger: createLogger('silent'),
    nudgeDelivery: () => {},
    now: clock.now,
    databaseAvailable: async () => true,
    reportUrl: () => 'https://sot.example/rapportage',
    reminderTime: '08:00',
    icsUrl: () => '',
    agendaLinks: { baseUrl: base, tokenFor: (personId, tokenId) => deriveAgendaToken(SECRET, personId, tokenId) },
  };
}
const linksOf = async (person: keyof typeof ids): Promise<AgendaLinks> => (await agendaLinksFor(services(), ids[person]))!;
const get = (url: string, init?: RequestInit) => fetch(url, init);

async function importCsv(lines: string[]) {
  const parsed = parseAgendaFile('jaaragenda.csv', lines.join('\n'), clock.now());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return importAgenda(h.db.prisma, parsed.entries, 'test');
}

/** The feed's events by title, parsed back with ical.js (timezones from the feed's own VTIMEZONE). */
function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  const events = calendar.getAllSubcomponents('vevent').map((v) => ({ component: v, event: new ICAL.Event(v) }));
  return { calendar, events, byTitle: (title: string) => events.find((e) => e.event.summary === title) };
}

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

beforeAll(async () => {
  // A Wednesday in November 2026: the window of months runs from 2025 up to and including 2028.
  clock.set(DateTime.fromISO('2026-11-25T10:00', { zone: ZONE }).toJSDate());
  h = await startHarness();
  base = `http://127.0.0.1:${h.bot.port}`;
  await importFixture(h.db);
  const db = h.db.prisma;
  const person = (email: string) => db.person.findFirstOrThrow({ where: { email } });
  ids.carla = (await person('c.smit@obs-kompas.nl')).id;
  ids.dirk = (await person('d.bakker@cbs-ark.nl')).id;
  ids.eva = (await person('eva.mulder@swv-voorbeeld.nl')).id;
  // A coordinator of a VO school, to see the VO side of the agenda.
  const swv = await db.swv.findFirstOrThrow();
  const anna = await person('anna.devries@swv-voorbeeld.nl');
  const vera = await db.person.create({ data: { swvId: swv.id, name: 'Vera Jansen', email: 'v.jansen@vo-baken.nl' } });
  const baken = await db.school.create({
    data: { swvId: swv.id, brin: '56EF00', name: 'Vo Het Baken', sector: 'VO', consultantId: anna.id },
  });
  await db.schoolCoordinator.create({ data: { schoolId: baken.id, personId: vera.id, source: 'import' } });
  ids.vera = vera.id;
  await importCsv(AGENDA);
  if (chromiumAvailable) browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_BASE_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('personal agenda links', () => {
  it('are made on first use, the same every time after, and only a hash of the token is stored', async () => {
    const first = await linksOf('carla');
    const again = await linksOf('carla');
    expect(again.feedUrl).toBe(first.feedUrl);
    expect(first.printUrl('2027-02')).toMatch(new RegExp(`^${base}/agenda/2027-02\\?token=[A-Za-z0-9_-]{32}$`));
    expect(first.pdfUrl('2027-02')).toMatch(/\/agenda\/2027-02\.pdf\?token=/);
    expect(first.feedUrl).toMatch(/\/agenda\.ics\?token=/);
    const token = new URL(first.feedUrl).searchParams.get('token')!;
    const rows = await h.db.prisma.agendaToken.findMany({ where: { personId: ids.carla } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashAgendaToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    // Another person has another token.
    expect((await linksOf('dirk')).feedUrl).not.toBe(first.feedUrl);
  });

  it('are not made for an unknown or deactivated person', async () => {
    expect(await agendaLinksFor(services(), '00000000-0000-4000-8000-00000000dead')).toBeNull();
    const inactive = await h.db.prisma.person.create({
      data: { swvId: (await h.db.prisma.swv.findFirstOrThrow()).id, name: 'Oud Lid', email: 'oud@school.nl', active: false },
    });
    expect(await agendaLinksFor(services(), inactive.id)).toBeNull();
  });

  it('change when LINK_SECRET changes (the old token is revoked, a new one made)', async () => {
    const other: Services = {
      ...services(),
      agendaLinks: { baseUrl: base, tokenFor: (p, t) => deriveAgendaToken('another-secret-0123456789', p, t) },
    };
    const before = await linksOf('eva');
    const after = (await agendaLinksFor(other, ids.eva))!;
    expect(after.feedUrl).not.toBe(before.feedUrl);
    // The bot runs with the test secret: the token made with another secret is not valid there.
    expect((await get(after.feedUrl)).status).toBe(403);
    // Back with the bot's secret: a fresh token again, which works.
    const back = await linksOf('eva');
    expect((await get(back.feedUrl)).status).toBe(200);
    expect(await h.db.prisma.agendaToken.count({ where: { personId: ids.eva, revokedAt: null } })).toBe(1);
  });

  it('come with a short Dutch instruction for subscribing in Outlook and Google Agenda', () => {
    expect(SUBSCRIBE_HELP).toContain('Outlook');
    expect(SUBSCRIBE_HELP).toContain('Abonneren vanaf internet');
    expect(SUBSCRIBE_HELP).toContain('Google Agenda');
  });
});

describe('the printable month', () => {
  it('is a private, escaped A4 page', async () => {
    const res = await get((await linksOf('carla')).printUrl('2027-02'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toContain('private');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).toContain('@page { size: A4 portrait; margin: 12mm; }');
    expect(html).toContain('Samenwerkingsverband Voorbeeldstreek PO');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Tom &amp; Jerry &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;geen&lt;/b&gt; opmaak &amp; zo');
  });

  it.skipIf(!chromiumAvailable)('renders in Chromium without console errors; the printed text of a month', async () => {
    const page = await browser!.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto((await linksOf('carla')).printUrl('2027-02'));
    await page.emulateMedia({ media: 'print' });
    const text = (await page.evaluate(() => document.body.innerText))
      .split('\n')
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('\n');
    await page.close();
    expect(problems).toEqual([]);
    expect(text).toMatchInlineSnapshot(`
      "Samenwerkingsverband Voorbeeldstreek PO
      Februari 2027
      Jaaragenda
      Voor PO-scholen (ook sbo en so)
      wk maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
      5
      1
      Start aanmeldperiode arrangementen
      2
      3
      15:30 Netwerkbijeenkomst coördinatoren
      4
      5
      6
      7
      6
      8
      9
      09:00 Spreekuur orthopedagoog
      10
      11
      12
      13
      14
      7
      15
      16
      Tom & Jerry <script>alert('x')</script>
      17
      18
      19
      20
      Voorjaarsvakantie
      21
      8
      22
      Voorjaarsvakantie
      23
      24
      25
      26
      27
      28
      Toelichting
      ma 1 feb Start aanmeldperiode arrangementen — Aanvragen kunnen vanaf vandaag in Onderwijs Transparant.
      wo 3 feb · 15:30 Netwerkbijeenkomst coördinatoren — Locatie: kantoor SWV, zaal 2.
      di 16 feb Tom & Jerry <script>alert('x')</script> — Let op: <b>geen</b> opmaak & zo
      za 20 feb t/m zo 28 feb Voorjaarsvakantie
      Jaaragenda van Samenwerkingsverband Voorbeeldstreek PO
      Stand van 25 november 2026 · schoolvakantie"
    `);
  });

  it('shows the neighbouring months and the PDF on screen, with the same token', async () => {
    const url = (await linksOf('carla')).printUrl('2027-02');
    const token = new URL(url).searchParams.get('token')!;
    const html = await (await get(url)).text();
    expect(html).toContain(`/agenda/2027-01?token=${token}`);
    expect(html).toContain(`/agenda/2027-03?token=${token}`);
    expect(html).toContain(`/agenda/2027-02.pdf?token=${token}`);
  });

  it('refuses a month that is not YYYY-MM or outside the window (400, in Dutch)', async () => {
    const links = await linksOf('carla');
    for (const month of ['2027-13', '2027-2', 'februari', '2024-12', '2029-01', '2027-02.doc']) {
      const res = await get(links.printUrl(month));
      expect(res.status, month).toBe(400);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toContain('Deze maand bestaat niet');
    }
    expect((await get(links.printUrl('2025-01'))).status).toBe(200);
    expect((await get(links.printUrl('2028-12'))).status).toBe(200);
  });

  it('refuses a missing or wrong token (403, in Dutch)', async () => {
    for (const query of ['', '?token=', '?token=abc', `?token=${'A'.repeat(32)}`, '?token=%3Cscript%3E']) {
      const res = await get(`${base}/agenda/2027-02${query}`);
      expect(res.status, query).toBe(403);
      expect(await res.text()).toContain('Deze agendalink is niet (meer) geldig');
    }
    expect((await get(`${base}/agenda.ics?token=${'A'.repeat(32)}`)).status).toBe(403);
  });

  it('answers HEAD without a body, and nothing but GET and HEAD', async () => {
    const url = (await linksOf('carla')).printUrl('2027-02');
    const head = await get(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(1000);
    expect(await head.text()).toBe('');
    expect((await get(url, { method: 'POST', body: 'x' })).status).toBe(405);
  });
});

describe.skipIf(!chromiumAvailable)('the month as PDF', () => {
  it('is one A4 page made by headless Chromium', async () => {
    const res = await get((await linksOf('carla')).pdfUrl('2027-02'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toContain('private');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(1);
    // A4: 595 × 842 points.
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'))!;
    expect(Math.round(Number(box[1]))).toBe(595);
    expect(Math.round(Number(box[2]))).toBe(842);
  });

  it('stays one page for a crowded six-week month with long texts', async () => {
    const crowded = [AGENDA[0]!];
    // August 2027 spans six weeks (Sunday the 1st to Tuesday the 31st).
    for (let day = 1; day <= 31; day++) {
      const date = `2027-08-${String(day).padStart(2, '0')}`;
      for (let n = 0; n < 4; n++) {
        crowded.push(
          `${date}T${10 + n}:00;Bijeenkomst ${n + 1} met een heel lange titel over passend onderwijs in de regio;${'Een lange toelichting. '.repeat(20)};alle;;activiteit;`,
        );
      }
    }
    crowded.push('2027-07-10;Zomervakantie;Zes weken vrij.;PO;;vakantie;2027-08-22');
    await importCsv(crowded);
    try {
      const res = await get((await linksOf('carla')).pdfUrl('2027-08'));
      expect(res.status).toBe(200);
      expect(pageCount(Buffer.from(await res.arrayBuffer()))).toBe(1);
      const html = await (await get((await linksOf('carla')).printUrl('2027-08'))).text();
      expect(html).toMatch(/\+ \d+ meer/);
      expect(html).toMatch(/Nog \d+ punten passen niet op deze pagina/);
    } finally {
      await importCsv(AGENDA);
    }
  });
});

describe('the month as PDF without Chromium', () => {
  it('answers 503 with a Dutch page that points to the web page to print', async () => {
    const printer = createPdfPrinter({ executablePath: '/nonexistent/chromium', logger: createLogger('silent') });
    const routes = agendaRoutes(services(), printer);
    const month = routes.find((r) => r.path === '/agenda/:month')!;
    const token = new URL((await linksOf('carla')).feedUrl).searchParams.get('token')!;
    const answer = await month.handle({ month: '2027-02.pdf' }, { query: new URLSearchParams({ token }) });
    expect(answer.status).toBe(503);
    expect(answer.contentType).toBe('text/html; charset=utf-8');
    expect(String(answer.body)).toContain('De pdf kan nu niet worden gemaakt');
    expect(String(answer.body)).toContain('druk die af');
    expect(String(answer.body)).toContain(`/agenda/2027-02?token=${token}`);
    await printer.close();
  });
});

describe('the calendar feed', () => {
  it('is an iCalendar feed with the SWV name, refresh hints and Amsterdam time', async () => {
    const res = await get((await linksOf('carla')).feedUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('cache-control')).toContain('private');
    const { calendar, byTitle } = parseFeed(await res.text());
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Jaaragenda Samenwerkingsverband Voorbeeldstreek PO');
    expect(String(calendar.getFirstPropertyValue('refresh-interval'))).toBe('PT6H');
    expect(String(calendar.getFirstPropertyValue('x-published-ttl'))).toBe('PT6H');
    expect(calendar.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe(ZONE);

    // A holiday: all day, DTEND the day after its last day.
    const holiday = byTitle('Voorjaarsvakantie')!.event;
    expect(holiday.startDate.isDate).toBe(true);
    expect(holiday.startDate.toString()).toBe('2027-02-20');
    expect(holiday.endDate.toString()).toBe('2027-03-01');
    // An item without a time: one whole day.
    const day = byTitle('Start aanmeldperiode arrangementen')!.event;
    expect([day.startDate.toString(), day.endDate.toString(), day.startDate.isDate]).toEqual(['2027-02-01', '2027-02-02', true]);
    // Timed items in Europe/Amsterdam, winter and summer time.
    const winter = byTitle('Netwerkbijeenkomst coördinatoren')!;
    expect(winter.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe(ZONE);
    expect(winter.event.startDate.toJSDate().toISOString()).toBe('2027-02-03T14:30:00.000Z');
    expect(winter.event.description).toBe('Locatie: kantoor SWV, zaal 2.');
    const summer = byTitle('Zomeroverleg')!.event;
    expect(summer.startDate.toJSDate().toISOString()).toBe('2027-06-10T12:00:00.000Z');
    expect(summer.endDate.toJSDate().toISOString()).toBe('2027-06-10T13:00:00.000Z');
  });

  it('keeps each event’s UID when an import changes the item: a higher SEQUENCE and a newer LAST-MODIFIED', async () => {
    const url = (await linksOf('carla')).feedUrl;
    const before = parseFeed(await (await get(url)).text()).byTitle('Netwerkbijeenkomst coördinatoren')!.component;
    const uids = parseFeed(await (await get(url)).text()).events.map((e) => e.event.uid);
    expect(new Set(uids).size).toBe(uids.length);
    expect(before.getFirstPropertyValue('uid')).toMatch(/^[0-9a-f]{32}@po2999\.sot-bot$/);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const changed = AGENDA.map((line) => line.replace('zaal 2.', 'zaal 3 (verhuisd).'));
    expect((await importCsv(changed)).updated).toBe(1);
    try {
      const after = parseFeed(await (await get(url)).text()).byTitle('Netwerkbijeenkomst coördinatoren')!.component;
      expect(after.getFirstPropertyValue('uid')).toBe(before.getFirstPropertyValue('uid'));
      expect(after.getFirstPropertyValue('description')).toBe('Locatie: kantoor SWV, zaal 3 (verhuisd).');
      expect(Number(after.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(before.getFirstPropertyValue('sequence')));
      const modified = (c: typeof after) => (c.getFirstPropertyValue('last-modified') as ICAL.Time).toJSDate().getTime();
      expect(modified(after)).toBeGreaterThanOrEqual(modified(before));
      expect(String(after.getFirstPropertyValue('dtstamp'))).toBe(String(after.getFirstPropertyValue('last-modified')));
    } finally {
      await importCsv(AGENDA);
    }
  });
});

describe('who sees what', () => {
  const feedTitles = async (person: keyof typeof ids) => {
    const { events } = parseFeed(await (await get((await linksOf(person)).feedUrl)).text());
    return events.map((e) => `${e.event.summary} ${e.event.startDate.toString().slice(0, 10)}`).sort();
  };

  it('a PO coordinator: PO and "alle", not VO', async () => {
    const titles = await feedTitles('carla');
    expect(titles).toContain('Spreekuur orthopedagoog 2027-02-09');
    expect(titles).toContain('Voorjaarsvakantie 2027-02-20');
    expect(titles).toContain('Start aanmeldperiode arrangementen 2027-02-01');
    expect(titles).not.toContain('Open dag VO-scholen 2027-02-10');
    expect(titles).not.toContain('Voorjaarsvakantie 2027-02-13');
    const html = await (await get((await linksOf('carla')).printUrl('2027-02'))).text();
    expect(html).toContain('Voor PO-scholen');
    expect(html).not.toContain('Open dag VO-scholen');
  });

  it('a VO coordinator: VO and "alle", not PO', async () => {
    const titles = await feedTitles('vera');
    expect(titles).toContain('Open dag VO-scholen 2027-02-10');
    expect(titles).toContain('Voorjaarsvakantie 2027-02-13');
    expect(titles).not.toContain('Spreekuur orthopedagoog 2027-02-09');
    expect(titles).not.toContain('Voorjaarsvakantie 2027-02-20');
    const html = await (await get((await linksOf('vera')).printUrl('2027-02'))).text();
    expect(html).toContain('Voor VO-scholen');
    expect(html).toContain('Open dag VO-scholen');
    expect(html).not.toContain('Spreekuur orthopedagoog');
  });

  it('SOT staff: everything, items not for everyone marked with their audience', async () => {
    const titles = await feedTitles('eva');
    expect(titles).toEqual(expect.arrayContaining(['Open dag VO-scholen 2027-02-10', 'Spreekuur orthopedagoog 2027-02-09']));
    expect(titles.filter((t) => t.startsWith('Voorjaarsvakantie'))).toHaveLength(2);
    const html = await (await get((await linksOf('eva')).printUrl('2027-02'))).text();
    expect(html).toContain('Alle onderdelen (SOT)');
    expect(html).toContain('Voorjaarsvakantie (VO)');
    expect(html).toContain('Voorjaarsvakantie (PO)');
  });
});

describe('revoking a person’s links (the SOT office)', () => {
  const eva = () => h.client(PEOPLE.eva);
  const carla = () => h.client(PEOPLE.carla);
  const lastCard = (conversationId: string) => textOf(h.connector.cardsIn(conversationId).at(-1)!);

  it('is named in the help of the office', async () => {
    await eva().say('help');
    expect(lastCard(eva().conversationId)).toContain('agenda intrekken');
    await carla().say('help');
    expect(lastCard(carla().conversationId)).not.toContain('agenda intrekken');
  });

  it('is for the office only', async () => {
    const links = await linksOf('dirk');
    await carla().say('agenda intrekken Dirk Bakker');
    expect(lastCard(carla().conversationId)).toContain('Alleen voor het SOT-bureau');
    expect((await get(links.feedUrl)).status).toBe(200);
  });

  it('asks which person when a name matches more than one', async () => {
    await eva().say('agenda intrekken an');
    const text = lastCard(eva().conversationId);
    expect(text).toContain('Wie bedoelt u?');
    expect(text).toContain('Er is niets ingetrokken');
    await eva().say('agenda intrekken Niemand Bekend');
    expect(lastCard(eva().conversationId)).toContain('Niemand gevonden');
  });

  it('makes the old links answer 410 with a Dutch page; the next links work, and it is audited', async () => {
    const old = await linksOf('carla');
    await eva().say('agenda intrekken c.smit@obs-kompas.nl');
    const text = lastCard(eva().conversationId);
    expect(text).toContain('Agendalinks ingetrokken');
    expect(text).toContain('Carla Smit');

    for (const url of [old.printUrl('2027-02'), old.pdfUrl('2027-02')]) {
      const res = await get(url);
      expect(res.status).toBe(410);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toContain('no-store');
      expect(await res.text()).toContain('Deze link is ingetrokken');
    }
    const feed = await get(old.feedUrl);
    expect(feed.status).toBe(410);
    expect(await feed.text()).toContain('ingetrokken');

    const fresh = await linksOf('carla');
    expect(fresh.feedUrl).not.toBe(old.feedUrl);
    expect((await get(fresh.feedUrl)).status).toBe(200);
    expect((await get(fresh.printUrl('2027-02'))).status).toBe(200);

    const audit = await h.db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'agenda.revokeLinks', subjectId: ids.carla } });
    expect(audit).toMatchObject({ actorId: ids.eva, subjectType: 'person', details: { revoked: 1 } });

    // By name works as well; a second time there is nothing left to revoke until new links are made.
    await eva().say('agenda intrekken Carla Smit');
    expect(lastCard(eva().conversationId)).toContain('Agendalinks ingetrokken');
    await eva().say('agenda intrekken Carla Smit');
    expect(lastCard(eva().conversationId)).toContain('Geen agendalinks om in te trekken');
  });

  it('a person no longer in the organisation gets 403', async () => {
    const links = await linksOf('dirk');
    await h.db.prisma.person.update({ where: { id: ids.dirk }, data: { active: false } });
    try {
      for (const url of [links.printUrl('2027-02'), links.feedUrl]) {
        const res = await get(url);
        expect(res.status).toBe(403);
        expect(await res.text()).toContain('niet meer bij het samenwerkingsverband');
      }
    } finally {
      await h.db.prisma.person.update({ where: { id: ids.dirk }, data: { active: true } });
    }
  });
});

describe('logs', () => {
  it('name the route, never the token', async () => {
    const lines: string[] = [];
    let token = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const bot = await startBot({
      config: testConfig({ logLevel: 'debug' }),
      database: h.db,
      logger: pino({ level: 'debug' }, sink),
      scheduleReminders: false,
      now: clock.now,
    });
    try {
      const links = await linksOf('vera');
      token = new URL(links.feedUrl).searchParams.get('token')!;
      const local = (url: string) => url.replace(base, `http://127.0.0.1:${bot.port}`);
      expect((await get(local(links.printUrl('2027-02')))).status).toBe(200);
      expect((await get(local(links.feedUrl))).status).toBe(200);
      expect((await get(local(links.printUrl('2027-99')))).status).toBe(400);
    } finally {
      await bot.stop({ keepDatabase: true });
    }
    const log = lines.join('');
    expect(log).toContain('"route":"/agenda/:month"');
    expect(log).toContain('"route":"/agenda.ics"');
    expect(log).not.toMatch(/token=/);
    expect(token).toHaveLength(32);
    expect(log).not.toContain(token);
    for (const row of await h.db.prisma.agendaToken.findMany()) expect(log).not.toContain(row.tokenHash);
  });
});

describe('layout helpers', () => {
  it('wraps at words like a narrow cell does', () => {
    expect(wrappedLines('15:30 Netwerkbijeenkomst coördinatoren passend onderwijs', 19)).toBe(4);
    expect(wrappedLines('Kort', 19)).toBe(1);
    expect(wrappedLines('Voorjaarsvakantie', 10)).toBe(2);
  });

  it('every visible text is escaped, also the SWV name', () => {
    const html = renderMonthPage({
      swvName: 'SWV <i>"Noord"</i>',
      month: { year: 2027, month: 2 },
      items: [],
      view: { kind: 'sot' },
      generatedAt: clock.now(),
    });
    expect(html).toContain('SWV &lt;i&gt;&quot;Noord&quot;&lt;/i&gt;');
    expect(html).not.toContain('<i>');
  });
});
