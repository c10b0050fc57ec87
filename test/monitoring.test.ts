// The monitoring report on thuiszitters: the CSV (cumulative per quarter, holidays left out of the weeks,
// small counts suppressed, nothing that identifies a pupil) and the admin's signed download link.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseAgendaFile } from '../bot/features/agenda/agendaFile.ts';
import { importAgenda } from '../bot/features/agenda/importAgenda.ts';
import { signRequestLink } from '../bot/features/casework/ics.ts';
import { parseSchoolYear, quartersOf, schoolYearBegins, schoolYearStarting } from '../bot/features/monitoring/schoolYear.ts';
import { categoriesAt, loadSignals, quarterTable, reportCsv, thuiszitterReport } from '../bot/features/monitoring/thuiszitterReport.ts';
import { holidaysByRegion } from '../bot/store/holidays.ts';
import type { Prisma } from '../bot/store/generated/client.ts';
import { actionsOf, textOf, type Card } from './support/cards.ts';
import { clock } from './support/clock.ts';
import { startHarness, testConfig, type Harness } from './support/harness.ts';
import { ANNA_CHANNEL, importFixture, PEOPLE } from './support/org.ts';
import { fileRequest } from './support/requests.ts';

/** A moment in Dutch time. */
const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Amsterdam' }).toJSDate();
/** The tests' "now": the third quarter of 2026-2027 runs (quarters 1 and 2 have ended). */
const NOW = at('2027-02-15T10:00');
clock.set(NOW);

const YEAR = schoolYearStarting(2026);
const AGENDA = [
  'datum;titel;omschrijving;doelgroep;herinneren;soort;tot',
  '2026-10-17;Herfstvakantie;;alle;;vakantie;2026-10-25',
  '2026-12-19;Kerstvakantie;;alle;;vakantie;2027-01-03',
  '2027-01-20;Netwerkbijeenkomst;;alle;;;',
].join('\n');

let h: Harness;
let swvId: string;
const schoolIds: Record<'kompas' | 'ark' | 'baken', string> = { kompas: '', ark: '', baken: '' };
let people: Record<'carla' | 'dirk' | 'eva' | 'anna', string>;
/** The request filed through the real dialog, with the fixture's pupil (name, birth date, free text). */
let filed: { id: string; reference: string };
let counter = 0;

/** A signal written straight to the database, as the dialogs and case actions leave it. */
async function signal(
  school: keyof typeof schoolIds,
  createdAt: string,
  details: Record<string, unknown>,
  extra: Partial<Prisma.RequestUncheckedCreateInput> = {},
) {
  counter++;
  return h.db.prisma.request.create({
    data: {
      reference: `SOT-2026-9${String(counter).padStart(3, '0')}`,
      submissionKey: `monitoring-${counter}`,
      type: 'thuiszitter',
      status: extra.closedAt ? 'closed' : 'claimed',
      swvId,
      schoolId: schoolIds[school],
      requesterId: school === 'kompas' ? people.carla : people.dirk,
      consultantId: people.anna,
      pupil: { kind: 'identified', name: 'Pietje Puk', birthDate: '2013-05-02', initials: 'P.P.' },
      details: { reasonOther: '', tried: 'Huisbezoek door de mentor.', question: 'Hoe verder met Pietje?', reporting: {}, ...details },
      createdAt: at(createdAt),
      ...extra,
    },
  });
}

