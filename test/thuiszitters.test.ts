// Thuiszitters as the practice follows them: the short "dreigende thuiszitter" route with facts added later,
// the duty met only by DUO and OT both, school weeks around a holiday from the year agenda, back at school
// stopping the count, the follow-up talk planned and moved, and closing with the SWV's outcomes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseAgendaFile } from '../bot/features/agenda/agendaFile.ts';
import { importAgenda } from '../bot/features/agenda/importAgenda.ts';
import { applyRetention } from '../bot/features/retention/index.ts';
import { actionsOf, inputsOf, textOf, type Card } from './support/cards.ts';
import { clock } from './support/clock.ts';
import { isoDay } from './support/dates.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { ANNA_CHANNEL, importFixture, PEOPLE } from './support/org.ts';
import { fileRequest } from './support/requests.ts';
import type { TeamsClient } from './support/teamsClient.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await importFixture(h.db);
  for (const p of [PEOPLE.carla, PEOPLE.anna]) await h.client(p).say('hallo');
});
afterAll(() => h?.close());
beforeEach(() => h.connector.reset());

const anna = () => h.client(PEOPLE.anna, { id: ANNA_CHANNEL.channelId, type: 'channel', ...ANNA_CHANNEL });
const carla = () => h.client(PEOPLE.carla);
const buttons = (card: Card) => actionsOf(card).map((a) => a.title);
const viewOf = async (client: TeamsClient, requestId: string) => (await client.execute('request.refresh', { requestId })).card!;
const carlaView = async (requestId: string) => (await carla().execute('request.view', { requestId })).card!;
const carlaSays = () => h.connector.cardsIn(carla().conversationId).map(textOf).join('\n---\n');
const detailsOf = async (id: string) => (await h.db.prisma.request.findUniqueOrThrow({ where: { id } })).details as Record<string, unknown>;

const SHORT = {
  'Initialen leerling (optioneel)': 'J.B.',
  'Groep of klas (optioneel)': '2b',
  'Uw zorg': 'Werkt steeds vaker thuis; ouders vragen om thuisonderwijs.',
  'Hoe dringend is het?': 'Hoog (graag binnen een week)',
  'Hoe wilt u teruggebeld worden?': 'Telefonisch',
  'Telefoonnummer (bij telefonisch)': '06 12345678',
  'Terugbellen op': isoDay(1),
  'Vanaf (optioneel)': '14:00',
};

/** The short form, as typing "dreigende thuiszitter" brings it (a late notice may arrive in between). */
async function shortForm() {
  await carla().say('dreigende thuiszitter');
  const form = h.connector
    .cardsIn(carla().conversationId)
    .filter((c) => textOf(c).includes('Dreigende thuiszitter melden') && JSON.stringify(c.actions ?? []).includes('Controleren'))
    .at(-1);
  if (!form) throw new Error('no short form');
  return form;
}

/** "dreigende thuiszitter" → the short form → Controleren → Versturen. */
async function fileShort(values: Record<string, string> = SHORT) {
  const form = await shortForm();
  const review = await carla().press(form, 'Controleren', values);
  const sent = (await carla().press(review.card!, 'Versturen')).card!;
  if (!/SOT-\d{4}-\d{4}/.test(textOf(sent))) throw new Error(`not sent: ${textOf(sent)}`);
  return { review: review.card!, sent };
}

