// The year agenda in Teams: this month and the next for the viewer's audience, paging, the person's links,
// and admins adding, changing and removing items from the card (the import's checks and identity, audited,
// reminders stop). Every date is relative to the test clock, so the file passes at any TEST_NOW.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { entryKey, parseAgendaFile } from '../bot/features/agenda/agendaFile.ts';
import { importAgenda } from '../bot/features/agenda/importAgenda.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { importFixture, PEOPLE } from './support/org.ts';
import { actionsOf, inputsOf, textOf, type Card, type CardAction } from './support/cards.ts';
import { clock } from './support/clock.ts';
import type { TeamsClient } from './support/teamsClient.ts';

// The printable month and the feed are another feature's (links.ts); here their answer is set per test.
const ZONE = 'Europe/Amsterdam';
const VERA = { id: '29:vera', aadObjectId: '00000000-0000-4000-8000-000000000006', name: 'Vera Jansen' }; // coordinator of a VO school

/** The first day of this month (Dutch time) plus `months`. */
const monthStart = (months: number) => clock.dutch().startOf('month').plus({ months });
/** Day `day` of the month `months` from now, "YYYY-MM-DD". */
const day = (months: number, dayOfMonth: number) => monthStart(months).set({ day: dayOfMonth }).toISODate()!;
const lastDay = (months: number) => monthStart(months).endOf('month').day;
const month = (months: number) => monthStart(months).toFormat('yyyy-MM');
const monthName = (months: number) => monthStart(months).setLocale('nl').toFormat('LLLL yyyy');
const dayName = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).setLocale('nl').toFormat('cccc d MMMM');

const HOLIDAY = { from: day(0, lastDay(0) - 3), to: day(1, 4) };
const AGENDA = [
  'datum;titel;omschrijving;doelgroep;herinneren;soort;tot',
  `${day(0, 3)}T15:30;Netwerkbijeenkomst coördinatoren;Locatie: kantoor SWV, zaal 2.;alle;;;`,
  `${day(0, 10)};Ronde Kijk op School;;PO;;;`,
  `${day(0, 12)};Deadline aanmelding OPDC;;VO;;;`,
  `${HOLIDAY.from};Kerstvakantie;;alle;;vakantie;${HOLIDAY.to}`,
  `${day(1, 6)};Inleveren TLV-aanvragen;Via Onderwijs Transparant.;alle;;;`,
  `${day(2, 15)};Studiedag SOT;;PO;;;`,
];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await importFixture(h.db);
  const db = h.db.prisma;
  const swv = await db.swv.findFirstOrThrow();
  const anna = await db.person.findFirstOrThrow({ where: { name: 'Anna de Vries' } });
  const lyceum = await db.school.create({
    data: { swvId: swv.id, brin: '56EF00', name: 'Het Lyceum', sector: 'VO', consultantId: anna.id },
  });
  const vera = await db.person.create({
    data: { swvId: swv.id, name: VERA.name, email: 'v.jansen@lyceum.nl', aadObjectId: VERA.aadObjectId },
  });
  await db.schoolCoordinator.create({ data: { schoolId: lyceum.id, personId: vera.id, source: 'import' } });
  for (const p of [PEOPLE.carla, PEOPLE.dirk, PEOPLE.anna, PEOPLE.eva, VERA]) await h.client(p).say('hallo');
  await importAgenda(db, parsed(AGENDA), 'test');
});
afterAll(() => h?.close());
beforeEach(() => {
  h.connector.reset();
});

function parsed(lines: string[]) {
  const result = parseAgendaFile('jaaragenda.csv', lines.join('\n'), clock.now());
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.entries;
}

const carla = () => h.client(PEOPLE.carla);
const eva = () => h.client(PEOPLE.eva);
const buttons = (card: Card) =>
  actionsOf(card)
    .filter((a) => a.type === 'Action.Execute')
    .map((a) => a.title);