beforeAll(async () => {
  h = await startHarness();
  await importFixture(h.db);
  const swv = await h.db.prisma.swv.findFirstOrThrow();
  swvId = swv.id;
  const schools = await h.db.prisma.school.findMany();
  schoolIds.kompas = schools.find((s) => s.brin === '12AB00')!.id;
  schoolIds.ark = schools.find((s) => s.brin === '34CD00')!.id;
  const persons = await h.db.prisma.person.findMany();
  const id = (name: string) => persons.find((p) => p.name === name)!.id;
  people = { carla: id('Carla Smit'), dirk: id('Dirk Bakker'), eva: id('Eva Mulder'), anna: id('Anna de Vries') };
  // A third school, in VO.
  schoolIds.baken = (
    await h.db.prisma.school.create({ data: { swvId, brin: '56EF00', name: 'Het Baken; vmbo', sector: 'VO', consultantId: people.anna } })
  ).id;
  for (const p of [PEOPLE.carla, PEOPLE.eva, PEOPLE.anna]) await h.client(p).say('hallo');

  const agenda = parseAgendaFile('jaaragenda.csv', AGENDA, clock.now());
  if (!agenda.ok) throw new Error(JSON.stringify(agenda.errors));
  await importAgenda(h.db.prisma, agenda.entries, 'test');

  // Obs Het Kompas: six thuiszitters since September (one filed through the dialog), five since November
  // who were reported to DUO and in OT in December.
  filed = await fileRequest(h, h.client(PEOPLE.carla), 'thuiszitter', {
    'Eerste verzuimdag': '2026-09-07',
    'Belangrijkste reden': 'Psychische of psychiatrische problematiek',
  });
  await h.db.prisma.request.update({ where: { id: filed.id }, data: { createdAt: at('2026-09-14T09:00') } });
  for (let i = 0; i < 5; i++)
    await signal('kompas', '2026-09-14T10:00', { kind: 'thuiszitter', reason: 'psychisch', firstAbsentDate: '2026-09-07' });
  for (let i = 0; i < 5; i++)
    await signal('kompas', '2026-11-09T10:00', {
      kind: 'thuiszitter',
      reason: 'schoolweigering',
      firstAbsentDate: '2026-11-02',
      reporting: { duo: '2026-12-01', leerplicht: '2026-12-01', leerplichtName: 'Gert Jonker', ot: '2026-12-03' },
    });
  // Cbs De Ark: a dreigende thuiszitter closed in December with two outcomes; one from last school year
  // still open; one closed in September and since anonymised; and three that do not count.
  await signal(
    'ark',
    '2026-10-05T10:00',
    {
      kind: 'dreigend',
      urgency: 'hoog',
      callback: { via: 'telefoon', phone: '06 12345678', date: '2026-10-06' },
      outcomes: ['terugNaarSchool', 'arrangement'],
    },
    { closedAt: at('2026-12-10T15:00') },
  );
  // Reported to DUO in May, in OT only in November: the duty is met from the second quarter on.
  await signal('ark', '2026-05-01T10:00', {
    kind: 'thuiszitter',
    reason: 'medisch',
    firstAbsentDate: '2026-04-20',
    reporting: { duo: '2026-05-15', ot: '2026-11-15' },
  });
  await signal(
    'ark',
    '2026-08-26T10:00',
    {
      kind: 'thuiszitter',
      reason: 'gedrag',
      firstAbsentDate: '2026-08-24',
      tried: '[verwijderd na de bewaartermijn]',
      question: '[verwijderd na de bewaartermijn]',
      outcomes: ['andereSchool'],
    },
    { closedAt: at('2026-09-15T12:00'), anonymisedAt: at('2026-10-20T03:00'), pupil: { kind: 'anonymous' } },
  );
  await signal(
    'ark',
    '2026-03-01T10:00',
    { kind: 'thuiszitter', reason: 'gedrag', firstAbsentDate: '2026-02-20' },
    { closedAt: at('2026-06-30T10:00') },
  );
  await signal(
    'ark',
    '2026-10-01T10:00',
    { kind: 'thuiszitter', reason: 'aanbod', firstAbsentDate: '2026-09-01' },
    { status: 'withdrawn', closedAt: at('2026-10-01T11:00') },
  );
  await signal('ark', '2026-10-01T10:00', { question: 'Een spreekuur' }, { type: 'spreekuur' });
  // Het Baken (VO): a thuiszitter since October and a dreigende thuiszitter in January.
  await signal('baken', '2026-10-12T10:00', { kind: 'thuiszitter', reason: 'psychisch', firstAbsentDate: '2026-10-05' });
  await signal('baken', '2027-01-12T10:00', { kind: 'dreigend' });
});
afterAll(() => h?.close());
beforeEach(() => {
  clock.set(NOW);
  h.connector.reset();
});

