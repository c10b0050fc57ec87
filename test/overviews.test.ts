import crypto from 'node:crypto';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAgendaFile } from '../bot/features/agenda/agendaFile.ts';
import { importAgenda } from '../bot/features/agenda/importAgenda.ts';
import { ONLY_PERSONAL_TEXT } from '../bot/teams/routes.ts';
import { actionsOf, type Card, inputsOf, textOf } from './support/cards.ts';
import { clock, ZONE } from './support/clock.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { ANNA_CHANNEL, importFixture, PEOPLE } from './support/org.ts';
import { FORMS, fileRequest } from './support/requests.ts';
import type { TeamsUser } from './support/teamsClient.ts';

// The SOT's overviews in the personal chat: "mijn casussen" (consultants), "thuiszitters" (the
// Thuiszittersteam and the office) and "overzicht" (the office). Who sees what, paging, filters checked on the
// server, no pupil names, birth dates or free text in any list, and one audit entry per list view.

// A Wednesday morning; every date below is relative to it.
clock.set(DateTime.fromISO('2026-11-25T10:00', { zone: ZONE }).toJSDate());
const day = (offset: number) => clock.isoDay(offset);
/** A moment N days ago at a given Dutch time, for back-dated rows. */
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();

const TESS: TeamsUser = { id: '29:tess', aadObjectId: '00000000-0000-4000-8000-000000000006', name: 'Tess Kramer' };
const OLAF: TeamsUser = { id: '29:olaf', aadObjectId: '00000000-0000-4000-8000-000000000007', name: 'Olaf Anders' };

let h: Harness;
let swvId: string;
let ids: { anna: string; bram: string; carla: string; dirk: string; eva: string; tess: string; kompas: string; ark: string };
let other: { swvId: string; school: string; olaf: string };

beforeAll(async () => {
  h = await startHarness();
  await importFixture(h.db);
  const db = h.db.prisma;
  swvId = (await db.swv.findFirstOrThrow()).id;
  const person = (name: string) => db.person.findFirstOrThrow({ where: { name } }).then((p) => p.id);
  const school = (name: string) => db.school.findFirstOrThrow({ where: { name } }).then((s) => s.id);
  // A member of the Thuiszittersteam who is no consultant.
  const tess = await db.person.create({
    data: { swvId, name: TESS.name, email: 'tess.kramer@swv-voorbeeld.nl', aadObjectId: TESS.aadObjectId, isThuiszittersteam: true },
  });
  ids = {
    anna: await person('Anna de Vries'),
    bram: await person('Bram Visser'),
    carla: await person('Carla Smit'),
    dirk: await person('Dirk Bakker'),
    eva: await person('Eva Mulder'),
    tess: tess.id,
    kompas: await school('Obs Het Kompas'),
    ark: await school('Cbs De Ark'),
  };
  // Another SWV in the same database: its consultant, school and requests must never show.
  const swv2 = await db.swv.create({ data: { code: 'VO9999', name: 'Samenwerkingsverband Elders VO' } });
  const olaf = await db.person.create({
    data: {
      swvId: swv2.id,
      name: OLAF.name,
      email: 'olaf@elders.nl',
      aadObjectId: OLAF.aadObjectId,
      isAdmin: true,
      isThuiszittersteam: true,
      consultant: { create: {} },
    },
  });
  const school2 = await db.school.create({
    data: { swvId: swv2.id, brin: '99ZZ00', name: 'Vo Elders College', sector: 'VO', consultantId: olaf.id },
  });
  other = { swvId: swv2.id, school: school2.id, olaf: olaf.id };
  for (const p of [PEOPLE.carla, PEOPLE.dirk, PEOPLE.anna, PEOPLE.bram, PEOPLE.eva, TESS]) await h.client(p).say('hallo');
});
afterAll(() => h?.close());

// ---- helpers -----------------------------------------------------------------------------------------

let seq = 0;
/** A request written straight into the database (for paging and counts; the real dialog is used elsewhere). */
async function insertRequest(p: {
  swvId?: string;
  schoolId: string;
  consultantId: string;
  requesterId?: string;
  type?: string;
  status?: string;
  handlerId?: string;
  pupil?: object;
  details?: object;
  appointment?: object;
  createdAt?: Date;
}) {
  seq += 1;
  const id = crypto.randomUUID();
  const reference = `SOT-2026-${8000 + seq}`;
  const createdAt = p.createdAt ?? clock.now();
  await h.db.prisma.request.create({
    data: {
      id,
      reference,
      submissionKey: `test:${id}`,
      type: p.type ?? 'spreekuur',
      status: p.status ?? 'new',
      swvId: p.swvId ?? swvId,
      schoolId: p.schoolId,
      requesterId: p.requesterId ?? ids.carla,
      consultantId: p.consultantId,
      handlerId: p.handlerId,
      details: (p.details ?? {}) as object,
      pupil: p.pupil as object | undefined,
      appointment: p.appointment as object | undefined,
      createdAt,
      closedAt: p.status === 'closed' ? createdAt : undefined,
    },
  });
  await h.db.prisma.requestEvent.create({
    data: { requestId: id, at: createdAt, actorId: p.requesterId ?? ids.carla, action: 'submitted', fromStatus: null, toStatus: 'new' },
  });
  return { id, reference };
}