const show = async (client: TeamsClient, data: Record<string, unknown> = {}) => (await client.execute('agenda.show', data)).card!;
/** The month headings on the card, in order. */
const headings = (card: Card) =>
  textOf(card)
    .split('\n')
    .filter((line) => /^[A-Z][a-z]+ \d{4}$/.test(line));
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** An item's own button ("Wijzigen", "Verwijderen") on the managing card. */
function itemButton(card: Card, title: string, itemId: string): CardAction {
  const action = actionsOf(card).find((a) => a.title === title && a.data?.itemId === itemId);
  if (!action) throw new Error(`no "${title}" for ${itemId}: ${JSON.stringify(buttons(card))}`);
  return action;
}
const press = (client: TeamsClient, action: CardAction, values: Record<string, unknown> = {}) =>
  client.execute(action.verb!, { ...values, ...(action.data ?? {}) });
const itemNamed = (title: string) => h.db.prisma.agendaItem.findFirstOrThrow({ where: { title } });
const audits = (action: string) => h.db.prisma.auditEntry.findMany({ where: { action }, orderBy: { id: 'asc' } });
/** The add form, reached as an admin does: agenda, Beheren, Item toevoegen. */
async function addForm(): Promise<Card> {
  const managing = (await eva().press(await show(eva()), 'Beheren')).card!;
  return (await eva().press(managing, 'Item toevoegen')).card!;
}
const VALID = {
  Titel: 'Informatieavond ouders',
  'Omschrijving (optioneel)': 'Over passend onderwijs in de regio.',
  Doelgroep: 'PO',
  'Herinneren: hoeveel dagen van tevoren (optioneel)': '7,1',
};

describe('the agenda card', () => {
  it('a PO coordinator sees this month and the next, PO and "alle" items, in date order with Dutch day names', async () => {
    await carla().say('agenda');
    const card = h.connector.cardsIn(carla().conversationId).at(-1)!;
    const text = textOf(card);
    expect(text).toContain('Jaaragenda');
    expect(headings(card)).toEqual([capital(monthName(0)), capital(monthName(1))]);
    expect(text).toContain(
      `${capital(dayName(day(0, 3)))}, 15:30 uur\nNetwerkbijeenkomst coördinatoren\nLocatie: kantoor SWV, zaal 2.\nDoelgroep: alle scholen`,
    );
    expect(text).toContain(`${capital(dayName(day(0, 10)))}\nRonde Kijk op School\nDoelgroep: PO-scholen`);
    expect(text).not.toContain('OPDC'); // a VO item
    expect(text).not.toContain('Studiedag'); // the month after next
    expect(text.indexOf('Netwerkbijeenkomst')).toBeLessThan(text.indexOf('Ronde Kijk op School'));
    expect(text.indexOf('Ronde Kijk op School')).toBeLessThan(text.indexOf('Inleveren TLV-aanvragen'));
    expect(buttons(card)).not.toContain('Beheren');
    expect(buttons(card)).not.toContain('Wijzigen');
    expect(buttons(card)).toContain('Volgende maand');
  });

  it('a holiday shows as a period in both months it touches', async () => {
    const card = await show(carla());
    const period = `Kerstvakantie: ${dayName(HOLIDAY.from)} t/m ${dayName(HOLIDAY.to)}`;
    expect(textOf(card).split(period)).toHaveLength(3); // once per month
    expect(textOf(card)).toContain(`${period}\nSchoolvakantie · doelgroep: alle scholen`);
    // In the second month it is listed first: it runs through that month's first day.
    const second = textOf(card).slice(textOf(card).indexOf(capital(monthName(1))));
    expect(second.indexOf('Kerstvakantie')).toBeLessThan(second.indexOf('Inleveren TLV-aanvragen'));
  });

  it('a VO coordinator sees VO and "alle" items, not PO ones', async () => {
    const text = textOf(await show(h.client(VERA)));
    expect(text).toContain('Deadline aanmelding OPDC');
    expect(text).toContain('Netwerkbijeenkomst coördinatoren');
    expect(text).not.toContain('Ronde Kijk op School');
    expect(text).toContain('Afspraken voor uw school (VO) en voor alle scholen.');
  });

  it('SOT staff see every item; an admin can switch to managing', async () => {
    for (const person of [PEOPLE.anna, PEOPLE.eva]) {
      const text = textOf(await show(h.client(person)));
      for (const title of ['Netwerkbijeenkomst', 'Ronde Kijk op School', 'Deadline aanmelding OPDC', 'Kerstvakantie'])
        expect(text).toContain(title);
    }
    expect(buttons(await show(h.client(PEOPLE.anna)))).not.toContain('Beheren');
    const managing = (await eva().press(await show(eva()), 'Beheren')).card!;
    expect(buttons(managing)).toEqual(expect.arrayContaining(['Item toevoegen', 'Klaar met beheren', 'Wijzigen', 'Verwijderen']));
    // Each item has its own two buttons (Teams allows six per row).
    const network = await itemNamed('Netwerkbijeenkomst coördinatoren');
    expect(itemButton(managing, 'Wijzigen', network.id).verb).toBe('agenda.item.form');
  });

  it('is on the coordinator menu and the SOT home card', async () => {
    await carla().say('menu');
    const menu = h.connector.cardsIn(carla().conversationId).at(-1)!;
    expect(textOf((await carla().press(menu, 'Jaaragenda')).card!)).toContain('Ronde Kijk op School');
    await h.client(PEOPLE.anna).say('menu');
    const home = h.connector.cardsIn(h.client(PEOPLE.anna).conversationId).at(-1)!;
    expect(buttons(home)).toContain('Jaaragenda');
  });
});

