import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';
import { ANNA_CHANNEL, importFixture, PEOPLE } from './support/org.ts';
import { actionsOf, inputsOf, textOf, type Card } from './support/cards.ts';
import { isoDay } from './support/dates.ts';
import type { TeamsClient } from './support/teamsClient.ts';
import { FORMS } from './support/requests.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await importFixture(h.db);
  await h.client(PEOPLE.eva).say('hallo'); // the admin has a chat with the bot
});
afterAll(() => h?.close());
beforeEach(() => h.connector.reset());

const lastCard = (client: TeamsClient): Card => h.connector.cardsIn(client.conversationId).at(-1)!;

const THUISZITTER = {
  'Soort melding': 'Thuiszitter',
  'Eerste verzuimdag': isoDay(-40),
  'Belangrijkste reden': 'Schoolweigering of schoolangst',
  'Wat heeft de school al geprobeerd?': 'Gesprekken met ouders, aangepast rooster.',
  'Uw vraag aan het SOT': 'Graag meedenken over een passend aanbod.',
};

async function fileThuiszitter(client: TeamsClient, pupil: Record<string, unknown>) {
  await client.say('thuiszitter melden');
  const review = await client.press(lastCard(client), 'Controleren', { ...THUISZITTER, ...pupil });
  return review;
}

describe('thuiszitter melden', () => {
  it.each([
    ['the "anoniem sparren" toggle', { 'Anoniem sparren': 'true' }],
    ['name "xxx"', { 'Naam leerling': 'xxx', 'Geboortedatum (dd-mm-jjjj)': '' }],
    ['birth date 00-00-00', { 'Naam leerling': '', 'Geboortedatum (dd-mm-jjjj)': '00-00-00' }],
  ])('accepts anonymous sparring via %s, and states the DUO/OT duty after 4 weeks', async (_how, pupil) => {
    const carla = h.client(PEOPLE.carla);
    const review = await fileThuiszitter(carla, pupil);
    const text = textOf(review.card!);
    expect(text).toContain('Controleer uw aanvraag');
    expect(text).toContain('Anoniem (sparren)');
    expect(text).toContain('DUO- en OT-melding: nog te doen — 5 weken verzuim');
    expect(text.match(/DUO/g)).toHaveLength(1); // the duty is said once, in one row
    const sent = await carla.press(review.card!, 'Versturen');
    expect(textOf(sent.card!)).toMatch(/SOT-\d{4}-\d{4}/);
    const stored = await h.db.prisma.request.findFirstOrThrow({ where: { type: 'thuiszitter' }, orderBy: { createdAt: 'desc' } });
    expect(stored.pupil).toEqual({ kind: 'anonymous' });
  });

  it('shows the pupil by name to the coordinator but only initials in the channel', async () => {
    const carla = h.client(PEOPLE.carla);
    const review = await fileThuiszitter(carla, { 'Naam leerling': 'Jan de Boer', 'Geboortedatum (dd-mm-jjjj)': '14-03-2014' });
    expect(textOf(review.card!)).toContain('Jan de Boer');
    await carla.press(review.card!, 'Versturen');
    await h.deliver();
    const card = h.connector.threadsInChannel(ANNA_CHANNEL.channelId).at(-1)!.params.activity.attachments[0].content;
    expect(textOf(card)).not.toContain('J.B.'); // the shared card has no pupil details at all
    expect(textOf(card)).not.toContain('Jan de Boer');
    const stored = await h.db.prisma.request.findFirstOrThrow({ where: { type: 'thuiszitter' }, orderBy: { createdAt: 'desc' } });
    const own = await h
      .client(PEOPLE.anna, { id: ANNA_CHANNEL.channelId, type: 'channel', ...ANNA_CHANNEL })
      .execute('request.refresh', { requestId: stored.id });
    expect(textOf(own.card!)).toContain('J.B.');
    expect(textOf(own.card!)).not.toContain('Jan de Boer');
    expect(textOf(own.card!)).not.toContain('2014');
  });

  it('refuses a first absence day in the future and a birth date that does not exist, keeping the input', async () => {
    const carla = h.client(PEOPLE.carla);
    const before = await h.db.prisma.request.count();
    const res = await fileThuiszitter(carla, {
      'Naam leerling': 'Piet Jansen',
      'Geboortedatum (dd-mm-jjjj)': '31-02-2014',
      'Eerste verzuimdag': isoDay(3),
    });
    const text = textOf(res.card!);
    expect(text).toContain('kan niet in de toekomst liggen');
    expect(text).toContain('bestaande geboortedatum');
    expect(inputsOf(res.card!).find((i) => i.id === 'pupilName')?.value).toBe('Piet Jansen');
    expect(await h.db.prisma.request.count()).toBe(before);
  });
});

