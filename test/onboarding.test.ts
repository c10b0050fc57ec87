import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';
import { importFixture, PEOPLE } from './support/org.ts';
import { inputsOf, textOf } from './support/cards.ts';
import { cardsOf } from './support/connector.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await importFixture(h.db);
});
afterAll(() => h?.close());

describe('first conversation', () => {
  it('greets a known coordinator with the menu of request types', async () => {
    const carla = h.client(PEOPLE.carla);
    const res = await carla.say('hallo');
    expect(res.status).toBe(200);
    const card = h.connector.cardsIn(carla.conversationId).at(-1)!;
    const text = textOf(card);
    expect(text).toContain('Welkom, Carla!');
    expect(text).toContain('Obs Het Kompas');
    for (const option of ['Spreekuur aanvragen', 'Thuiszitter melden', 'JES-overleg plannen', 'Help']) expect(text).toContain(option);
  });

  it('greets SOT staff with what they do in their channels, and how to enter a request on a school’s behalf', async () => {
    const anna = h.client(PEOPLE.anna);
    await anna.say('hallo');
    const text = textOf(h.connector.cardsIn(anna.conversationId).at(-1)!);
    expect(text).toContain('Welkom, Anna!');
    expect(text).toContain('consulent');
    expect(text).toContain('Aanvragen van scholen verschijnen als kaart in het kanaal');
    expect(text).toContain('namens de school');
  });

  it('greets on install too', async () => {
    const dirk = h.client(PEOPLE.dirk);
    await dirk.installed();
    expect(textOf(h.connector.cardsIn(dirk.conversationId).at(-1)!)).toContain('Cbs De Ark');
  });

  it('answers a greeting right after the install welcome with a short line, not the whole menu again', async () => {
    const dirk = h.client(PEOPLE.dirk);
    await dirk.installed();
    const welcomes = h.connector.cardsIn(dirk.conversationId).length;
    await dirk.say('hallo');
    const cards = h.connector.cardsIn(dirk.conversationId);
    expect(cards).toHaveLength(welcomes + 1);
    const text = textOf(cards.at(-1)!);
    expect(text).toContain('Het menu staat hierboven');
    expect(text).not.toContain('Cbs De Ark');
    await dirk.say('menu');
    expect(textOf(h.connector.cardsIn(dirk.conversationId).at(-1)!)).toContain('Cbs De Ark');
  });

  it('tells a consultant to link a channel only while theirs is not linked', async () => {
    const anna = h.client(PEOPLE.anna); // her channel is linked in the fixture
    await anna.say('menu');
    expect(textOf(h.connector.cardsIn(anna.conversationId).at(-1)!)).not.toContain('Uw kanaal koppelen');
    const bram = h.client(PEOPLE.bram);
    await bram.say('menu');
    expect(textOf(h.connector.cardsIn(bram.conversationId).at(-1)!)).toContain('Uw kanaal koppelen');
  });

  it('answers a message that Teams delivers twice only once', async () => {
    const carla = h.client(PEOPLE.carla);
    const before = h.connector.messagesIn(carla.conversationId).length;
    const activity = { type: 'message', id: 'retried-activity-1', text: 'help' };
    await carla.post(activity);
    await carla.post(activity);
    expect(h.connector.messagesIn(carla.conversationId).length - before).toBe(1);
  });

  it('still answers when Teams retries a message whose first answer could not be sent', async () => {
    const carla = h.client(PEOPLE.carla);
    const before = h.connector.messagesIn(carla.conversationId).length;
    const activity = { type: 'message', id: 'retried-activity-2', text: 'help' };
    h.connector.failNext({ status: 403 }, { status: 403 }); // the answer and the apology both fail
    await carla.post(activity);
    expect(h.connector.messagesIn(carla.conversationId).length).toBe(before);
    await carla.post(activity);
    expect(h.connector.messagesIn(carla.conversationId).length - before).toBe(1);
  });

  it('answers help in Dutch', async () => {
    const carla = h.client(PEOPLE.carla);
    await carla.say('help');
    expect(textOf(h.connector.cardsIn(carla.conversationId).at(-1)!)).toContain('Hulp bij de SOT-bot');
  });

  it('recognises a person by e-mail on first contact and stores the Teams id', async () => {
    // Dirk's Teams id is removed from the directory; Teams' member API still knows his e-mail.
    await h.db.prisma.person.updateMany({ where: { email: 'd.bakker@cbs-ark.nl' }, data: { aadObjectId: null } });
    const newAad = '11111111-2222-4333-8444-555555555555';
    h.connector.setMember('29:dirk-new', { aadObjectId: newAad, name: 'Dirk Bakker', email: 'D.Bakker@cbs-ark.nl' });
    const dirk = h.client({ id: '29:dirk-new', aadObjectId: newAad, name: 'Dirk Bakker' });
    await dirk.say('hallo');
    expect(textOf(h.connector.cardsIn(dirk.conversationId).at(-1)!)).toContain('Welkom, Dirk!');
    const person = await h.db.prisma.person.findFirst({ where: { email: 'd.bakker@cbs-ark.nl' } });
    expect(person?.aadObjectId).toBe(newAad);
  });
});

