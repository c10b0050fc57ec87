// Bereikbaarheid: the organisation file's optional swv.contact block (checked with JSON paths, stored,
// imported idempotently; a file without it stays valid and means what it did), and the contact card and
// help card per role: a coordinator sees the office and their school's own consultant (one line per
// school), SOT staff the office only, and without a contact block a line that it was not filled in yet.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateOrgFile } from '../bot/features/organisation/orgFile.ts';
import { describeImportSummary, importOrganisation } from '../bot/features/organisation/importOrganisation.ts';
import { CONTACT_TYPED } from '../bot/features/contact/index.ts';
import { hoursByDay } from '../bot/features/contact/contact.ts';
import { REMINDER_SETTINGS_TYPED } from '../bot/features/reminders/index.ts';
import { FORM_ENTRIES } from '../bot/domain/requests/kinds.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { PEOPLE } from './support/org.ts';
import { findAction, textOf } from './support/cards.ts';

type Raw = Record<string, any>;
const exampleText = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/org.example.json'), 'utf8');
const example = (): Raw => JSON.parse(exampleText);

const CONTACT = {
  hours: [
    { day: 'Maandag', from: '08:30', to: '16:30' },
    { day: 'dinsdag', from: '08:30', to: '16:30' },
    { day: 'donderdag', from: '08:30', to: '16:30' },
    { day: 'vrijdag', from: '08:30', to: '12:00' },
  ],
  phone: '0512 123 456',
  email: 'SOT@swv-voorbeeld.nl',
  note: 'Spreek niet in maar stuur een e-mail.',
};
const withContact = (contact: unknown = CONTACT): Raw => {
  const raw = example();
  raw.swv.contact = contact;
  return raw;
};

function errorsOf(raw: unknown) {
  const result = validateOrgFile(raw);
  if (result.ok) throw new Error('expected errors');
  return Object.fromEntries(result.errors.map((e) => [e.path, e.message]));
}

describe('swv.contact in the organisation file', () => {
  it('is optional: the example file without it is valid and has no contact', () => {
    const result = validateOrgFile(example());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.file.swv.contact).toBeUndefined();
  });

  it('accepts office days and hours, phone, e-mail and a note; days and e-mail in lower case', () => {
    const result = validateOrgFile(withContact());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.swv.contact).toEqual({
      ...CONTACT,
      hours: CONTACT.hours.map((h) => ({ ...h, day: h.day.toLowerCase() })),
      email: 'sot@swv-voorbeeld.nl',
    });
    // Any part alone is enough; a split day (morning and afternoon) too.
    expect(validateOrgFile(withContact({ note: 'Bel op maandag.' })).ok).toBe(true);
    expect(
      validateOrgFile(
        withContact({
          hours: [
            { day: 'woensdag', from: '08:30', to: '12:00' },
            { day: 'woensdag', from: '13:00', to: '16:30' },
          ],
        }),
      ).ok,
    ).toBe(true);
  });

  it('lists every mistake with its JSON path, in Dutch', () => {
    const errors = errorsOf(
      withContact({
        hours: [
          { day: 'maandagg', from: '08:30', to: '16:30' },
          { day: 'dinsdag', from: '8:30', to: '16:30' },
          { day: 'woensdag', from: '16:30', to: '08:30' },
          { day: 'woensdag', from: '08:00', to: '10:00' },
          { day: 'woensdag', from: '09:00', to: '11:00' },
          { from: '09:00', to: '11:00' },
        ],
        phone: 'bel ons',
        email: 'sot-at-swv.nl',
        note: 'x'.repeat(301),
      }),
    );
    expect(errors).toEqual({
      '$.swv.contact.hours[0].day': "moet een van maandag, dinsdag, woensdag, donderdag, vrijdag, zaterdag, zondag zijn (nu: 'maandagg')",
      '$.swv.contact.hours[1].from': 'is geen tijd: schrijf UU:MM, bijvoorbeeld 08:30',
      '$.swv.contact.hours[2].to': 'moet later zijn dan from (16:30)',
      '$.swv.contact.hours[4]': 'overlapt met $.swv.contact.hours[3] (woensdag 08:00–10:00)',
      '$.swv.contact.hours[5].day': 'ontbreekt; dit veld is verplicht',
      '$.swv.contact.phone': expect.stringContaining('is geen telefoonnummer'),
      '$.swv.contact.email': expect.stringContaining('is geen geldig e-mailadres'),
      '$.swv.contact.note': 'is langer dan 300 tekens; houd de opmerking kort',
    });
  });

  it('refuses an empty block and a block of the wrong type', () => {
    expect(errorsOf(withContact({}))).toEqual({
      '$.swv.contact': 'is leeg: vul ten minste een van hours, phone, email of note in, of laat contact weg',
    });
    expect(errorsOf(withContact('ma-vr 9-17'))['$.swv.contact']).toContain('moet een object ({ … }) zijn');
    expect(errorsOf(withContact({ hours: 'maandag' }))['$.swv.contact.hours']).toContain('moet een lijst ([ … ]) zijn');
  });

  it('groups days with the same hours, in week order', () => {
    expect(
      hoursByDay([
        { day: 'vrijdag', from: '08:30', to: '12:00' },
        { day: 'maandag', from: '08:30', to: '16:30' },
        { day: 'woensdag', from: '13:00', to: '16:30' },
        { day: 'woensdag', from: '08:30', to: '12:00' },
        { day: 'dinsdag', from: '08:30', to: '16:30' },
      ]),
    ).toEqual([
      { days: 'maandag en dinsdag', times: '08:30–16:30' },
      { days: 'woensdag', times: '08:30–12:00 en 13:00–16:30' },
      { days: 'vrijdag', times: '08:30–12:00' },
    ]);
  });
});