describe('JES-overleg plannen', () => {
  it('pre-fills the standing members, always includes consultant and SMW, and needs moments in the future', async () => {
    const carla = h.client(PEOPLE.carla);
    await carla.say('jes plannen');
    const form = lastCard(carla);
    const text = textOf(form);
    expect(text).toContain('Anna de Vries (SOT-consulent) en Fatima El Amrani (schoolmaatschappelijk werk)');
    const participants = inputsOf(form).find((i) => i.id === 'participants')!;
    expect(String(participants.value)).toMatch(/^member:/); // Gert Jonker (leerplicht) pre-selected
    expect(participants.choices!.map((c) => c.title).join('|')).toContain('Gert Jonker');

    const bad = await carla.press(form, 'Controleren', {
      'Leerling (initialen) of onderwerp': 'K.L., groep 7',
      'De vraag voor het overleg': 'Afstemmen hulpverlening thuis en school.',
      'Moment 1: datum': isoDay(-1),
      'Moment 1: begintijd': '14:00',
      Locatie: 'Op school',
    });
    expect(textOf(bad.card!)).toContain('moet vandaag of later zijn');

    const review = await carla.press(bad.card!, 'Controleren', {
      'Moment 1: datum': isoDay(10),
      'Moment 2: datum': isoDay(11),
      'Moment 2: begintijd': '09:30',
    });
    const reviewText = textOf(review.card!);
    expect(reviewText).toContain('Gert Jonker (leerplicht)');
    expect(reviewText).toContain('Fatima El Amrani');
    expect(reviewText).toMatch(/om 14:00; .* om 09:30/);
    const sent = await carla.press(review.card!, 'Versturen');
    expect(textOf(sent.card!)).toContain('JES-overleg');
  });
});