const thuiszitterDetails = (extra: object = {}) => ({
  kind: 'thuiszitter',
  firstAbsentDate: day(-35),
  reason: 'schoolweigering',
  reasonOther: '',
  tried: 'Geheim: wat de school probeerde',
  question: 'Geheim: de vraag van de school',
  reporting: {},
  ...extra,
});

/** Types a word in the personal chat; the card the bot answered with. */
async function typed(user: TeamsUser, text: string): Promise<Card> {
  const client = h.client(user);
  const before = h.connector.cardsIn(client.conversationId).length;
  await client.say(text);
  const cards = h.connector.cardsIn(client.conversationId);
  expect(cards.length, `a card answering "${text}"`).toBe(before + 1);
  return cards.at(-1)!;
}

const press = async (user: TeamsUser, card: Card, title: string, fill: Record<string, unknown> = {}) =>
  (await h.client(user).press(card, title, fill)).card!;
const execute = async (user: TeamsUser, verb: string, data: Record<string, unknown> = {}) =>
  (await h.client(user).execute(verb, data)).card!;
const buttons = (card: Card) => actionsOf(card).map((a) => a.title);
const references = (card: Card) => [...textOf(card).matchAll(/\*\*(SOT-\d{4}-\d{4})\*\*/g)].map((m) => m[1]!);
const auditCount = (overview: string) => h.db.prisma.auditEntry.count({ where: { action: 'overview.read', subjectId: overview } });

/** Nothing a list may never show: pupil names, birth dates and free text. */
function expectNoPupilData(card: Card) {
  const text = JSON.stringify(card);
  for (const secret of [
    'Jan de Boer',
    'Noor Jansen',
    '14-03-2014',
    '2014-03-14',
    '02-05-2015',
    '2015-05-02',
    FORMS.spreekuur['Uw vraag (kort)']!,
    FORMS.thuiszitter['Uw vraag aan het SOT']!,
    FORMS.thuiszitter['Wat heeft de school al geprobeerd?']!,
    FORMS.advies['Uw vraag aan de consulent']!,
    'Geheim',
  ]) {
    expect(text).not.toContain(secret);
  }
}

// ---- "mijn casussen" -------------------------------------------------------------------------------