describe('the typed words', () => {
  it('"contact" and "herinneringen" start no request dialog, and no other command takes them', () => {
    for (const word of ['contact', 'Contact?', 'contactgegevens', 'bereikbaarheid']) {
      expect(CONTACT_TYPED.test(word)).toBe(true);
      expect(Object.values(FORM_ENTRIES).filter((e) => e.typed.test(word))).toEqual([]);
    }
    for (const word of ['herinneringen', 'Herinneringen instellen', 'instellingen']) {
      expect(REMINDER_SETTINGS_TYPED.test(word)).toBe(true);
      expect(Object.values(FORM_ENTRIES).filter((e) => e.typed.test(word))).toEqual([]);
    }
    // Sentences about a request stay with that request.
    expect(CONTACT_TYPED.test('contact over een thuiszitter')).toBe(false);
    expect(REMINDER_SETTINGS_TYPED.test('herinnering spreekuur')).toBe(false);
  });
});

describe('importing the contact block', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  const file = (raw: Raw) => {
    const result = validateOrgFile(raw);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.file;
  };
  const swv = () => h.db.prisma.swv.findFirstOrThrow();

  it('stores it, writes nothing the second time, updates a change and clears it when the file has none', async () => {
    const first = await importOrganisation(h.db.prisma, file(withContact()), 'test');
    expect(first.swv.created).toBe(true);
    expect((await swv()).contact).toEqual({
      hours: CONTACT.hours.map((x) => ({ ...x, day: x.day.toLowerCase() })),
      phone: '0512 123 456',
      email: 'sot@swv-voorbeeld.nl',
      note: 'Spreek niet in maar stuur een e-mail.',
    });
    const audits = await h.db.prisma.auditEntry.count({ where: { action: 'org.import' } });
    const again = await importOrganisation(h.db.prisma, file(withContact()), 'test');
    expect(again.changed).toBe(false);
    expect(describeImportSummary(again)).toBe('Geen wijzigingen: het bestand komt overeen met de database.');
    expect(await h.db.prisma.auditEntry.count({ where: { action: 'org.import' } })).toBe(audits);

    const changed = await importOrganisation(h.db.prisma, file(withContact({ ...CONTACT, phone: '0512 999 999' })), 'test');
    expect(changed.swv.updated).toBe(true);
    expect(describeImportSummary(changed)).toBe('Organisatie geïmporteerd: gegevens van het samenwerkingsverband bijgewerkt.');
    expect((await swv()).contact).toMatchObject({ phone: '0512 999 999' });

    const without = await importOrganisation(h.db.prisma, file(example()), 'test');
    expect(without.swv.updated).toBe(true);
    expect((await swv()).contact).toBeNull();
    expect((await importOrganisation(h.db.prisma, file(example()), 'test')).changed).toBe(false);
  });
});