describe('a dreigende thuiszitter: short first, more later', () => {
  it('the short form asks only the worry, the urgency and a call back; errors keep what was typed', async () => {
    const form = await shortForm();
    const labels = inputsOf(form).map((i) => i.label);
    expect(labels).not.toContain('Eerste verzuimdag');
    expect(labels).not.toContain('Geboortedatum (dd-mm-jjjj)');
    const bad = await carla().press(form, 'Controleren', { ...SHORT, 'Telefoonnummer (bij telefonisch)': '' });
    expect(textOf(bad.card!)).toContain('Vul het nummer in waarop de consulent u kan bellen.');
    expect(inputsOf(bad.card!).find((i) => i.label === 'Uw zorg')?.value).toBe(SHORT['Uw zorg']);
    expect(await h.db.prisma.request.count({ where: { type: 'thuiszitter', details: { path: ['kind'], equals: 'dreigend' } } })).toBe(0);
  });

  it('is filed as a thuiszitter signal of kind dreigend, without a first day absent or reporting duty', async () => {
    const { review, sent } = await fileShort();
    expect(textOf(review)).toMatch(/Terugbellen: Telefonisch op 06 12345678, \w+ \d+ \w+ \d{4} vanaf 14:00/);
    expect(textOf(review)).not.toContain('Meldplicht');
    const reference = /SOT-\d{4}-\d{4}/.exec(textOf(sent))![0];
    const request = await h.db.prisma.request.findUniqueOrThrow({ where: { reference } });
    expect(request.type).toBe('thuiszitter');
    expect(request.urgency).toBe('hoog');
    expect(request.details).toMatchObject({ kind: 'dreigend', reporting: {}, callback: { via: 'telefoon', date: isoDay(1) } });
    expect((request.details as Record<string, unknown>).firstAbsentDate).toBeUndefined();
    const view = await carlaView(request.id);
    expect(textOf(view)).toContain('Verzuim: Nog geen eerste verzuimdag');
    expect(buttons(view)).toEqual(expect.arrayContaining(['Gegevens aanvullen', 'Terug naar school', 'Leerling alsnog noemen']));
    // The channel card (for the consultant) shows initials and group only.
    expect(textOf(await viewOf(anna(), request.id))).toContain('Leerling: J.B., 2b');
  });

  it('the coordinator adds the fuller facts later; a thuiszitter then needs its first day absent', async () => {
    const { sent } = await fileShort();
    const id = (await h.db.prisma.request.findUniqueOrThrow({ where: { reference: /SOT-\d{4}-\d{4}/.exec(textOf(sent))![0] } })).id;
    const form = (await carla().press(await carlaView(id), 'Gegevens aanvullen')).card!;
    const missing = await carla().press(form, 'Opslaan', { 'Soort melding': 'Thuiszitter' });
    expect(textOf(missing.card!)).toContain('Vul de eerste verzuimdag in.');
    expect((await detailsOf(id)).kind).toBe('dreigend'); // nothing half-done stored
    const saved = await carla().press(missing.card!, 'Opslaan', {
      'Eerste verzuimdag': isoDay(-14),
      'Belangrijkste reden': 'Schoolweigering of schoolangst',
      'Verzuim gemeld bij DUO op': isoDay(-10),
      'Leerplichtambtenaar betrokken sinds': isoDay(-7),
      'Naam leerplichtambtenaar (optioneel)': 'P. de Leeuw',
    });
    const text = textOf(saved.card!);
    expect(text).toContain('Soort: Thuiszitter');
    expect(text).toContain('Verzuim: 2 weken (schoolweken, vakanties niet meegeteld)');
    expect(text).toMatch(/Leerplichtambtenaar: Betrokken sinds \w+ \d+ \w+ \d{4} \(P\. de Leeuw\)/);
    expect(text).toMatch(/DUO- en OT-melding: deels gedaan \(DUO \d+ \w+\); nog niet verplicht/);
    expect(await detailsOf(id)).toMatchObject({
      kind: 'thuiszitter',
      firstAbsentDate: isoDay(-14),
      reason: 'schoolweigering',
      reporting: { duo: isoDay(-10), leerplicht: isoDay(-7), leerplichtName: 'P. de Leeuw' },
      question: SHORT['Uw zorg'],
      callback: { via: 'telefoon' },
    });
    const event = await h.db.prisma.requestEvent.findFirstOrThrow({ where: { requestId: id, action: 'report' } });
    expect(event.note).toBe('nu: thuiszitter, eerste verzuimdag, reden, gemeld bij DUO, leerplichtambtenaar');
  });

  it('the handler can add facts from the channel card too', async () => {
    const { sent } = await fileShort();
    const id = (await h.db.prisma.request.findUniqueOrThrow({ where: { reference: /SOT-\d{4}-\d{4}/.exec(textOf(sent))![0] } })).id;
    await anna().press(await viewOf(anna(), id), 'Oppakken');
    const form = (await anna().press(await viewOf(anna(), id), 'Gegevens aanvullen')).card!;
    const saved = await anna().press(form, 'Opslaan', { 'Gemeld in Onderwijs Transparant op': isoDay(0) });
    expect(textOf(saved.card!)).toContain('De gegevens zijn opgeslagen.');
    expect((await detailsOf(id)).reporting).toEqual({ ot: isoDay(0) });
  });
});