describe('"mijn casussen" for a consultant', () => {
  const refs: Record<string, string> = {};
  const reqIds: Record<string, string> = {};

  beforeAll(async () => {
    const carla = h.client(PEOPLE.carla);
    const dirk = h.client(PEOPLE.dirk);
    const anna = h.client(PEOPLE.anna, { id: ANNA_CHANNEL.channelId, type: 'channel', ...ANNA_CHANNEL });
    const filed = {
      spreekuur: await fileRequest(h, carla, 'spreekuur', { 'Voorkeursmoment 1: datum': day(7) }),
      thuiszitter: await fileRequest(h, carla, 'thuiszitter', { 'Eerste verzuimdag': day(-35) }),
      advies: await fileRequest(h, carla, 'advies'),
      ark: await fileRequest(h, dirk, 'thuiszitter', { 'Eerste verzuimdag': day(-14) }),
    };
    for (const [k, v] of Object.entries(filed)) {
      refs[k] = v.reference;
      reqIds[k] = v.id;
    }
    // The spreekuur waits for an answer from the school; the advice request is planned.
    await anna.execute('request.claim', { requestId: reqIds.spreekuur });
    const askForm = (await anna.execute('request.ask.form', { requestId: reqIds.spreekuur })).card!;
    await anna.press(askForm, 'Vraag versturen', { 'Uw vraag aan de school': 'Wie zijn er bij het gesprek?' });
    await anna.execute('request.claim', { requestId: reqIds.advies });
    const planForm = (await anna.execute('request.plan.form', { requestId: reqIds.advies })).card!;
    await anna.press(planForm, 'Afspraak opslaan', { Datum: day(3), Tijd: '10:00', Plaats: 'Op school' });
    const statuses = await h.db.prisma.request.findMany({
      where: { id: { in: Object.values(reqIds) } },
      select: { reference: true, status: true },
    });
    expect(Object.fromEntries(statuses.map((s) => [s.reference, s.status]))).toEqual({
      [refs.spreekuur!]: 'waiting',
      [refs.thuiszitter!]: 'new',
      [refs.advies!]: 'planned',
      [refs.ark!]: 'new',
    });
  });

  it('lists her open cases grouped as she works them, with initials only, and a button to the case card', async () => {
    const audited = await auditCount('cases');
    const card = await typed(PEOPLE.anna, 'mijn casussen');
    const text = textOf(card);
    expect(text).toContain('Mijn casussen');
    expect(references(card)).toEqual([refs.spreekuur, refs.advies, refs.thuiszitter]); // waiting, planned, new
    expect(text).not.toContain(refs.ark); // Bram's school
    const groups = ['Wacht op antwoord van school', 'Ingepland: de volgende afspraken', 'Nog niet opgepakt'];
    const list = text.slice(text.indexOf('Filteren'));
    const positions = groups.map((g) => list.indexOf(g));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(text).not.toContain('Opgepakt, nog niet ingepland'); // an empty group is left out
    expect(text).toContain(`**${refs.thuiszitter}** · Thuiszittermelding · Obs Het Kompas`);
    expect(text).toContain('leerling J.B.');
    expect(text).toContain('leerling N.J.');
    expect(text).toContain('leerling anoniem');
    expect(text).toMatch(/Wacht sinds 25 november 2026 \(0 werkdagen\)/);
    expect(text).toContain(
      `Afspraak: ${DateTime.fromISO(`${day(3)}T10:00`, { zone: ZONE })
        .setLocale('nl')
        .toFormat('cccc d MMMM yyyy')} om 10:00`,
    );
    expect(text).toContain('Wacht op school: 1');
    expect(text).toContain('3 open aanvragen');
    expect(buttons(card)).toEqual(expect.arrayContaining([`Open ${refs.thuiszitter}`, 'Filteren', 'Vernieuwen', 'Naar het menu']));
    expect(buttons(card)).not.toContain('Volgende');
    expectNoPupilData(card);

    // One audit entry for the view, with counts, not one per row.
    expect(await auditCount('cases')).toBe(audited + 1);
    const entry = await h.db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'overview.read' }, orderBy: { id: 'desc' } });
    expect(entry).toMatchObject({ actorId: ids.anna, subjectType: 'overview', subjectId: 'cases' });
    expect(entry.details).toMatchObject({ page: 0, shown: 3, total: 3 });
  });

  it('the button opens her view of the case in the personal chat, with her buttons', async () => {
    const card = await typed(PEOPLE.anna, 'mijn casussen');
    const opened = await press(PEOPLE.anna, card, `Open ${refs.thuiszitter}`);
    expect(textOf(opened)).toContain(refs.thuiszitter);
    expect(textOf(opened)).toContain('Eerste verzuimdag'); // the case card has the details, for her
    expect(buttons(opened)).toContain('Oppakken');
  });

  it('pages by 10, newest first within a group; Volgende and Vorige keep the filter', async () => {
    const extra: string[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await insertRequest({
        schoolId: ids.kompas,
        consultantId: ids.anna,
        handlerId: ids.anna,
        status: 'claimed',
        pupil: { kind: 'identified', name: 'Piet Paulusma', birthDate: '2014-01-01', initials: 'P.P.' },
        createdAt: at(`2026-11-${String(10 + i).padStart(2, '0')}T09:00`),
      });
      extra.push(r.reference);
    }
    const first = await typed(PEOPLE.anna, 'mijn casussen');
    expect(textOf(first)).toContain('Pagina 1 van 2 · 14 open aanvragen');
    expect(references(first)).toHaveLength(10);
    expect(references(first).slice(0, 3)).toEqual([refs.spreekuur, refs.advies, refs.thuiszitter]);
    // Picked up, newest first: the last inserted comes first.
    expect(references(first).slice(3)).toEqual([...extra].reverse().slice(0, 7));
    expect(buttons(first)).toContain('Volgende');
    expect(buttons(first)).not.toContain('Vorige');
    expect(JSON.stringify(first)).not.toContain('Piet');

    const second = await press(PEOPLE.anna, first, 'Volgende');
    expect(textOf(second)).toContain('Pagina 2 van 2');
    expect(references(second)).toEqual([...extra].reverse().slice(7));
    expect(buttons(second)).toContain('Vorige');
    expect(buttons(second)).not.toContain('Volgende');
    const back = await press(PEOPLE.anna, second, 'Vorige');
    expect(references(back)).toEqual(references(first));

    // Filter on status: only the picked-up ones, still two pages, and the filter travels with "Volgende".
    const claimed = await press(PEOPLE.anna, first, 'Filteren', { Status: 'Opgepakt' });
    expect(textOf(claimed)).toContain('Pagina 1 van 2 · 11 open aanvragen');
    expect(inputsOf(claimed).find((i) => i.id === 'filterStatus')?.value).toBe('claimed');
    const claimed2 = await press(PEOPLE.anna, claimed, 'Volgende');
    expect(references(claimed2)).toEqual([extra[0]]);
    expect(textOf(claimed2)).toContain('Pagina 2 van 2 · 11 open aanvragen');
  });

  it('filters by type and by school; the school choices are the schools of her own cases', async () => {
    // A case at another school that she picked up (e.g. handed to her): hers too.
    const atArk = await insertRequest({
      schoolId: ids.ark,
      consultantId: ids.bram,
      handlerId: ids.anna,
      status: 'claimed',
      requesterId: ids.dirk,
    });
    const card = await typed(PEOPLE.anna, 'mijn casussen');
    const school = inputsOf(card).find((i) => i.id === 'filterSchool')!;
    expect(school.choices!.map((c) => c.title)).toEqual(['Alle scholen', 'Cbs De Ark', 'Obs Het Kompas']);

    const thuiszitters = await press(PEOPLE.anna, card, 'Filteren', { 'Soort aanvraag': 'Thuiszittermelding' });
    expect(references(thuiszitters)).toEqual([refs.thuiszitter]);
    expect(buttons(thuiszitters)).not.toContain('Volgende');

    const ark = await press(PEOPLE.anna, card, 'Filteren', { School: 'Cbs De Ark' });
    expect(references(ark)).toEqual([atArk.reference]);
    expect(textOf(ark)).not.toContain(refs.ark); // Bram's own case at that school stays his

    const none = await press(PEOPLE.anna, card, 'Filteren', { School: 'Cbs De Ark', 'Soort aanvraag': 'JES-overleg' });
    expect(textOf(none)).toContain('Er zijn geen open aanvragen die bij dit filter passen.');
  });

  it('re-checks page and filter on the server: forged values are dropped and said so, never widen the list', async () => {
    const all = references(await typed(PEOPLE.anna, 'mijn casussen'));
    // A school of another SWV, a closed status, an unknown type.
    const forged = await execute(PEOPLE.anna, 'overview.cases', {
      page: 0,
      filter: { school: '99ZZ00', status: 'closed', type: 'geheim' },
    });
    expect(textOf(forged)).toContain('Het filter op school en soort en status kon niet worden gebruikt');
    expect(references(forged)).toEqual(all);
    // Bram's school is a real school of the SWV, but none of Anna's cases… except the one she picked up.
    const notHers = await execute(PEOPLE.anna, 'overview.cases', { filter: { school: '34CD00' } });
    expect(textOf(notHers)).not.toContain(refs.ark);
    // A page beyond the last shows the last; nonsense is the first.
    expect(textOf(await execute(PEOPLE.anna, 'overview.cases', { page: 999 }))).toContain('Pagina 2 van 2');
    expect(textOf(await execute(PEOPLE.anna, 'overview.cases', { page: 'abc' }))).toContain('Pagina 1 van 2');
    expect(textOf(await execute(PEOPLE.anna, 'overview.cases', { page: -3 }))).toContain('Pagina 1 van 2');
  });

  it('leaves out closed requests and requests of another SWV, even one that names her', async () => {
    const closed = await insertRequest({ schoolId: ids.kompas, consultantId: ids.anna, status: 'closed' });
    const elsewhere = await insertRequest({
      swvId: other.swvId,
      schoolId: other.school,
      consultantId: other.olaf,
      requesterId: other.olaf,
      handlerId: ids.anna,
      status: 'claimed',
    });
    const pages = [await typed(PEOPLE.anna, 'mijn casussen')];
    pages.push(await press(PEOPLE.anna, pages[0]!, 'Volgende'));
    const text = pages.map(textOf).join('\n');
    expect(text).not.toContain(closed.reference);
    expect(text).not.toContain(elsewhere.reference);
    expect(text).not.toContain('Vo Elders College');
  });

  it('Bram, a consultant too, sees only his own cases (his as consultant, or picked up by him)', async () => {
    const card = await typed(PEOPLE.bram, 'mijn casussen');
    const shown = references(card);
    expect(shown).toContain(refs.ark);
    for (const ref of [refs.spreekuur, refs.thuiszitter, refs.advies]) expect(shown).not.toContain(ref);
    const rows = await h.db.prisma.request.findMany({ where: { reference: { in: shown } } });
    expect(rows.every((r) => r.consultantId === ids.bram || r.handlerId === ids.bram)).toBe(true);
    expect(textOf(card)).not.toContain('Obs Het Kompas');
  });

  it('is on the consultant’s home card, next to the typed word', async () => {
    const home = await execute(PEOPLE.anna, 'menu.open');
    expect(buttons(home)[0]).toBe('Mijn casussen');
    expect(textOf(home)).toContain('**mijn casussen**');
    const fromHome = await press(PEOPLE.anna, home, 'Mijn casussen');
    expect(textOf(fromHome)).toContain('Mijn casussen');
  });
});

