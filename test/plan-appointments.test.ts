// Inplannen as a consultant meets it: the school's preferred moments on the form and the first one still to
// come filled in, required fields marked, an error line that fits what was typed; then what the school
// reads (the next step with date, time and place) and the calendar file for any planned appointment.
import ICAL from 'ical.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { startHarness, type Harness } from './support/harness.ts';
import { ANNA_CHANNEL, importFixture, PEOPLE } from './support/org.ts';
import { actionsOf, inputsOf, textOf, type Card } from './support/cards.ts';
import { clock } from './support/clock.ts';
import { isoDay } from './support/dates.ts';
import { fileRequest } from './support/requests.ts';

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
const view = async (requestId: string) => (await anna().execute('request.refresh', { requestId })).card!;
const input = (card: Card, id: string): Record<string, unknown> | undefined => {
  const found = inputsOf(card).find((i) => i.id === id);
  return found && { ...found };
};
const lastNotice = () => h.connector.cardsIn(carla().conversationId).at(-1)!;

async function claimed(type: Parameters<typeof fileRequest>[2], extra: Record<string, unknown> = {}) {
  const filed = await fileRequest(h, carla(), type, extra);
  await anna().execute('request.claim', { requestId: filed.id });
  return filed;
}

async function icsOf(notice: Card): Promise<string> {
  const link = actionsOf(notice).find((a) => a.type === 'Action.OpenUrl') as unknown as { url: string } | undefined;
  expect(link?.url).toMatch(/\/ics\/.+\.ics$/);
  const res = await fetch(h.botUrl.replace('/api/messages', new URL(link!.url).pathname));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/calendar');
  return res.text();
}

/** The one event of a calendar file, parsed back with ical.js (its own VTIMEZONE registered). */
function eventOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe('the Inplannen form', () => {
  const start = clock.now();
  afterEach(() => clock.set(new Date(start.getTime())));

  it('shows the preferred moments and starts from the first one, at the time its part of the day begins', async () => {
    const { id } = await claimed('spreekuur', {
      'Voorkeursmoment 2: datum': isoDay(9),
      'Voorkeursmoment 2: dagdeel': 'Middag',
      'Vorm van het gesprek': 'Online (Teams)',
    });
    const form = (await anna().press(await view(id), 'Inplannen')).card!;
    const text = textOf(form);
    expect(text).toMatch(/Voorkeur van de school: \w+ \d+ \w+ \d{4}, ochtend; \w+ \d+ \w+ \d{4}, middag/);
    expect(input(form, 'date')?.value).toBe(isoDay(7));
    expect(input(form, 'time')?.value).toBe('09:00');
    expect(input(form, 'place')?.value).toBe('online'); // "Online (Teams)" in the request

    // A week and a day later the first moment has passed: the second one is filled in.
    const first = { date: isoDay(9) };
    clock.set(DateTime.fromJSDate(start).plus({ days: 8 }).toJSDate());
    const later = (await anna().press(await view(id), 'Inplannen')).card!;
    expect(input(later, 'date')?.value).toBe(first.date);
    expect(input(later, 'time')?.value).toBe('13:00');

    // When every moment has passed, nothing is filled in (the moments are still shown).
    clock.set(DateTime.fromJSDate(start).plus({ days: 12 }).toJSDate());
    const none = (await anna().press(await view(id), 'Inplannen')).card!;
    expect(input(none, 'date')?.value ?? '').toBe('');
    expect(input(none, 'time')?.value ?? '').toBe('');
    expect(textOf(none)).toContain('Voorkeur van de school');
  });

  it('a JES-overleg starts from the first proposed moment still to come; a date typed under "Ander moment" wins', async () => {
    const { id } = await claimed('jes');
    const form = (await anna().press(await view(id), 'Inplannen')).card!;
    const proposal = input(form, 'proposal') as { value?: string; isRequired?: boolean; choices: { value: string }[] };
    expect(proposal.value).toBe(`${isoDay(10)}T14:00`);
    expect(proposal.value).toBe(proposal.choices[0]!.value);
    expect(input(form, 'date')?.isRequired).toBe(false); // only for "Een ander moment"
    await anna().press(form, 'Afspraak opslaan', { 'Ander moment: datum': isoDay(12), 'Ander moment: tijd': '11:15', Plaats: 'Op school' });
    const request = await h.db.prisma.request.findUniqueOrThrow({ where: { id } });
    expect(request.appointment).toEqual({ date: isoDay(12), time: '11:15', place: 'Op school' });
  });

  it('without preferred moments (an adviesvraag) nothing is filled in and no moments are shown', async () => {
    const { id } = await claimed('advies');
    const form = (await anna().press(await view(id), 'Inplannen')).card!;
    expect(textOf(form)).not.toContain('Voorkeur van de school');
    expect(input(form, 'date')?.value ?? '').toBe('');
  });

  it('marks the required fields (Teams checks them first), with the labels unchanged and Dutch messages', async () => {
    const { id } = await claimed('spreekuur');
    const form = (await anna().press(await view(id), 'Inplannen')).card!;
    const required = inputsOf(form)
      .filter((i) => input(form, i.id)?.isRequired === true)
      .map((i) => i.label);
    expect(required).toEqual(['Datum', 'Tijd', 'Plaats']);
    expect(input(form, 'address')?.isRequired).toBe(false);
    expect(input(form, 'date')?.errorMessage).toBe('Kies een datum.');
    expect(input(form, 'place')?.errorMessage).toBe('Maak een keuze bij "Plaats".');
    expect(input(form, 'date')?.placeholder).toBe('Kies een datum');
    expect(input(form, 'time')?.placeholder).toBe('Kies een tijd');
    // "Terug" sends no inputs, so Teams does not block it on an empty required field.
    const back: Record<string, unknown> = { ...actionsOf(form).find((a) => a.title === 'Terug') };
    expect(back.associatedInputs).toBe('none');
  });

  it('an empty submit says which fields to fill in; a partly filled one keeps what was typed and says what is missing', async () => {
    const { id } = await claimed('advies');
    const form = (await anna().press(await view(id), 'Inplannen')).card!;
    const empty = (await anna().press(form, 'Afspraak opslaan', { Datum: '', Tijd: '', Plaats: '' })).card!;
    expect(textOf(empty)).toContain('Er is nog niets ingevuld. Vul deze velden in: "Datum", "Tijd" en "Plaats".');
    expect(textOf(empty)).not.toMatch(/staat er nog/);

    const partly = (await anna().press(empty, 'Afspraak opslaan', { Datum: isoDay(3) })).card!;
    expect(textOf(partly)).toContain('Niet alles is goed ingevuld: kijk bij "Tijd" en "Plaats". Wat u al invulde, staat er nog.');
    expect(input(partly, 'date')?.value).toBe(isoDay(3));
    expect(textOf(partly)).toContain('Vul de tijd in.');
  });
});