describe('several schools, duplicates, access', () => {
  it('lets a coordinator of two schools choose the school first; one school never asks', async () => {
    const dirk = await h.db.prisma.person.findFirstOrThrow({ where: { name: 'Dirk Bakker' } });
    const kompas = await h.db.prisma.school.findFirstOrThrow({ where: { name: 'Obs Het Kompas' } });
    await h.db.prisma.schoolCoordinator.create({ data: { schoolId: kompas.id, personId: dirk.id, source: 'approval' } });
    const client = h.client(PEOPLE.dirk);
    const start = await client.execute('spreekuur.start');
    expect(inputsOf(start.card!).map((i) => i.label)).toEqual(['School']);
    const form = await client.press(start.card!, 'Verder', { School: 'Obs Het Kompas' });
    expect(textOf(form.card!)).toContain('Obs Het Kompas · uw SOT-consulent: Anna de Vries');
    // A forged school id (not one of his) is refused.
    const forged = await client.execute('spreekuur.review', { schoolId: 'not-mine', question: 'x' });
    expect(textOf(forged.card!)).toContain('Kies een van uw scholen');
  });

  it('control characters in a text (a NUL pasted from another program) are cleaned at Controleren and stored clean', async () => {
    const carla = h.client(PEOPLE.carla);
    await carla.say('spreekuur');
    const review = await carla.press(lastCard(carla), 'Controleren', {
      ...FORMS.spreekuur,
      'Uw vraag (kort)': 'Met\u0000 een nul\u0007teken',
    });
    expect(textOf(review.card!)).toContain('Met een nulteken');
    const sent = await carla.press(review.card!, 'Versturen');
    const reference = /SOT-\d{4}-\d{4}/.exec(textOf(sent.card!))?.[0];
    expect(reference).toBeDefined();
    const stored = await h.db.prisma.request.findUniqueOrThrow({ where: { reference } });
    expect(JSON.stringify(stored.details)).toContain('Met een nulteken');
  });

  it('a double click on Versturen creates one request and one post', async () => {
    const carla = h.client(PEOPLE.carla);
    await carla.say('spreekuur');
    const review = await carla.press(lastCard(carla), 'Controleren', {
      ...FORMS.spreekuur,
      'Uw vraag (kort)': 'Dubbel?',
      Urgentie: 'Hoog (graag binnen een week)',
    });
    const before = await h.db.prisma.request.count();
    const [a, b] = await Promise.all([carla.press(review.card!, 'Versturen'), carla.press(review.card!, 'Versturen')]);
    const again = await carla.press(review.card!, 'Versturen');
    expect(await h.db.prisma.request.count()).toBe(before + 1);
    const refs = [a, b, again].map((r) => /SOT-\d{4}-\d{4}/.exec(textOf(r.card!))?.[0]);
    expect(new Set(refs).size).toBe(1);
    await h.deliver();
    expect(
      h.connector
        .threadsInChannel(ANNA_CHANNEL.channelId)
        .filter((t) => textOf(t.params.activity.attachments[0].content).includes(refs[0]!)),
    ).toHaveLength(1);
  });

  it('an unknown person cannot file; a consultant files only on behalf of a school, which they pick first', async () => {
    const stranger = h.client({ id: '29:x', aadObjectId: '00000000-0000-4000-8000-00000000abcd', name: 'Onbekend' });
    const res = await stranger.execute('request.confirm', { type: 'spreekuur', schoolId: 'x', submissionId: 'forged', values: {} });
    expect(textOf(res.card!)).toContain('Ik ken u nog niet');
    const anna = h.client(PEOPLE.anna);
    const res2 = await anna.execute('thuiszitter.start');
    expect(textOf(res2.card!)).toContain('Thuiszitter melden');
    expect(actionsOf(res2.card!).map((a) => a.title)).toContain('Verder'); // the school picker, not the form
    expect(await h.db.prisma.request.count({ where: { submissionKey: 'forged' } })).toBe(0);
  });
});