// ---- who must not see what -------------------------------------------------------------------------

describe('who sees which overview', () => {
  const REFUSED = 'Dit overzicht kunt u niet openen';

  it('a coordinator gets a friendly refusal for all three words; her own "mijn aanvragen" and the thuiszitter form still work', async () => {
    for (const word of ['mijn casussen', 'thuiszitters', 'overzicht', 'thuiszitters overzicht']) {
      const card = await typed(PEOPLE.carla, word);
      expect(textOf(card), word).toContain(REFUSED);
      expect(references(card)).toEqual([]);
      expect(JSON.stringify(card)).not.toMatch(/SOT-\d{4}-\d{4}/);
    }
    const refusal = await typed(PEOPLE.carla, 'thuiszitters');
    expect(textOf(refusal)).toContain('Het overzicht van thuiszitters is voor het Thuiszittersteam en het SOT-bureau.');
    expect(buttons(refusal)).toEqual(['Thuiszitter melden', 'Mijn aanvragen', 'Naar het menu']);
    // The buttons too, not only the typed words.
    for (const verb of ['overview.cases', 'overview.thuiszitters', 'overview.office']) {
      expect(textOf(await execute(PEOPLE.carla, verb, { page: 0 })), verb).toContain(REFUSED);
    }
    const mine = await typed(PEOPLE.carla, 'mijn aanvragen');
    expect(textOf(mine)).toContain('Mijn aanvragen');
    expect(textOf(mine)).toMatch(/SOT-\d{4}-\d{4}/);
    const form = await typed(PEOPLE.carla, 'thuiszitter melden');
    expect(buttons(form)).toContain('Controleren');
    expect(textOf(form)).toContain('Eerste verzuimdag');
  });

  it('a consultant is refused "thuiszitters" and "overzicht"', async () => {
    for (const word of ['thuiszitters', 'overzicht']) {
      const card = await typed(PEOPLE.anna, word);
      expect(textOf(card), word).toContain(REFUSED);
      expect(buttons(card)).toContain('Mijn casussen');
      expect(references(card)).toEqual([]);
    }
    expect(textOf(await execute(PEOPLE.anna, 'overview.thuiszitters', {}))).toContain(REFUSED);
    expect(textOf(await execute(PEOPLE.anna, 'overview.office', {}))).toContain(REFUSED);
  });

  it('a consultant in the Thuiszittersteam sees "thuiszitters", not "overzicht"', async () => {
    expect(textOf(await typed(PEOPLE.bram, 'thuiszitters'))).toContain('Alle open thuiszittermeldingen');
    expect(textOf(await typed(PEOPLE.bram, 'overzicht'))).toContain(REFUSED);
  });

  it('a Thuiszittersteam member sees thuiszitter signals only: in "thuiszitters" and in "mijn casussen"', async () => {
    const list = await typed(TESS, 'thuiszitters');
    const shown = references(list);
    const types = await h.db.prisma.request.findMany({ where: { reference: { in: shown } }, select: { type: true, swvId: true } });
    expect(shown.length).toBeGreaterThan(1);
    expect(new Set(types.map((t) => t.type))).toEqual(new Set(['thuiszitter']));
    expect(new Set(types.map((t) => t.swvId))).toEqual(new Set([swvId]));

    // A spreekuur that names her as handler (it cannot happen through the bot) still stays out of her caseload.
    const odd = await insertRequest({ schoolId: ids.kompas, consultantId: ids.anna, handlerId: ids.tess, status: 'claimed' });
    const signal = await insertRequest({
      type: 'thuiszitter',
      schoolId: ids.ark,
      consultantId: ids.bram,
      requesterId: ids.dirk,
      status: 'new',
      details: thuiszitterDetails(),
    });
    await h.client(TESS).execute('request.claim', { requestId: signal.id });
    const mine = await typed(TESS, 'mijn casussen');
    expect(references(mine)).toEqual([signal.reference]);
    expect(textOf(mine)).not.toContain(odd.reference);
    expect(textOf(mine)).toContain('De thuiszittermeldingen die u heeft opgepakt');

    expect(textOf(await typed(TESS, 'overzicht'))).toContain(REFUSED);
    expect(textOf(await execute(TESS, 'overview.office', { page: 0 }))).toContain(REFUSED);
  });

  it('the office sees "overzicht" and "thuiszitters", and is pointed there for "mijn casussen"', async () => {
    expect(textOf(await typed(PEOPLE.eva, 'overzicht'))).toContain('Overzicht per consulent');
    expect(textOf(await typed(PEOPLE.eva, 'thuiszitters'))).toContain('Alle open thuiszittermeldingen');
    const cases = await typed(PEOPLE.eva, 'mijn casussen');
    expect(textOf(cases)).toContain(REFUSED);
    expect(buttons(cases)).toEqual(['Thuiszitters', 'Overzicht per consulent', 'Naar het menu']);
    const home = await execute(PEOPLE.eva, 'menu.open');
    expect(buttons(home).slice(0, 2)).toEqual(['Thuiszitters', 'Overzicht per consulent']);
  });

  it('someone the directory does not know is refused', async () => {
    const card = await typed(PEOPLE.stranger, 'overzicht');
    expect(textOf(card)).toContain('U staat nog niet in de organisatielijst');
  });

  it('works in the personal chat only: a channel gets no list', async () => {
    const channel = h.client(PEOPLE.anna, { id: ANNA_CHANNEL.channelId, type: 'channel', ...ANNA_CHANNEL });
    const before = h.connector.messagesIn(channel.conversationId).length;
    await channel.say('mijn casussen');
    const answers = h.connector.messagesIn(channel.conversationId).slice(before);
    expect(answers.map((a) => a.text)).toEqual([ONLY_PERSONAL_TEXT]);
    const card = (await channel.execute('overview.cases', {})).card!;
    expect(textOf(card)).toContain('Liever in uw eigen chat');
    expect(JSON.stringify(card)).not.toMatch(/SOT-\d{4}-\d{4}/);
  });
});