describe('paging', () => {
  it('moves the two-month window by one month either way', async () => {
    const next = (await carla().press(await show(carla()), 'Volgende maand')).card!;
    expect(headings(next)).toEqual([capital(monthName(1)), capital(monthName(2))]);
    expect(textOf(next)).toContain('Studiedag SOT');
    expect(textOf(next)).not.toContain('Ronde Kijk op School');
    const back = (await carla().press(next, 'Vorige maand')).card!;
    const before = (await carla().press(back, 'Vorige maand')).card!;
    expect(headings(back)).toEqual([capital(monthName(0)), capital(monthName(1))]);
    expect(headings(before)).toEqual([capital(monthName(-1)), capital(monthName(0))]);
  });

  it('says kindly when a month is empty', async () => {
    const card = await show(carla(), { month: month(3) });
    expect(textOf(card)).toContain(`In ${monthName(3)} staat er niets in de jaaragenda voor u.`);
    expect(textOf(card)).toContain(`In ${monthName(4)} staat er niets in de jaaragenda voor u.`);
  });

  it('refuses a month outside the window (forged or very old card), and stops paging at its edges', async () => {
    for (const forged of ['1999-01', month(40), '2026-13', 'volgende', 202612, null]) {
      const card = await show(carla(), { month: forged });
      expect(textOf(card), String(forged)).toContain('Deze maand kan ik niet laten zien');
    }
    const lastYear = clock.dutch().year + 2;
    const last = await show(carla(), { month: `${lastYear}-11` });
    expect(headings(last)).toEqual([`November ${lastYear}`, `December ${lastYear}`]);
    expect(buttons(last)).toEqual(['Vorige maand', 'Naar het menu']);
  });

  it("shows the person's own print and Outlook links, and how to subscribe", async () => {
    const card = await show(carla(), { month: month(1) });
    const links = actionsOf(card).filter((a) => a.type === 'Action.OpenUrl') as { title?: string; url?: string }[];
    expect(links.map((a) => a.title)).toEqual(['Maand afdrukken', 'Agenda in Outlook']);
    expect(String(links[0]!.url)).toMatch(new RegExp(`/agenda/${month(1)}\\?token=[\\w-]{20,}$`));
    expect(String(links[1]!.url)).toMatch(/\/agenda\.ics\?token=[\w-]{20,}$/);
    expect(textOf(card)).toContain('Abonneren in Outlook of Google Agenda');
    expect(textOf(card)).toContain(String(links[1]!.url)); // the link to copy
    // Another person gets another link.
    const other = actionsOf(await show(eva(), { month: month(1) })).filter((a) => a.type === 'Action.OpenUrl') as { url?: string }[];
    expect(other[1]!.url).not.toBe(links[1]!.url);
  });
});