/** The CSV as rows of named fields. */
function parse(csv: string): Record<string, string>[] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const [header, ...lines] = csv.slice(1).trimEnd().split('\r\n');
  expect(header).toBe('schooljaar;kwartaal;peildatum;volledig;school_brin;school;sector;dimensie;categorie;aantal');
  const columns = header!.split(';');
  return lines.map((line) => {
    const fields: string[] = [];
    for (const m of line.matchAll(/(?:^|;)("(?:[^"]|"")*"|[^;]*)/g)) fields.push(m[1]!.replace(/^"([\s\S]*)"$/, '$1').replace(/""/g, '"'));
    expect(fields).toHaveLength(columns.length);
    return Object.fromEntries(columns.map((c, i) => [c, fields[i]!]));
  });
}

async function report(now = NOW) {
  const r = await thuiszitterReport(h.db.prisma, swvId, YEAR, now);
  return { ...r, csv: reportCsv(r.rows) };
}

const ALL = 'alle';
const keyOf = (quarter: number | string, brin: string, dimension: string, category: string) =>
  `${quarter}|${brin || ALL}|${dimension}|${category}`;

/** The true counts of each quarter, before suppression. */
async function trueCounts(now = NOW): Promise<Map<string, number>> {
  const quarters = quartersOf(YEAR, now);
  const signals = await loadSignals(h.db.prisma, swvId, YEAR, quarters.at(-1)!.until);
  const holidays = await holidaysByRegion(h.db.prisma, swvId);
  const counts = new Map<string, number>();
  for (const q of quarters)
    for (const c of quarterTable(q, schoolYearBegins(YEAR), signals, holidays).cells)
      counts.set(keyOf(q.number, c.entity.brin, c.dimension, c.category), c.value);
  return counts;
}

const REASON = 'reden';
const WEEKS = 'verzuimduur';
const DUTY_MET = 'voldaan (gemeld bij DUO en in Onderwijs Transparant)';

// ── The download link ──────────────────────────────────────────────────────────────────────────────

const eva = () => h.client(PEOPLE.eva);
const lastCard = (conversationId: string): Card => h.connector.cardsIn(conversationId).at(-1)!;
const linksOf = (card: Card) => actionsOf(card).filter((a) => a.type === 'Action.OpenUrl') as unknown as { title: string; url: string }[];
/** The link's path and query on the test server (the card names PUBLIC_URL). */
const local = (url: string) => {
  const u = new URL(url);
  return h.botUrl.replace('/api/messages', `${u.pathname}${u.search}`);
};
async function evaLinks() {
  await eva().say('rapportage');
  return linksOf(lastCard(eva().conversationId));
}
const audit = (action: string) => h.db.prisma.auditEntry.findMany({ where: { action }, orderBy: { id: 'asc' } });