describe('routing and delivery faults', () => {
  it('posts exactly once when Teams answers 500 and 429 first', async () => {
    const carla = h.client(PEOPLE.carla);
    await carla.say('spreekuur');
    const review = await carla.press(lastCard(carla), 'Controleren', { ...FORMS.spreekuur, 'Uw vraag (kort)': 'Fouten bij Teams' });
    h.connector.failNext({ status: 500 }, { status: 429, retryAfterSeconds: 1 });
    const sent = await carla.press(review.card!, 'Versturen');
    const reference = /SOT-\d{4}-\d{4}/.exec(textOf(sent.card!))![0];
    for (let i = 0; i < 3; i++) {
      await h.db.prisma.delivery.updateMany({ where: { status: 'pending' }, data: { nextAttemptAt: new Date(Date.now() - 1) } });
      await h.deliver();
    }
    expect(
      h.connector
        .threadsInChannel(ANNA_CHANNEL.channelId)
        .filter((t) => textOf(t.params.activity.attachments[0].content).includes(reference)),
    ).toHaveLength(1);
  });

  it('posts a request saved just before a restart once, after the restart', async () => {
    const carla = h.client(PEOPLE.carla);
    await carla.say('spreekuur');
    const review = await carla.press(lastCard(carla), 'Controleren', { ...FORMS.spreekuur, 'Uw vraag (kort)': 'Net voor de herstart' });
    await h.bot.delivery.stop(); // the process goes down right after saving: nothing is sent
    const sent = await carla.press(review.card!, 'Versturen');
    const reference = /SOT-\d{4}-\d{4}/.exec(textOf(sent.card!))![0];
    const posted = () =>
      h.connector
        .threadsInChannel(ANNA_CHANNEL.channelId)
        .filter((t) => textOf(t.params.activity.attachments[0].content).includes(reference));
    expect(posted()).toHaveLength(0);
    await h.restart();
    await h.deliver();
    await h.deliver();
    expect(posted()).toHaveLength(1);
  });

  it('sends requests of a consultant without a channel to the SOT admins, with a notice', async () => {
    const dirk = h.client(PEOPLE.dirk);
    await dirk.say('spreekuur');
    let card = lastCard(dirk);
    if (inputsOf(card).some((i) => i.label === 'School')) card = (await dirk.press(card, 'Verder', { School: 'Cbs De Ark' })).card!;
    const review = await dirk.press(card, 'Controleren', { ...FORMS.spreekuur, 'Uw vraag (kort)': 'Zonder kanaal' });
    const sent = await dirk.press(review.card!, 'Versturen');
    const reference = /SOT-\d{4}-\d{4}/.exec(textOf(sent.card!))![0];
    await h.deliver();
    const eva = h.client(PEOPLE.eva);
    const text = h.connector.cardsIn(eva.conversationId).map(textOf).join('\n');
    expect(text).toContain(reference);
    expect(text).toContain('Bram Visser heeft nog geen kanaal gekoppeld');
    expect(text).not.toContain('Zonder kanaal'); // details only in the admin's own view
    const request = await h.db.prisma.request.findUniqueOrThrow({ where: { reference } });
    expect(textOf((await eva.execute('request.refresh', { requestId: request.id })).card!)).toContain('Zonder kanaal');
  });
});

describe('mijn aanvragen and withdrawing', () => {
  it('lists requests with status and consultant, opens one, and withdraws it; the channel card shows it', async () => {
    const carla = h.client(PEOPLE.carla);
    await carla.say('mijn aanvragen');
    const list = lastCard(carla);
    expect(textOf(list)).toContain('Mijn aanvragen');
    expect(textOf(list)).toContain('Nieuw, nog niet opgepakt');
    const first = /Bekijk (SOT-\d{4}-\d{4})/.exec(textOf(list))![1]!;
    const view = await carla.press(list, `Bekijk ${first}`);
    expect(textOf(view.card!)).toContain('Geschiedenis');
    expect(textOf(view.card!)).toContain('Verstuurd door Carla Smit');

    const withdrawn = await carla.press(view.card!, 'Intrekken');
    expect(textOf(withdrawn.card!)).toContain('De aanvraag is ingetrokken');
    expect(textOf(withdrawn.card!)).not.toContain('Intrekken\n');
    const twice = await carla.press(view.card!, 'Intrekken');
    expect(textOf(twice.card!)).toContain('Ingetrokken');
    const request = await h.db.prisma.request.findFirstOrThrow({ where: { reference: first }, include: { events: true } });
    expect(request.status).toBe('withdrawn');
    expect(request.events.filter((e) => e.action === 'withdrawn')).toHaveLength(1);

    await h.deliver();
    expect(
      h.connector.updates.some((u) => JSON.stringify(u.activity).includes(first) && JSON.stringify(u.activity).includes('Ingetrokken')),
    ).toBe(true);
  });

  it("does not show another school's request", async () => {
    const other = await h.db.prisma.request.findFirstOrThrow({ where: { school: { name: 'Cbs De Ark' } } });
    const carla = h.client(PEOPLE.carla);
    const res = await carla.execute('request.view', { requestId: other.id });
    expect(textOf(res.card!)).toContain('Aanvraag niet gevonden');
  });
});