describe('admins change the agenda from the card', () => {
  it('adds a valid item, with the identity an import uses, audited; a later import updates it', async () => {
    const form = await addForm();
    const date = day(1, 20);
    const saved = await eva().press(form, 'Opslaan', {
      ...VALID,
      'Datum (bij een vakantie: de eerste dag)': date,
      'Tijd (optioneel; niet bij een vakantie)': '19:30',
    });
    expect(textOf(saved.card!)).toContain(`Toegevoegd: Informatieavond ouders (${dayName(date)}, 19:30 uur).`);
    expect(textOf(saved.card!)).toContain('Informatieavond ouders');
    const item = await itemNamed('Informatieavond ouders');
    expect(item).toMatchObject({ kind: 'activiteit', date, time: '19:30', audience: 'PO', remindDays: [7, 1], endDate: null });
    expect(item.itemKey).toBe(
      entryKey({
        kind: 'activiteit',
        date,
        time: '19:30',
        title: 'Informatieavond ouders',
        description: '',
        audience: 'PO',
        remindDays: [],
      }),
    );
    const [audit] = await audits('agenda.item.add');
    expect(audit).toMatchObject({ subjectType: 'agendaItem', subjectId: item.id, actorId: expect.any(String) });
    expect(textOf(await show(carla(), { month: month(1) }))).toContain('Informatieavond ouders');
    expect(textOf(await show(h.client(VERA), { month: month(1) }))).not.toContain('Informatieavond ouders');

    // The whole year imported again, with this item in it (a corrected description): updated, not doubled.
    const summary = await importAgenda(
      h.db.prisma,
      parsed([...AGENDA, `${date}T19:30;Informatieavond ouders;Nu in de aula.;PO;7,1;;`]),
      'test',
    );
    expect(summary).toMatchObject({ created: 0, updated: 1, removed: 0 });
    expect(await h.db.prisma.agendaItem.count({ where: { title: 'Informatieavond ouders' } })).toBe(1);
    expect((await itemNamed('Informatieavond ouders')).description).toBe('Nu in de aula.');
  });

  it('refuses an invalid item: a message per field, what was typed stays, nothing stored', async () => {
    const before = await h.db.prisma.agendaItem.count();
    const form = await addForm();
    const bad = await eva().press(form, 'Opslaan', {
      Titel: 'x'.repeat(201),
      Doelgroep: 'VO',
      'Herinneren: hoeveel dagen van tevoren (optioneel)': 'een week',
      Soort: 'Schoolvakantie',
      'Datum (bij een vakantie: de eerste dag)': day(1, 10),
      'Tot en met (alleen bij een vakantie: de laatste dag)': day(1, 2),
    });
    const text = textOf(bad.card!);
    expect(text).toContain('Niet alles is goed ingevuld');
    expect(text).toContain('Herinneren "een week" moet een lijst van dagen zijn, bijvoorbeeld 14,1.');
    expect(text).toContain(`De vakantie eindigt (${day(1, 2)}) vóór de eerste dag (${day(1, 10)}).`);
    expect(text).toContain('Titel is langer dan 200 tekens.');
    const value = (id: string) => inputsOf(bad.card!).find((i) => i.id === id)?.value;
    expect(value('herinneren')).toBe('een week');
    expect(value('titel')).toBe('x'.repeat(201));
    expect(value('tot')).toBe(day(1, 2));
    expect(value('soort')).toBe('vakantie');
    expect(value('doelgroep')).toBe('VO');

    // No date, and a holiday with a time: each said at its own field.
    const again = await eva().press(bad.card!, 'Opslaan', {
      Titel: 'Voorjaarsvakantie',
      'Herinneren: hoeveel dagen van tevoren (optioneel)': '',
      'Datum (bij een vakantie: de eerste dag)': '',
      'Tot en met (alleen bij een vakantie: de laatste dag)': '',
    });
    expect(textOf(again.card!)).toContain('Datum (bij een vakantie: de eerste dag)\nVul de datum in.');
    const timed = await eva().press(again.card!, 'Opslaan', {
      'Datum (bij een vakantie: de eerste dag)': day(1, 10),
      'Tijd (optioneel; niet bij een vakantie)': '09:00',
    });
    // Said at the time, the field that causes it.
    expect(textOf(timed.card!)).toContain(
      'Tijd (optioneel; niet bij een vakantie)\nEen vakantie duurt hele dagen: geef bij datum geen tijd',
    );
    expect(await h.db.prisma.agendaItem.count()).toBe(before);
    expect(await audits('agenda.item.add')).toHaveLength(1); // the valid one of the test before
  });

  it('changes an item in place; a new date gives it a new identity, as an import would', async () => {
    const item = await itemNamed('Ronde Kijk op School');
    const managing = (await eva().press(await show(eva()), 'Beheren')).card!;
    const form = (await press(eva(), itemButton(managing, 'Wijzigen', item.id))).card!;
    expect(inputsOf(form).find((i) => i.id === 'titel')?.value).toBe('Ronde Kijk op School');
    expect(inputsOf(form).find((i) => i.id === 'datum')?.value).toBe(item.date);
    const changed = await eva().press(form, 'Opslaan', { 'Omschrijving (optioneel)': 'Plan het bezoek met uw consulent.' });
    expect(textOf(changed.card!)).toContain('Gewijzigd: Ronde Kijk op School');
    expect(await itemNamed('Ronde Kijk op School')).toMatchObject({ id: item.id, description: 'Plan het bezoek met uw consulent.' });
    expect((await audits('agenda.item.change')).at(-1)).toMatchObject({
      subjectId: item.id,
      details: expect.objectContaining({ changed: ['description'] }),
    });

    const moved = day(0, 11);
    const form2 = (await press(eva(), itemButton(changed.card!, 'Wijzigen', item.id))).card!;
    const saved = await eva().press(form2, 'Opslaan', { 'Datum (bij een vakantie: de eerste dag)': moved });
    expect(textOf(saved.card!)).toContain(`Gewijzigd: Ronde Kijk op School (${dayName(moved)}).`);
    const now = await itemNamed('Ronde Kijk op School');
    expect(now.id).not.toBe(item.id);
    expect(now).toMatchObject({ date: moved, description: 'Plan het bezoek met uw consulent.', itemKey: `${moved}||ronde kijk op school` });
    expect(await h.db.prisma.agendaItem.count({ where: { title: 'Ronde Kijk op School' } })).toBe(1);
    expect((await audits('agenda.item.change')).at(-1)).toMatchObject({
      subjectId: now.id,
      details: expect.objectContaining({ replaces: item.id }),
    });

    // The same identity as another item is refused at the title.
    const form3 = (await press(eva(), itemButton(saved.card!, 'Wijzigen', now.id))).card!;
    const clash = await eva().press(form3, 'Opslaan', {
      Titel: 'Netwerkbijeenkomst coördinatoren',
      'Datum (bij een vakantie: de eerste dag)': day(0, 3),
      'Tijd (optioneel; niet bij een vakantie)': '15:30',
    });
    expect(textOf(clash.card!)).toContain('Er staat al een item met dezelfde datum, tijd en titel');
    expect(await itemNamed('Ronde Kijk op School')).toMatchObject({ id: now.id });
  });

  it('removes an item after confirmation: gone, audited, its queued reminders withdrawn, none on its day', async () => {
    // An item on a weekday after the school holiday above (reminders do not come in a holiday), reminded of on the day itself.
    let at = DateTime.fromISO(HOLIDAY.to, { zone: ZONE }).plus({ days: 3 });
    while (at.weekday > 5) at = at.plus({ days: 1 });
    const date = at.toISODate()!;
    const form = await addForm();
    await eva().press(form, 'Opslaan', {
      ...VALID,
      Titel: 'Studiemiddag zorgcoördinatoren',
      Doelgroep: 'alle',
      'Herinneren: hoeveel dagen van tevoren (optioneel)': '0',
      'Datum (bij een vakantie: de eerste dag)': date,
    });
    const item = await itemNamed('Studiemiddag zorgcoördinatoren');
    const onTheDay = DateTime.fromISO(`${date}T09:00`, { zone: ZONE }).toJSDate();
    const queued = () => h.db.prisma.delivery.count({ where: { dedupeKey: { startsWith: `agenda:${item.id}:` } } });
    let confirm: Card;
    await h.bot.delivery.stop(); // the reminders wait in the outbox (as when Teams is slow or the bot restarts)
    try {
      await h.bot.reminders.runOnce(onTheDay);
      expect(await queued()).toBe(3); // Carla, Dirk and Vera, not sent yet

      const managing = await show(eva(), { month: date.slice(0, 7), manage: true });
      confirm = (await press(eva(), itemButton(managing, 'Verwijderen', item.id))).card!;
      expect(textOf(confirm)).toContain('Item uit de jaaragenda verwijderen?');
      expect(textOf(confirm)).toContain('Studiemiddag zorgcoördinatoren');
      expect(await h.db.prisma.agendaItem.count({ where: { id: item.id } })).toBe(1); // asking removes nothing
      const removed = await eva().press(confirm, 'Ja, verwijderen');
      expect(textOf(removed.card!)).toContain('Verwijderd: Studiemiddag zorgcoördinatoren');
      expect(textOf(removed.card!)).not.toContain(`\nStudiemiddag zorgcoördinatoren\n`);
      expect(await h.db.prisma.agendaItem.count({ where: { id: item.id } })).toBe(0);
      expect(await queued()).toBe(0);
      expect((await audits('agenda.item.remove')).at(-1)).toMatchObject({ subjectId: item.id, subjectType: 'agendaItem' });
    } finally {
      h.bot.delivery.start();
    }

    // Its day: the scheduler finds nothing for it, and nobody hears of it.
    await h.bot.reminders.runOnce(DateTime.fromISO(`${date}T10:00`, { zone: ZONE }).toJSDate());
    expect(await queued()).toBe(0);
    await h.deliver();
    for (const p of [PEOPLE.carla, PEOPLE.dirk]) {
      expect(h.connector.cardsIn(h.client(p).conversationId).map(textOf).join('\n')).not.toContain('Studiemiddag');
    }

    // Pressed again (double click): still one removal.
    const twice = await eva().press(confirm, 'Ja, verwijderen');
    expect(textOf(twice.card!)).toContain('Verwijderd: Studiemiddag zorgcoördinatoren');
    expect((await audits('agenda.item.remove')).filter((a) => a.subjectId === item.id)).toHaveLength(1);
  });

  it('the same form submitted twice adds one item', async () => {
    const form = await addForm();
    const values = { ...VALID, Titel: 'Dubbel geklikt', 'Datum (bij een vakantie: de eerste dag)': day(1, 21) };
    const [first, second] = await Promise.all([eva().press(form, 'Opslaan', values), eva().press(form, 'Opslaan', values)]);
    for (const res of [first, second]) expect(textOf(res.card!)).toMatch(/Toegevoegd: Dubbel geklikt|Opgeslagen: Dubbel geklikt/);
    expect(await h.db.prisma.agendaItem.count({ where: { title: 'Dubbel geklikt' } })).toBe(1);
    const item = await itemNamed('Dubbel geklikt');
    expect((await audits('agenda.item.add')).filter((a) => a.subjectId === item.id)).toHaveLength(1);
    const third = await eva().press(form, 'Opslaan', values);
    expect(textOf(third.card!)).toContain('Opgeslagen: Dubbel geklikt.');
    expect(await h.db.prisma.agendaItem.count({ where: { title: 'Dubbel geklikt' } })).toBe(1);
  });

  it('refuses the edit verbs to anyone who is not an admin, and changes nothing', async () => {
    const item = await itemNamed('Netwerkbijeenkomst coördinatoren');
    const auditsBefore = await h.db.prisma.auditEntry.count({ where: { subjectType: 'agendaItem' } });
    const forged = {
      'agenda.item.form': { month: month(0), itemId: item.id },
      'agenda.item.save': {
        month: month(0),
        itemId: item.id,
        formId: 'f1',
        datum: day(0, 5),
        titel: 'Gekaapt',
        doelgroep: 'alle',
        soort: 'activiteit',
      },
      'agenda.item.remove.form': { month: month(0), itemId: item.id },
      'agenda.item.remove': { month: month(0), itemId: item.id, formId: 'f2' },
    };
    for (const client of [carla(), h.client(PEOPLE.anna)]) {
      for (const [verb, data] of Object.entries(forged)) {
        const res = await client.execute(verb, data);
        expect(textOf(res.card!), verb).toContain('Alleen beheerders van het SOT-bureau kunnen de jaaragenda aanpassen.');
      }
    }
    expect(await itemNamed('Netwerkbijeenkomst coördinatoren')).toMatchObject({ id: item.id, title: item.title, date: item.date });
    expect(await h.db.prisma.auditEntry.count({ where: { subjectType: 'agendaItem' } })).toBe(auditsBefore);
    // "manage" on a coordinator's card shows no edit buttons.
    const card = await show(carla(), { manage: true });
    expect(buttons(card)).not.toContain('Wijzigen');
    expect(buttons(card)).not.toContain('Item toevoegen');
  });
});