describe('school weeks and back at school', () => {
  it('weeks absent leave out a school holiday from the year agenda; the duty follows the school weeks', async () => {
    const { id } = await fileRequest(h, carla(), 'thuiszitter', { 'Eerste verzuimdag': isoDay(-30) });
    expect(textOf(await carlaView(id))).toContain('Verzuim: 4 weken');
    expect(textOf(await carlaView(id))).toContain('DUO- en OT-melding: nog te doen — 4 weken verzuim');
    // A one-week holiday for PO (the fixture's school is PO) inside the absence: 30 − 7 days = 3 school weeks.
    const csv = `datum;titel;omschrijving;doelgroep;herinneren;soort;tot\n${isoDay(-20)};Studieweek;;PO;;vakantie;${isoDay(-14)}\n${isoDay(-20)};Alleen VO;;VO;;vakantie;${isoDay(-1)}\n`;
    const parsed = parseAgendaFile('agenda.csv', csv, clock.now());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await importAgenda(h.db.prisma, parsed.entries, 'test');
    const text = textOf(await carlaView(id));
    expect(text).toContain('Verzuim: 3 weken (schoolweken, vakanties niet meegeteld)');
    expect(text).not.toContain('DUO- en OT-melding');
    await importAgenda(h.db.prisma, [], 'test');
  });

  it('back at school stops the count; the handler can close the case with it and the school is told', async () => {
    const { id } = await fileRequest(h, carla(), 'thuiszitter', { 'Eerste verzuimdag': isoDay(-42) });
    await anna().press(await viewOf(anna(), id), 'Oppakken');
    const form = (await anna().press(await viewOf(anna(), id), 'Terug naar school')).card!;
    const early = await anna().press(form, 'Vastleggen', { 'Terug naar school op': isoDay(-50) });
    expect(textOf(early.card!)).toContain('Deze datum ligt vóór de eerste verzuimdag');
    const done = await anna().press(early.card!, 'Vastleggen', {
      'Terug naar school op': isoDay(-21),
      'Volledig of gedeeltelijk': 'Gedeeltelijk (een deel van de week of van de dag)',
      Afronden: 'true',
    });
    expect(textOf(done.card!)).toContain('Vastgelegd en afgerond.');
    const request = await h.db.prisma.request.findUniqueOrThrow({ where: { id } });
    expect(request.status).toBe('closed');
    expect(request.outcome).toBe('Terug naar school');
    expect(request.details).toMatchObject({ backToSchool: { date: isoDay(-21), extent: 'gedeeltelijk' }, outcomes: ['terugNaarSchool'] });
    const text = textOf(await carlaView(id));
    expect(text).toContain('Verzuim: 3 weken'); // 42 − 21 days, not 6 weeks
    expect(text).toMatch(/Terug naar school: Gedeeltelijk .*, sinds/);
    await h.deliver();
    expect(carlaSays()).toContain('afgerond: terug naar school');
  });

  it('the coordinator records a return without closing (closing is for the handler)', async () => {
    const { id } = await fileRequest(h, carla(), 'thuiszitter');
    const form = (await carla().press(await carlaView(id), 'Terug naar school')).card!;
    expect(inputsOf(form).map((i) => i.label)).not.toContain('Afronden');
    const res = await carla().press(form, 'Vastleggen', { 'Terug naar school op': isoDay(0) });
    expect(textOf(res.card!)).toContain('Vastgelegd: terug naar school.');
    // A forged "close" from the coordinator changes nothing about the status.
    await carla().execute('request.back', { requestId: id, formId: 'forged', date: isoDay(0), extent: 'volledig', close: 'true' });
    expect((await h.db.prisma.request.findUniqueOrThrow({ where: { id } })).status).toBe('new');
  });
});