describe('what happens next, and the calendar file', () => {
  /** The Monday after the next start of summer time (last Sunday of March): 10:00 in Amsterdam is 08:00 UTC there, not 09:00. */
  function mondayAfterSpringChange(): DateTime {
    const now = DateTime.fromJSDate(clock.now(), { zone: 'Europe/Amsterdam' });
    for (let year = now.year; ; year++) {
      const lastOfMarch = DateTime.fromObject({ year, month: 3, day: 31 }, { zone: 'Europe/Amsterdam' });
      const monday = lastOfMarch.minus({ days: lastOfMarch.weekday % 7 }).plus({ days: 1 });
      if (monday > now.plus({ days: 1 })) return monday;
    }
  }
  const words = (d: DateTime) => d.setLocale('nl').toFormat('cccc d MMMM yyyy');

  it('a planned spreekuur: the next step and the notice say when, where and who; the .ics is in Amsterdam time', async () => {
    const monday = mondayAfterSpringChange();
    const tuesday = monday.plus({ days: 1 });
    const { id, reference } = await claimed('spreekuur');
    const form = (await anna().press(await view(id), 'Inplannen')).card!;
    const ok = await anna().press(form, 'Afspraak opslaan', { Datum: monday.toISODate(), Tijd: '10:00', Plaats: 'Op school' });
    expect(textOf(ok.card!)).toContain(`Ingepland: ${words(monday)} om 10:00, op school.`);
    const sentence = `Op ${words(monday)} om 10:00 komt Anna de Vries op school langs voor het spreekuur.`;
    const summary = (await carla().execute('request.view', { requestId: id })).card!;
    expect(textOf(summary)).toContain(`Volgende stap: ${sentence}`);
    await h.deliver();
    const notice = lastNotice();
    expect(textOf(notice)).toContain(sentence);

    const ics = await icsOf(notice);
    const { calendar, vevent, event } = eventOf(ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const dtstart = vevent.getFirstProperty('dtstart')!;
    expect(dtstart.getParameter('tzid')).toBe('Europe/Amsterdam');
    expect(event.startDate.toString()).toBe(`${monday.toISODate()}T10:00:00`);
    expect(event.startDate.toJSDate().toISOString()).toBe(`${monday.toISODate()}T08:00:00.000Z`);
    expect(event.endDate.toJSDate().toISOString()).toBe(`${monday.toISODate()}T09:00:00.000Z`);
    expect(event.summary).toBe(`Spreekuur Obs Het Kompas (${reference})`);
    expect(event.location).toBe('Obs Het Kompas (op school)');
    expect(event.uid).toBe(`${id}@sot-bot`);
    expect(event.sequence).toBe(0);
    expect(ics).not.toContain('faalangst'); // the question stays in the bot

    // Moved: the same UID, a higher SEQUENCE, the new time.
    const moveForm = (await anna().press(await view(id), 'Verzetten')).card!;
    await anna().press(moveForm, 'Verzetten', {
      'Nieuwe datum': tuesday.toISODate(),
      'Nieuwe tijd': '14:00',
      'Reden van verzetten': 'Studiedag',
      'Wat kan er tussentijds gebeuren, en door wie?': 'Niets nodig.',
    });
    await h.deliver();
    const movedNotice = lastNotice();
    expect(textOf(movedNotice)).toContain(`Op ${words(tuesday)} om 14:00 komt Anna de Vries op school langs voor het spreekuur.`);
    const moved = eventOf(await icsOf(movedNotice)).event;
    expect(moved.uid).toBe(`${id}@sot-bot`);
    expect(moved.sequence).toBe(1);
    expect(moved.startDate.toJSDate().toISOString()).toBe(`${tuesday.toISODate()}T12:00:00.000Z`);

    // Closed before it took place: the same link now cancels the event.
    const close = (await anna().press(await view(id), 'Afronden')).card!;
    await anna().press(close, 'Afronden', { Uitkomst: 'Advies gegeven' });
    await h.deliver();
    const closedNotice = lastNotice();
    expect(textOf(closedNotice)).toContain('De geplande afspraak gaat niet door');
    const cancelled = eventOf(await icsOf(closedNotice));
    expect(cancelled.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancelled.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.event.sequence).toBe(2);
  });

  it('an adviesvraag by phone: the next step says who calls, and the .ics names no pupil', async () => {
    const { id, reference } = await claimed('advies');
    const form = (await anna().press(await view(id), 'Inplannen')).card!;
    await anna().press(form, 'Afspraak opslaan', { Datum: isoDay(5), Tijd: '15:30', Plaats: 'Telefonisch' });
    const summary = (await carla().execute('request.view', { requestId: id })).card!;
    expect(textOf(summary)).toMatch(
      /Volgende stap: Op \w+ \d+ \w+ \d{4} om 15:30 belt Anna de Vries u voor een gesprek over de adviesvraag\./,
    );
    await h.deliver();
    const ics = await icsOf(lastNotice());
    const { event } = eventOf(ics);
    expect(event.summary).toBe(`Adviesvraag Obs Het Kompas (${reference})`);
    expect(event.location).toBe('Telefonisch');
    expect(ics).not.toMatch(/Noor|Jansen/);
    expect(ics).not.toContain('TLV cluster 3 passend');

    // Once the moment has passed, the next step no longer announces it.
    const start = clock.now();
    clock.set(DateTime.fromJSDate(start).plus({ days: 6 }).toJSDate());
    try {
      const after = (await carla().execute('request.view', { requestId: id })).card!;
      expect(textOf(after)).toMatch(
        /Volgende stap: De afspraak was \w+ \d+ \w+ \d{4} om 15:30, telefonisch\. Anna de Vries rondt de aanvraag af of plant een nieuwe afspraak\./,
      );
    } finally {
      clock.set(start);
    }
  });

  it('a thuiszitter follow-up online: "spreekt u … online (Teams)", and the .ics names no pupil', async () => {
    const { id } = await claimed('thuiszitter');
    const form = (await anna().press(await view(id), 'Inplannen')).card!;
    await anna().press(form, 'Afspraak opslaan', { Datum: isoDay(4), Tijd: '11:00', Plaats: 'Online (Teams)' });
    await h.deliver();
    const notice = lastNotice();
    expect(textOf(notice)).toMatch(/om 11:00 spreekt u Anna de Vries online \(Teams\) voor een gesprek over de thuiszittermelding\./);
    const ics = await icsOf(notice);
    expect(ics).not.toMatch(/Jan|Boer/);
  });

  it('closed another way (terug naar school) before the appointment: the school is told it does not take place, with the cancellation', async () => {
    const { id } = await claimed('thuiszitter');
    const form = (await anna().press(await view(id), 'Inplannen')).card!;
    await anna().press(form, 'Afspraak opslaan', { Datum: isoDay(4), Tijd: '11:00', Plaats: 'Op school' });
    const back = (await anna().press(await view(id), 'Terug naar school')).card!;
    const done = await anna().press(back, 'Vastleggen', {
      'Terug naar school op': isoDay(0),
      'Volledig of gedeeltelijk': 'Volledig',
      Afronden: 'true',
    });
    expect(textOf(done.card!)).toContain('Vastgelegd en afgerond.');
    await h.deliver();
    const notice = lastNotice();
    expect(textOf(notice)).toContain('De geplande afspraak gaat niet door');
    const cancelled = eventOf(await icsOf(notice));
    expect(cancelled.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
  });
});