describe('registration of someone the directory does not know', () => {
  it('asks an unknown person for their school, and gives no access to request dialogs', async () => {
    const stranger = h.client(PEOPLE.stranger);
    await stranger.say('hallo');
    const card = h.connector.cardsIn(stranger.conversationId).at(-1)!;
    expect(textOf(card)).toContain('Ik ken u nog niet');
    expect(inputsOf(card).map((i) => i.label)).toEqual(['School', 'Uw functie']);

    const attempt = await stranger.execute('thuiszitter.start');
    expect(textOf(attempt.card!)).toContain('Ik ken u nog niet');
    expect(textOf(attempt.card!)).not.toContain('Thuiszitter melden');
  });

  it('keeps what was typed and stores nothing when no school is chosen', async () => {
    const stranger = h.client(PEOPLE.stranger);
    await stranger.say('menu');
    const form = h.connector.cardsIn(stranger.conversationId).at(-1)!;
    const res = await stranger.press(form, 'Aanmelden', { 'Uw functie': 'IB-er groep 1-4' });
    expect(res.status).toBe(200);
    expect(textOf(res.card!)).toContain('Kies uw school.');
    expect(inputsOf(res.card!).find((i) => i.id === 'role')?.value).toBe('IB-er groep 1-4');
    expect(await h.db.prisma.registration.count()).toBe(0);
  });

  it('registers once, even when the submit arrives twice, and asks the admin to approve', async () => {
    h.connector.setMember(PEOPLE.stranger.id, {
      aadObjectId: PEOPLE.stranger.aadObjectId,
      name: PEOPLE.stranger.name,
      email: 'sanne@obs-kompas.nl',
    });
    const eva = h.client(PEOPLE.eva);
    await eva.say('hallo'); // the admin has a chat with the bot

    const stranger = h.client(PEOPLE.stranger);
    await stranger.say('menu');
    const form = h.connector.cardsIn(stranger.conversationId).at(-1)!;
    const [first, second] = await Promise.all([
      stranger.press(form, 'Aanmelden', { School: 'Obs Het Kompas (12AB00)', 'Uw functie': "IB'er" }),
      stranger.press(form, 'Aanmelden', { School: 'Obs Het Kompas (12AB00)', 'Uw functie': "IB'er" }),
    ]);
    expect(textOf(first.card!)).toContain('wacht op goedkeuring');
    expect(textOf(second.card!)).toContain('wacht op goedkeuring');
    expect(await h.db.prisma.registration.count()).toBe(1);

    await h.deliver();
    const reviews = h.connector.cardsIn(eva.conversationId).filter((c) => textOf(c).includes('Aanmelding nieuwe coördinator'));
    expect(reviews).toHaveLength(1);
    expect(textOf(reviews[0]!)).toContain('sanne@obs-kompas.nl');

    // Still no access while pending.
    const attempt = await stranger.execute('spreekuur.start');
    expect(textOf(attempt.card!)).toContain('wacht op goedkeuring');
  });

  it('only an admin can approve; after approval the person is a coordinator and is told so', async () => {
    const eva = h.client(PEOPLE.eva);
    const review = h.connector
      .cardsIn(eva.conversationId)
      .filter((c) => textOf(c).includes('Aanmelding nieuwe coördinator'))
      .at(-1)!;

    const carla = h.client(PEOPLE.carla);
    const forged = await carla.press(review, 'Goedkeuren');
    expect(textOf(forged.card!)).not.toContain('Goedgekeurd door');
    expect((await h.db.prisma.registration.findFirst())?.status).toBe('pending');

    const approved = await eva.press(review, 'Goedkeuren');
    expect(textOf(approved.card!)).toContain('Goedgekeurd door Eva Mulder');
    const again = await eva.press(review, 'Afwijzen');
    expect(textOf(again.card!)).toContain('al beoordeeld');
    expect((await h.db.prisma.registration.findFirst())?.status).toBe('approved');

    await h.deliver();
    const stranger = h.client(PEOPLE.stranger);
    expect(h.connector.cardsIn(stranger.conversationId).map(textOf).join('\n')).toContain('Uw aanmelding is goedgekeurd');
    // The admin's own review card was updated in place as well.
    expect(h.connector.updates.some((u) => cardsOf(u.activity).some((c) => textOf(c).includes('Goedgekeurd door Eva Mulder')))).toBe(true);

    await stranger.say('menu');
    expect(textOf(h.connector.cardsIn(stranger.conversationId).at(-1)!)).toContain('Welkom, Sanne!');
    const audit = await h.db.prisma.auditEntry.findMany({ where: { subjectType: 'registration' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['registration.submit', 'registration.approve']);
  });
});

describe('linking channels', () => {
  const channel = {
    id: '19:kanaal-bram@thread.tacv2',
    type: 'channel' as const,
    teamId: '19:team-sot@thread.tacv2',
    channelId: '19:kanaal-bram@thread.tacv2',
  };

  it('a consultant links a channel to themselves', async () => {
    const bram = h.client(PEOPLE.bram, channel);
    await bram.say('koppel');
    expect(textOf(h.connector.cardsIn(channel.id).at(-1)!)).toContain('Kanaal gekoppeld');
    const consultant = await h.db.prisma.consultant.findFirst({ where: { person: { name: 'Bram Visser' } } });
    expect(consultant?.channelId).toBe(channel.channelId);
  });

  it('a coordinator cannot link a channel; an admin links one for a consultant by e-mail', async () => {
    const other = { ...channel, id: '19:ander@thread.tacv2', channelId: '19:ander@thread.tacv2' };
    await h.client(PEOPLE.carla, other).say('koppel anna.devries@swv-voorbeeld.nl');
    expect(textOf(h.connector.cardsIn(other.id).at(-1)!)).toContain('Koppelen is niet gelukt');
    const anna = await h.db.prisma.consultant.findFirst({ where: { person: { name: 'Anna de Vries' } } });
    expect(anna?.channelId).toBe('19:kanaal-anna@thread.tacv2');

    await h.client(PEOPLE.eva, other).say('koppel anna.devries@swv-voorbeeld.nl');
    expect(textOf(h.connector.cardsIn(other.id).at(-1)!)).toContain('Anna de Vries');
    const after = await h.db.prisma.consultant.findFirst({ where: { person: { name: 'Anna de Vries' } } });
    expect(after?.channelId).toBe(other.channelId);
  });

  it('an admin links the office channel', async () => {
    const office = { ...channel, id: '19:bureau@thread.tacv2', channelId: '19:bureau@thread.tacv2' };
    await h.client(PEOPLE.eva, office).say('koppel administratie');
    const swv = await h.db.prisma.swv.findFirst();
    expect(swv?.adminChannelId).toBe(office.channelId);
  });
});

describe('old or unknown buttons', () => {
  it('answers an unknown card action with a Dutch card, not an error', async () => {
    const res = await h.client(PEOPLE.carla).execute('iets.dat.niet.bestaat', { x: 1 });
    expect(res.status).toBe(200);
    expect(textOf(res.card!)).toContain('Deze kaart is verlopen');
  });
});

describe('health', () => {
  it('answers 200 while the database answers', async () => {
    const res = await fetch(h.botUrl.replace('/api/messages', '/healthz'));
    expect(res.status).toBe(200);
  });
});