describe('the contact card and the help card', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    // Dirk coordinates both schools (Cbs De Ark with Bram, Obs Het Kompas with Anna).
    const raw = withContact();
    raw.schools[0].coordinators.push('p-dirk');
    const result = validateOrgFile(raw);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    await importOrganisation(h.db.prisma, result.file, 'test');
  });
  afterAll(() => h?.close());

  const lastCard = (person: keyof typeof PEOPLE) => textOf(h.connector.cardsIn(h.client(PEOPLE[person]).conversationId).at(-1)!);

  it('a coordinator types "contact": the office and their own consultant', async () => {
    await h.client(PEOPLE.carla).say('contact');
    const text = lastCard('carla');
    expect(text).toContain('Contact met het SOT');
    expect(text).toContain('SOT-bureau van Samenwerkingsverband Voorbeeldstreek PO');
    expect(text).toContain('maandag, dinsdag en donderdag: 08:30–16:30');
    expect(text).toContain('vrijdag: 08:30–12:00');
    expect(text).toContain('Telefoon: 0512 123 456');
    expect(text).toContain('E-mail: sot@swv-voorbeeld.nl');
    expect(text).toContain('Spreek niet in maar stuur een e-mail.');
    expect(text).toContain('Uw consulent\nObs Het Kompas: Anna de Vries, anna.devries@swv-voorbeeld.nl');
    expect(text).not.toContain('Bram Visser');
  });

  it('a coordinator of two schools gets one line per school', async () => {
    const card = (await h.client(PEOPLE.dirk).execute('contact.show')).card!;
    const text = textOf(card);
    expect(text).toContain('Uw consulenten');
    expect(text).toContain('Cbs De Ark: Bram Visser, bram.visser@swv-voorbeeld.nl');
    expect(text).toContain('Obs Het Kompas: Anna de Vries, anna.devries@swv-voorbeeld.nl');
  });

  it('SOT staff see the office only', async () => {
    for (const person of ['anna', 'eva'] as const) {
      await h.client(PEOPLE[person]).say('bereikbaarheid');
      const text = lastCard(person);
      expect(text).toContain('Telefoon: 0512 123 456');
      expect(text).not.toContain('Uw consulent');
    }
  });

  it('the help card says the same, and the menu has a button for it', async () => {
    await h.client(PEOPLE.carla).say('help');
    const help = lastCard('carla');
    expect(help).toContain('**Contact met het SOT-bureau** (Samenwerkingsverband Voorbeeldstreek PO)');
    expect(help).toContain('Bereikbaar: maandag, dinsdag en donderdag 08:30–16:30; vrijdag 08:30–12:00.');
    expect(help).toContain('Telefoon 0512 123 456, e-mail sot@swv-voorbeeld.nl.');
    expect(help).toContain('Uw consulent (Obs Het Kompas): Anna de Vries, anna.devries@swv-voorbeeld.nl.');
    const anna = textOf((await h.client(PEOPLE.anna).execute('menu.help')).card!);
    expect(anna).toContain('Spreek niet in maar stuur een e-mail.');
    expect(anna).not.toContain('Uw consulent');
    await h.client(PEOPLE.carla).say('menu');
    const menu = h.connector.cardsIn(h.client(PEOPLE.carla).conversationId).at(-1)!;
    expect(findAction(menu, 'Contact met het SOT').verb).toBe('contact.show');
  });

  it('without a contact block: a line that the office has not filled it in yet, and the consultant', async () => {
    const raw = example();
    raw.schools[0].coordinators.push('p-dirk');
    const result = validateOrgFile(raw);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    await importOrganisation(h.db.prisma, result.file, 'test');
    const text = textOf((await h.client(PEOPLE.carla).execute('contact.show')).card!);
    expect(text).toContain('Het SOT-bureau heeft zijn bereikbaarheid (dagen, tijden, telefoon en e-mail) nog niet ingevuld.');
    expect(text).toContain('Obs Het Kompas: Anna de Vries, anna.devries@swv-voorbeeld.nl');
    expect(text).not.toContain('Telefoon');
    await h.client(PEOPLE.carla).say('help');
    expect(lastCard('carla')).toContain('Het SOT-bureau heeft zijn bereikbaarheid nog niet ingevuld.');
  });

  it('a school whose consultant left: a line to contact the office', async () => {
    await h.db.prisma.consultant.updateMany({ where: { person: { name: 'Anna de Vries' } }, data: { active: false } });
    const text = textOf((await h.client(PEOPLE.carla).execute('contact.show')).card!);
    expect(text).toContain('Obs Het Kompas: nog geen vaste consulent; neem contact op met het SOT-bureau');
    await h.db.prisma.consultant.updateMany({ where: { person: { name: 'Anna de Vries' } }, data: { active: true } });
  });
});