describe('the follow-up talk and closing', () => {
  it('a thuiszitter talk is planned and moved like a spreekuur', async () => {
    const { id } = await fileRequest(h, carla(), 'thuiszitter');
    await anna().press(await viewOf(anna(), id), 'Oppakken');
    expect(buttons(await viewOf(anna(), id))).toContain('Inplannen');
    const form = (await anna().press(await viewOf(anna(), id), 'Inplannen')).card!;
    const planned = await anna().press(form, 'Afspraak opslaan', { Datum: isoDay(5), Tijd: '13:30', Plaats: 'Op school' });
    expect(textOf(planned.card!)).toContain('Ingepland');
    const moveForm = (await anna().press(planned.card!, 'Verzetten')).card!;
    const labels = inputsOf(moveForm).map((i) => i.label ?? '');
    const moved = await anna().press(moveForm, actionsOf(moveForm)[0]!.title!, {
      [labels.find((l) => /datum/i.test(l))!]: isoDay(8),
      [labels.find((l) => /tijd/i.test(l))!]: '09:00',
      [labels.find((l) => /reden/i.test(l))!]: 'Ouders kunnen dan pas.',
      [labels.find((l) => /tussentijds/i.test(l))!]: 'Mentor belt ouders.',
    });
    expect(textOf(moved.card!)).toContain('Verzet');
    expect((await h.db.prisma.request.findUniqueOrThrow({ where: { id } })).appointment).toMatchObject({ date: isoDay(8), time: '09:00' });
  });

  it('closing records the SWV outcomes, more than one, with a note for "anders"', async () => {
    const { id } = await fileRequest(h, carla(), 'thuiszitter');
    await anna().press(await viewOf(anna(), id), 'Oppakken');
    const form = (await anna().press(await viewOf(anna(), id), 'Afronden')).card!;
    const outcomes = inputsOf(form).find((i) => i.id === 'outcomes')!;
    expect(outcomes.isMultiSelect).toBe(true);
    expect(outcomes.choices!.map((c) => c.title)).toEqual([
      'Terug naar school',
      'Arrangement of maatwerk',
      'TLV-route gestart',
      'OPDC',
      'Andere school',
      'Aangemeld bij JES',
      'Anders',
    ]);
    const none = await anna().press(form, 'Afronden', {});
    expect(textOf(none.card!)).toContain('Kies ten minste één uitkomst.');
    const other = await anna().press(none.card!, 'Afronden', { outcomes: 'arrangement,anders' });
    expect(textOf(other.card!)).toContain('U koos "Anders": beschrijf de uitkomst.');
    const closed = await anna().press(other.card!, 'Afronden', { outcomes: 'arrangement,jes,anders', outcomeOther: 'Zorgboerderij' });
    expect(textOf(closed.card!)).toContain('De aanvraag is afgerond.');
    const request = await h.db.prisma.request.findUniqueOrThrow({ where: { id } });
    expect(request.outcome).toBe('Arrangement of maatwerk; Aangemeld bij JES; Anders: Zorgboerderij');
    expect(request.details).toMatchObject({ outcomes: ['arrangement', 'jes', 'anders'] });
  });
});

describe('retention of the short form', () => {
  it('the call back (with the phone number) and the worry are gone after the retention period; the categories stay', async () => {
    const { sent } = await fileShort();
    const request = await h.db.prisma.request.findUniqueOrThrow({ where: { reference: /SOT-\d{4}-\d{4}/.exec(textOf(sent))![0] } });
    await h.db.prisma.request.update({ where: { id: request.id }, data: { status: 'closed', closedAt: clock.daysAgo(800) } });
    await applyRetention(h.db.prisma, clock.now(), {
      retentionDays: 730,
      registrationDays: 90,
      unknownContactDays: 90,
      inactiveRequestDays: 365,
      sparringDays: 90,
    });
    const after = await h.db.prisma.request.findUniqueOrThrow({ where: { id: request.id } });
    const kept = JSON.stringify(after.details) + JSON.stringify(after.pupil);
    expect(kept).not.toMatch(/06 12345678|thuisonderwijs|J\.B\./);
    expect(after.details).toMatchObject({ kind: 'dreigend', urgency: 'hoog' });
    expect(textOf(await carlaView(request.id))).toContain('Soort: Dreigende thuiszitter');
  });
});