describe('the admin card and the signed download link', () => {
  it('an admin types "rapportage": links for this and last school year, valid one hour; the file downloads; both audited', async () => {
    const linksBefore = (await audit('report.link')).length;
    const links = await evaLinks();
    expect(links.map((l) => l.title)).toEqual(['Schooljaar 2026-2027 (tot nu)', 'Schooljaar 2025-2026']);
    const card = lastCard(eva().conversationId);
    expect(textOf(card)).toContain('Rapportage thuiszitters');
    expect(textOf(card)).toContain('werken een uur, tot 11:00');
    expect(textOf(card)).toContain('"<5"');
    expect(links[0]!.url).toMatch(/^http:\/\/127\.0\.0\.1:0\/rapportage\/thuiszitters\/2026-2027\.csv\?p=[\w-]+&exp=\d+&sig=[\w-]{43}$/);

    const res = await fetch(local(links[0]!.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="thuiszitters-2026-2027.csv"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs
    expect(bytes.toString('utf8')).toBe((await report(clock.now())).csv);

    const previous = await fetch(local(links[1]!.url));
    expect(previous.status).toBe(200);
    expect(await previous.text()).toContain('2025-2026;4;2026-07-31;ja;;alle scholen;;totaal;alle meldingen;<5');

    const made = (await audit('report.link')).slice(linksBefore);
    expect(made.map((a) => [a.actorId, a.subjectId])).toEqual([
      [people.eva, 'thuiszitters:2026-2027'],
      [people.eva, 'thuiszitters:2025-2026'],
    ]);
    const downloads = await audit('report.download');
    expect(downloads.map((a) => a.actorId)).toEqual([people.eva, people.eva]);
    expect(downloads[0]!.details).toMatchObject({ schoolYear: '2026-2027', quarters: 3, signals: 16 });
    expect(JSON.stringify([...made, ...downloads].map((a) => a.details))).not.toMatch(/Eva|Mulder|Kompas|Ark/);
  });

  it('an expired, tampered or calendar-signed link gets 403 with a short Dutch text', async () => {
    const [link] = await evaLinks();
    const url = local(link!.url);
    const get = async (u: string) => {
      const res = await fetch(u);
      return { status: res.status, text: await res.text() };
    };
    expect((await get(url)).status).toBe(200);

    clock.set(new Date(NOW.getTime() + 61 * 60_000));
    expect(await get(url)).toEqual({
      status: 403,
      text: 'Deze downloadlink is verlopen (een link werkt een uur). Typ "rapportage" in uw chat met de SOT-bot voor een nieuwe link.',
    });
    clock.set(NOW);

    const invalid = {
      status: 403,
      text: 'Deze downloadlink is niet geldig. Typ "rapportage" in uw chat met de SOT-bot voor een nieuwe link.',
    };
    const exp = Number(new URL(url).searchParams.get('exp'));
    expect(await get(url.replace(`exp=${exp}`, `exp=${exp + 3600}`))).toEqual(invalid);
    expect(await get(url.replace('2026-2027.csv', '2025-2026.csv'))).toEqual(invalid);
    expect(await get(url.replace(/p=[\w-]+/, `p=${people.carla}`))).toEqual(invalid);
    expect(await get(url.replace(/sig=[\w-]+/, 'sig=AAAA'))).toEqual(invalid);
    expect(await get(url.split('?')[0]!)).toEqual(invalid);
    // The calendar files' signature (same secret, other purpose) never opens a report, nor the other way round.
    const secret = testConfig().linkSecret!;
    for (const subject of ['2026-2027', filed.id, people.eva])
      expect(await get(url.replace(/sig=[\w-]+/, `sig=${signRequestLink(secret, subject)}`))).toEqual(invalid);
    const reportSig = new URL(url).searchParams.get('sig')!;
    expect((await get(h.botUrl.replace('/api/messages', `/ics/${filed.id}/${reportSig.slice(0, 32)}.ics`))).status).toBe(404);
    expect((await get(h.botUrl.replace('/api/messages', '/rapportage/thuiszitters/2026-2027.txt'))).status).toBe(404);

    // An admin no longer: the link stops working.
    await h.db.prisma.person.update({ where: { id: people.eva }, data: { isAdmin: false } });
    try {
      expect(await get(url)).toEqual({ status: 403, text: 'Deze rapportage is alleen voor beheerders van het SOT-bureau.' });
    } finally {
      await h.db.prisma.person.update({ where: { id: people.eva }, data: { isAdmin: true } });
    }
  });

  it('anyone but an admin gets a friendly refusal and no link; in a channel the word points to the personal chat', async () => {
    const before = (await audit('report.link')).length;
    const carla = h.client(PEOPLE.carla);
    await carla.say('rapportage');
    const refusal = lastCard(carla.conversationId);
    expect(textOf(refusal)).toContain('Alleen voor het SOT-bureau');
    expect(textOf(refusal)).toContain('alleen voor beheerders van het SOT-bureau');
    expect(linksOf(refusal)).toEqual([]);
    const pressed = await h.client(PEOPLE.anna).execute('report.open');
    expect(textOf(pressed.card!)).toContain('Alleen voor het SOT-bureau');
    expect(linksOf(pressed.card!)).toEqual([]);
    const stranger = h.client(PEOPLE.stranger);
    await stranger.say('rapportage');
    expect(linksOf(lastCard(stranger.conversationId))).toEqual([]);
    expect((await audit('report.link')).length).toBe(before);

    const channel = h.client(PEOPLE.eva, { id: ANNA_CHANNEL.channelId, type: 'channel', ...ANNA_CHANNEL });
    await channel.say('rapportage');
    expect(h.connector.messagesIn(ANNA_CHANNEL.channelId).at(-1)?.text).toContain('Dit kan alleen in uw eigen chat met de SOT-bot');
    expect((await audit('report.link')).length).toBe(before);
  });

  it('the admin home card has a button for it, and the admin help names the typed word', async () => {
    await eva().say('menu');
    const home = lastCard(eva().conversationId);
    const pressed = await eva().press(home, 'Rapportage thuiszitters');
    expect(linksOf(pressed.card!).map((l) => l.title)).toEqual(['Schooljaar 2026-2027 (tot nu)', 'Schooljaar 2025-2026']);
    await eva().say('help');
    expect(textOf(lastCard(eva().conversationId))).toContain('**rapportage**');
    const carla = h.client(PEOPLE.carla);
    await carla.say('menu');
    expect(actionsOf(lastCard(carla.conversationId)).map((a) => a.title)).not.toContain('Rapportage thuiszitters');
    await carla.say('help');
    expect(textOf(lastCard(carla.conversationId))).not.toContain('rapportage');
  });
});

describe('the report', () => {
  it('counts the signals filed or open in each quarter, cumulative from 1 August; the running quarter up to now', async () => {
    const r = await report();
    expect(r.quarters.map((q) => [q.number, q.peildatum, q.complete])).toEqual([
      [1, '2026-10-31', true],
      [2, '2027-01-31', true],
      [3, '2027-02-15', false],
    ]);
    expect(r.signals).toBe(16);
    const counts = await trueCounts();
    const count = (q: number, brin: string, dimension: string, category: string) => counts.get(keyOf(q, brin, dimension, category));
    // Kompas 6, De Ark 3 (one from last school year still open, one closed and anonymised), Het Baken 1;
    // not counted: closed before 1 August, withdrawn, a spreekuur.
    expect([1, 2, 3].map((q) => count(q, '', 'totaal', 'alle meldingen'))).toEqual([10, 16, 16]);
    expect([1, 2].map((q) => count(q, '12AB00', 'totaal', 'alle meldingen'))).toEqual([6, 11]);
    expect([1, 2].map((q) => count(q, '34CD00', 'totaal', 'alle meldingen'))).toEqual([3, 3]);
    expect([1, 2].map((q) => count(q, '56EF00', 'totaal', 'alle meldingen'))).toEqual([1, 2]);
    expect([count(2, '', 'sector', 'PO'), count(2, '', 'sector', 'VO'), count(2, '', 'sector', 'SO')]).toEqual([14, 2, 0]);
    expect([count(2, '', 'soort', 'Thuiszitter'), count(2, '', 'soort', 'Dreigende thuiszitter')]).toEqual([14, 2]);
    expect(count(2, '12AB00', REASON, 'Psychische of psychiatrische problematiek')).toBe(6);
    expect(count(2, '12AB00', REASON, 'Schoolweigering of schoolangst')).toBe(5);
    expect(count(2, '', REASON, 'onbekend')).toBe(2); // the two dreigende thuiszitters gave no reason
    // Outcomes: open until closed; the dreigende thuiszitter closed in December counts in both its outcomes.
    expect(count(1, '34CD00', 'uitkomst', 'nog open')).toBe(2);
    expect(count(1, '34CD00', 'uitkomst', 'Andere school')).toBe(1); // closed in September, since anonymised
    expect(count(2, '34CD00', 'uitkomst', 'nog open')).toBe(1);
    expect(count(2, '34CD00', 'uitkomst', 'Terug naar school')).toBe(1);
    expect(count(2, '34CD00', 'uitkomst', 'Arrangement of maatwerk')).toBe(1);
    expect(count(2, '', 'uitkomst', 'nog open')).toBe(14);
    // The 4-week duty: met once DUO and OT are both recorded by the peildatum.
    expect(count(1, '34CD00', 'meldplicht', 'niet voldaan')).toBe(1); // OT only in November
    expect(count(2, '34CD00', 'meldplicht', DUTY_MET)).toBe(1);
    expect(count(2, '12AB00', 'meldplicht', DUTY_MET)).toBe(5);
    expect(count(2, '', 'meldplicht', 'niet voldaan')).toBe(7);
    expect(count(2, '', 'meldplicht', 'niet van toepassing (minder dan 4 schoolweken verzuim)')).toBe(3);

    // The file: every cell says the true count, "<5" for 1 to 4, or "x" (a count of 5 or more, hidden).
    const rows = parse(r.csv);
    expect(new Set(rows.map((row) => `${row.kwartaal};${row.peildatum};${row.volledig}`))).toEqual(
      new Set(['1;2026-10-31;ja', '2;2027-01-31;ja', '3;2027-02-15;nee']),
    );
    for (const row of rows) {
      const truth = counts.get(keyOf(row.kwartaal!, row.school_brin!, row.dimensie!, row.categorie!));
      expect(truth, JSON.stringify(row)).toBeDefined();
      // A school with fewer than 5 signals shows no breakdown: "<5" for every category, zeros too.
      const smallSchool = row.school_brin && counts.get(keyOf(row.kwartaal!, row.school_brin, 'totaal', 'alle meldingen'))! <= 4;
      if (row.aantal === '<5') expect(truth! >= (smallSchool ? 0 : 1) && truth! <= 4, JSON.stringify(row)).toBe(true);
      else if (smallSchool) expect.fail(`a breakdown of a school with fewer than 5 signals: ${JSON.stringify(row)}`);
      else if (row.aantal === 'x') expect(truth!, JSON.stringify(row)).toBeGreaterThanOrEqual(5);
      else expect(Number(row.aantal), JSON.stringify(row)).toBe(truth);
    }
    const lines = r.csv.split('\r\n');
    for (const line of [
      '2026-2027;1;2026-10-31;ja;;alle scholen;;totaal;alle meldingen;10',
      '2026-2027;2;2027-01-31;ja;;alle scholen;;totaal;alle meldingen;16',
      '2026-2027;3;2027-02-15;nee;;alle scholen;;totaal;alle meldingen;16',
      '2026-2027;2;2027-01-31;ja;;alle scholen;;uitkomst;nog open;14',
      '2026-2027;1;2026-10-31;ja;12AB00;Obs Het Kompas;PO;totaal;alle meldingen;6',
      '2026-2027;2;2027-01-31;ja;12AB00;Obs Het Kompas;PO;totaal;alle meldingen;11',
      '2026-2027;1;2026-10-31;ja;12AB00;Obs Het Kompas;PO;verzuimduur;4 tot 12 schoolweken;6',
      `2026-2027;2;2027-01-31;ja;12AB00;Obs Het Kompas;PO;meldplicht;${DUTY_MET};5`,
      '2026-2027;3;2027-02-15;nee;12AB00;Obs Het Kompas;PO;verzuimduur;12 schoolweken of langer;11',
      // Fewer than 5 signals: the school's total and every category "<5", zeros included.
      '2026-2027;1;2026-10-31;ja;34CD00;Cbs De Ark;PO;totaal;alle meldingen;<5',
      '2026-2027;1;2026-10-31;ja;34CD00;Cbs De Ark;PO;reden;Psychische of psychiatrische problematiek;<5',
      '2026-2027;1;2026-10-31;ja;56EF00;"Het Baken; vmbo";VO;totaal;alle meldingen;<5',
    ])
      expect(lines).toContain(line);
    expect(r.csv).not.toContain(';4;'); // no fourth quarter yet
  });

  it('counts weeks absent in school weeks: the holidays imported with the agenda are left out', async () => {
    const holidays = await holidaysByRegion(h.db.prisma, swvId);
    expect(holidays.PO).toEqual([
      { start: '2026-10-17', end: '2026-10-25' },
      { start: '2026-12-19', end: '2027-01-03' },
    ]);
    const [, q2] = quartersOf(YEAR, NOW);
    const signals = await loadSignals(h.db.prisma, swvId, YEAR, NOW);
    const sinceNovember = signals.find((s) => s.firstAbsentDate === '2026-11-02')!;
    // 2 November to 31 January: 90 days, 16 of them Christmas holiday: 10 school weeks (12 calendar weeks).
    expect(categoriesAt(sinceNovember, q2!, holidays.PO).verzuimduur).toEqual(['4 tot 12 schoolweken']);
    expect(categoriesAt(sinceNovember, q2!, []).verzuimduur).toEqual(['12 schoolweken of langer']);
    const counts = await trueCounts();
    expect(counts.get(keyOf(2, '12AB00', WEEKS, '4 tot 12 schoolweken'))).toBe(5);
    expect(counts.get(keyOf(2, '12AB00', WEEKS, '12 schoolweken of langer'))).toBe(6);
    // Since 7 September: 6 school weeks at the end of October (autumn holiday left out), 17 at the end of January.
    expect(counts.get(keyOf(1, '12AB00', WEEKS, '4 tot 12 schoolweken'))).toBe(6);
    // Without a first day absent, and a case closed after three weeks (the count stops at closing).
    expect(counts.get(keyOf(2, '34CD00', WEEKS, 'geen verzuimdag vastgelegd'))).toBe(1);
    expect(counts.get(keyOf(2, '34CD00', WEEKS, 'minder dan 4 schoolweken'))).toBe(1);
  });

  it('writes counts of 1 to 4 as "<5", and no "<5" can be recovered from a total minus the other cells', async () => {
    const rows = parse((await report()).csv);
    const numbers = rows.filter((r) => /^\d+$/.test(r.aantal!)).map((r) => Number(r.aantal));
    expect(numbers.every((n) => n === 0 || n >= 5)).toBe(true);
    expect(rows.filter((r) => r.aantal === '<5').length).toBeGreaterThan(10);
    // All schools in the first quarter: 10 signals, one dreigend ("<5"). Showing the 9 thuiszitters would give
    // the 1 away (10 − 9), so that cell is hidden too.
    const lines = (await report()).csv.split('\r\n');
    expect(lines).toContain('2026-2027;1;2026-10-31;ja;;alle scholen;;totaal;alle meldingen;10');
    expect(lines).toContain('2026-2027;1;2026-10-31;ja;;alle scholen;;soort;Dreigende thuiszitter;<5');
    expect(lines).toContain('2026-2027;1;2026-10-31;ja;;alle scholen;;soort;Thuiszitter;x');

    // The subtraction attack: in every sum the file implies (the categories of a one-per-signal dimension add
    // up to the total; the schools add up to "alle scholen"), a single unknown cell is the total minus the
    // others. Solve what can be solved, repeatedly: no "<5" may ever be solved.
    for (const q of ['1', '2', '3']) {
      const cells = new Map(
        rows.filter((r) => r.kwartaal === q).map((r) => [keyOf(q, r.school_brin!, r.dimensie!, r.categorie!), r.aantal!]),
      );
      const known = new Map([...cells].filter(([, v]) => /^\d+$/.test(v)).map(([k, v]) => [k, Number(v)]));
      const schools = [...new Set(rows.filter((r) => r.kwartaal === q && r.school_brin).map((r) => r.school_brin!))];
      const categories = (d: string) => [...new Set(rows.filter((r) => r.dimensie === d).map((r) => r.categorie!))];
      const sums: { members: string[]; total: string }[] = [];
      for (const brin of ['', ...schools])
        for (const d of ['soort', 'reden', 'verzuimduur', 'meldplicht', ...(brin ? [] : ['sector'])])
          sums.push({ members: categories(d).map((c) => keyOf(q, brin, d, c)), total: keyOf(q, brin, 'totaal', 'alle meldingen') });
      for (const d of ['totaal', 'soort', 'reden', 'verzuimduur', 'uitkomst', 'meldplicht'])
        for (const c of categories(d)) sums.push({ members: schools.map((b) => keyOf(q, b, d, c)), total: keyOf(q, '', d, c) });
      let solved = true;
      while (solved) {
        solved = false;
        for (const s of sums) {
          const unknown = [...s.members, s.total].filter((k) => !known.has(k));
          if (unknown.length !== 1) continue;
          const u = unknown[0]!;
          const membersSum = s.members.filter((k) => k !== u).reduce((a, k) => a + known.get(k)!, 0);
          known.set(u, u === s.total ? membersSum : known.get(s.total)! - membersSum);
          expect(cells.get(u), `quarter ${q}: ${u} = ${known.get(u)} can be worked out`).not.toBe('<5');
          solved = true;
        }
      }
    }
  });

  it('holds no names, initials, birth dates, references or free text', async () => {
    const { csv } = await report();
    const lastYear = (await thuiszitterReport(h.db.prisma, swvId, schoolYearStarting(2025), NOW)).rows;
    const text = csv + reportCsv(lastYear);
    for (const forbidden of [
      'Jan de Boer',
      'Boer',
      'J.B.',
      '14-03-2014',
      '2014-03-14',
      'Pietje',
      'Puk',
      'P.P.',
      '2013-05-02',
      'Gesprekken',
      'Meedenken',
      'Huisbezoek',
      'Hoe verder',
      'verwijderd',
      '06 12345678',
      'Gert Jonker',
      'Carla',
      'Dirk',
      'Anna',
      'Eva',
      'Mulder',
      filed.reference,
      filed.id,
    ])
      expect(text, forbidden).not.toContain(forbidden);
    expect(text).not.toMatch(/\bJan\b/);
    expect(text).not.toMatch(/SOT-\d{4}-\d{4}/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // no ids of requests or people
    // The only dates are peildata.
    const dates = new Set(text.match(/\d{4}-\d{2}-\d{2}/g));
    expect([...dates].sort()).toEqual(['2025-10-31', '2026-01-31', '2026-04-30', '2026-07-31', '2026-10-31', '2027-01-31', '2027-02-15']);
  });

  it('a school year that has not begun is refused; last school year has all four quarters', async () => {
    expect(parseSchoolYear('2027-2028', NOW)).toMatchObject({ ok: false });
    const lastYear = await thuiszitterReport(h.db.prisma, swvId, schoolYearStarting(2025), NOW);
    expect(lastYear.quarters.map((q) => [q.peildatum, q.complete])).toEqual([
      ['2025-10-31', true],
      ['2026-01-31', true],
      ['2026-04-30', true],
      ['2026-07-31', true],
    ]);
    // Filed in March and closed in June; filed on 1 May and still open.
    const totals = lastYear.rows.filter((r) => r.school_brin === '' && r.dimensie === 'totaal').map((r) => r.aantal);
    expect(totals).toEqual(['0', '0', '<5', '<5']);
    expect(lastYear.signals).toBe(2);
  });
});