// ---- "thuiszitters" -------------------------------------------------------------------------------------

describe('"thuiszitters" for the Thuiszittersteam', () => {
  let signals: Record<string, { id: string; reference: string }>;

  beforeAll(async () => {
    const base = { type: 'thuiszitter', schoolId: ids.kompas, consultantId: ids.anna };
    signals = {
      reported: await insertRequest({
        ...base,
        status: 'claimed',
        handlerId: ids.anna,
        details: thuiszitterDetails({ reporting: { duo: day(-5), ot: day(-2) } }),
        createdAt: at('2026-11-20T09:00'),
      }),
      halfReported: await insertRequest({
        ...base,
        status: 'new',
        details: thuiszitterDetails({ reporting: { duo: day(-5) } }),
        createdAt: at('2026-11-21T09:00'),
      }),
      back: await insertRequest({
        ...base,
        status: 'claimed',
        handlerId: ids.tess,
        details: thuiszitterDetails({ firstAbsentDate: day(-21), backToSchool: { date: day(-7), extent: 'gedeeltelijk' } }),
        createdAt: at('2026-11-22T09:00'),
      }),
      dreigend: await insertRequest({
        ...base,
        status: 'new',
        details: { kind: 'dreigend', reasonOther: '', tried: '', question: 'Geheim: de zorg', urgency: 'hoog', reporting: {} },
        createdAt: at('2026-11-23T09:00'),
      }),
      closed: await insertRequest({ ...base, status: 'closed', details: thuiszitterDetails(), createdAt: at('2026-11-23T10:00') }),
      elsewhere: await insertRequest({
        ...base,
        swvId: other.swvId,
        schoolId: other.school,
        consultantId: other.olaf,
        requesterId: other.olaf,
        details: thuiszitterDetails(),
      }),
    };
  });

  /** All pages of the list, as one text. */
  async function allPages(user: TeamsUser, first: Card): Promise<Card[]> {
    const pages = [first];
    while (buttons(pages.at(-1)!).includes('Volgende')) pages.push(await press(user, pages.at(-1)!, 'Volgende'));
    return pages;
  }

  /** The facts of one signal's row. */
  function rowOf(card: Card, reference: string): string {
    const text = textOf(card);
    const start = text.indexOf(`**${reference}**`);
    expect(start, reference).toBeGreaterThanOrEqual(0);
    const next = text.indexOf('**SOT-', start + 5);
    return text.slice(start, next < 0 ? undefined : next);
  }

  it('shows kind, school weeks, the reporting duty, back at school and the handler; no pupil data', async () => {
    const audited = await auditCount('thuiszitters');
    const card = await typed(TESS, 'thuiszitters');
    expect(textOf(card)).toContain('Thuiszitters');
    expect(rowOf(card, signals.reported!.reference)).toMatch(
      /Soort: Thuiszitter\nStatus: Opgepakt\nVerzuim: 5 schoolweken, sinds 21 oktober 2026\nMeldplicht: DUO en OT gemeld\nConsulent: Anna de Vries/,
    );
    expect(rowOf(card, signals.halfReported!.reference)).toContain('Meldplicht: nog te doen: OT');
    expect(rowOf(card, signals.halfReported!.reference)).toContain('Consulent: nog niet opgepakt');
    const back = rowOf(card, signals.back!.reference);
    expect(back).toContain('Verzuim: 2 schoolweken');
    expect(back).toContain('Meldplicht: nog geen 4 weken');
    expect(back).toContain('Terug op school: 18 november 2026 (gedeeltelijk)');
    expect(back).toContain('Consulent: Tess Kramer');
    const dreigend = rowOf(card, signals.dreigend!.reference);
    expect(dreigend).toContain('Soort: Dreigende thuiszitter');
    expect(dreigend).toContain('Verzuim: Geen eerste verzuimdag vastgelegd');
    expect(dreigend).toContain('Meldplicht: nog geen 4 weken');
    expectNoPupilData(card);
    expect(await auditCount('thuiszitters')).toBe(audited + 1);
  });

  it('holds every open signal of this SWV over its pages, newest first, and nothing else', async () => {
    const pages = await allPages(TESS, await typed(TESS, 'thuiszitters'));
    const shown = pages.flatMap(references);
    const expected = await h.db.prisma.request.findMany({
      where: { swvId, type: 'thuiszitter', status: { in: ['new', 'claimed', 'planned', 'waiting'] } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { reference: true },
    });
    expect(shown).toEqual(expected.map((r) => r.reference));
    expect(shown).not.toContain(signals.closed!.reference);
    expect(shown).not.toContain(signals.elsewhere!.reference);
    expect(pages.map(textOf).join('\n')).not.toContain('Vo Elders College');
  });

  it('pages by 10 and filters by kind and school', async () => {
    for (let i = 0; i < 10; i++) {
      await insertRequest({
        type: 'thuiszitter',
        schoolId: ids.ark,
        consultantId: ids.bram,
        requesterId: ids.dirk,
        details: thuiszitterDetails(),
        createdAt: at(`2026-11-0${(i % 9) + 1}T08:00`),
      });
    }
    const first = await typed(TESS, 'thuiszitters');
    const total = await h.db.prisma.request.count({ where: { swvId, type: 'thuiszitter', status: { not: 'closed' } } });
    expect(textOf(first)).toContain(`Pagina 1 van ${Math.ceil(total / 10)} · ${total} open meldingen`);
    expect(references(first)).toHaveLength(10);
    const second = await press(TESS, first, 'Volgende');
    expect(references(second).filter((r) => references(first).includes(r))).toEqual([]);

    const dreigend = await press(TESS, second, 'Filteren', { 'Soort melding': 'Dreigende thuiszitter' });
    expect(references(dreigend)).toEqual([signals.dreigend!.reference]);
    expect(textOf(dreigend)).toContain('1 open melding');

    const kompas = await press(TESS, first, 'Filteren', { School: 'Obs Het Kompas' });
    const kompasRefs = (await allPages(TESS, kompas)).flatMap(references);
    const atKompas = await h.db.prisma.request.findMany({
      where: { reference: { in: kompasRefs } },
      select: { schoolId: true, type: true },
    });
    expect(new Set(atKompas.map((r) => r.schoolId))).toEqual(new Set([ids.kompas]));
    expect(kompasRefs).toContain(signals.reported!.reference);
  });

  it('counts weeks absent in school weeks: a holiday imported with the year agenda is left out', async () => {
    const before = rowOf(await typed(TESS, 'thuiszitters'), signals.reported!.reference);
    expect(before).toContain('Verzuim: 5 schoolweken');
    // Two weeks of holiday inside the five weeks absent: three school weeks remain, under the reporting duty.
    const csv = `datum;titel;omschrijving;doelgroep;herinneren;soort;tot\n${day(-20)};Studieweken;;PO;;vakantie;${day(-7)}\n`;
    const parsed = parseAgendaFile('jaaragenda.csv', csv, clock.now());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await importAgenda(h.db.prisma, parsed.entries, 'test');
    const after = rowOf(await typed(TESS, 'thuiszitters'), signals.reported!.reference);
    expect(after).toContain('Verzuim: 3 schoolweken');
    expect(after).toContain('Meldplicht: nog geen 4 weken');
  });
});

// ---- "overzicht" ------------------------------------------------------------------------------------------

describe('"overzicht" for the SOT office', () => {
  let chris: string;
  let linde: string;

  beforeAll(async () => {
    const db = h.db.prisma;
    // A consultant of their own, so the counts are exact.
    chris = (
      await db.person.create({
        data: { swvId, name: 'Chris de Wit', email: 'chris.dewit@swv-voorbeeld.nl', consultant: { create: {} } },
      })
    ).id;
    linde = (await db.school.create({ data: { swvId, brin: '56EF00', name: 'Obs De Linde', sector: 'PO', consultantId: chris } })).id;
    const mine = { schoolId: linde, consultantId: chris };
    // Today is Wednesday 25 November. Working days since Tuesday 17th: 6 (overdue); since Wednesday 18th: 5 (not yet).
    await insertRequest({ ...mine, status: 'new', createdAt: at('2026-11-17T16:00') });
    await insertRequest({ ...mine, status: 'new', createdAt: at('2026-11-18T09:00') });
    await insertRequest({
      ...mine,
      type: 'jes',
      status: 'planned',
      handlerId: chris,
      appointment: { date: day(-1), time: '14:00', place: 'Op school' },
    });
    await insertRequest({
      ...mine,
      type: 'jes',
      status: 'planned',
      handlerId: chris,
      appointment: { date: day(0), time: '14:00', place: 'Op school' },
    });
    await insertRequest({ ...mine, status: 'waiting', handlerId: chris });
    await insertRequest({ ...mine, status: 'claimed', handlerId: chris });
    await insertRequest({ ...mine, status: 'closed', createdAt: at('2026-10-01T09:00') });
    // A new request handed over to Chris today waits since today, though filed long ago.
    const handedOver = await insertRequest({ ...mine, status: 'new', createdAt: at('2026-10-01T09:00') });
    await db.requestEvent.create({
      data: { requestId: handedOver.id, at: clock.now(), actorId: ids.eva, action: 'handover', fromStatus: 'claimed', toStatus: 'new' },
    });
  });

  /** One consultant's facts on the card. */
  function countsOf(card: Card, name: string): string {
    const text = textOf(card);
    const start = text.indexOf(`**${name}**`);
    expect(start, name).toBeGreaterThanOrEqual(0);
    return text.slice(start, text.indexOf('Over tijd', start) + 'Over tijd: 0'.length + 2);
  }

  it('counts per consultant: open, new, waiting for school, overdue — and says what overdue means', async () => {
    const audited = await h.db.prisma.auditEntry.count({ where: { action: 'overview.read' } });
    const card = await typed(PEOPLE.eva, 'overzicht');
    const text = textOf(card);
    expect(text).toContain(
      'Over tijd: nieuw en na meer dan 5 werkdagen nog niet opgepakt, of ingepland met een afspraakdatum die voorbij is',
    );
    expect(countsOf(card, 'Chris de Wit')).toMatch(/Open: 7\nNieuw, niet opgepakt: 3\nWacht op school: 1\nOver tijd: 2\b/);
    expect(text).toContain('**Anna de Vries**');
    expect(text).toContain('**Bram Visser**');
    expect(text).not.toContain('Olaf Anders'); // another SWV
    expect(text).toMatch(/Totaal open: \d+/);
    // Counts only: no references, initials or pupil data, and no audit entry needed.
    expect(text).not.toMatch(/SOT-\d{4}-\d{4}/);
    expect(text).not.toContain('J.B.');
    expectNoPupilData(card);
    expect(await h.db.prisma.auditEntry.count({ where: { action: 'overview.read' } })).toBe(audited);
  });

  it('filters by school and by type; the school choices are this SWV’s schools with open requests', async () => {
    const card = await typed(PEOPLE.eva, 'overzicht');
    const schools = inputsOf(card).find((i) => i.id === 'filterSchool')!;
    expect(schools.choices!.map((c) => c.title)).toEqual(['Alle scholen', 'Cbs De Ark', 'Obs De Linde', 'Obs Het Kompas']);
    expect(inputsOf(card).map((i) => i.id)).toEqual(['filterSchool', 'filterType']); // no status: the columns are statuses

    const lindeOnly = await press(PEOPLE.eva, card, 'Filteren', { School: 'Obs De Linde' });
    expect(textOf(lindeOnly)).toContain('**Chris de Wit**');
    expect(textOf(lindeOnly)).not.toContain('**Anna de Vries**');
    expect(countsOf(lindeOnly, 'Chris de Wit')).toMatch(/Open: 7\n.*\n.*\nOver tijd: 2/);

    const jes = await press(PEOPLE.eva, card, 'Filteren', { 'Soort aanvraag': 'JES-overleg' });
    expect(countsOf(jes, 'Chris de Wit')).toMatch(/Open: 2\nNieuw, niet opgepakt: 0\nWacht op school: 0\nOver tijd: 1/);
    expect(textOf(jes)).not.toContain('**Bram Visser**'); // no open JES-overleg

    const forged = await execute(PEOPLE.eva, 'overview.office', { filter: { school: '99ZZ00' } });
    expect(textOf(forged)).toContain('Het filter op school kon niet worden gebruikt');
    expect(textOf(forged)).not.toContain('Olaf Anders');
  });

  it('pages the consultants by 10, by name', async () => {
    for (let i = 0; i < 9; i++) {
      await h.db.prisma.person.create({
        data: { swvId, name: `Zora Consulent ${i}`, email: `zora${i}@swv-voorbeeld.nl`, consultant: { create: {} } },
      });
    }
    const first = await typed(PEOPLE.eva, 'overzicht');
    expect(textOf(first)).toContain('Pagina 1 van 2 · 12 consulenten');
    const second = await press(PEOPLE.eva, first, 'Volgende');
    expect(textOf(second)).toContain('Pagina 2 van 2');
    expect(textOf(second)).toContain('**Zora Consulent 7**');
    expect(textOf(second)).toContain('**Zora Consulent 8**');
    expect(textOf(second)).not.toContain('**Anna de Vries**');
  });
});
