import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';
import { ANNA_CHANNEL, importFixture, PEOPLE } from './support/org.ts';
import { inputsOf, textOf } from './support/cards.ts';
import { isoDay } from './support/dates.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await importFixture(h.db);
});
afterAll(() => h?.close());

const GOOD = {
  'Uw vraag (kort)': 'Hoe begeleiden we een leerling met veel faalangst bij toetsen?',
  'Met wie wilt u het bespreken?': ['Ouders', 'Leerkracht'],
  'Gaat het over een leerling?': 'Ja, met initialen en groep',
  'Initialen leerling': 'J.D.',
  'Groep of leerjaar': 'groep 6',
  'Voorkeursmoment 1: datum': isoDay(7),
  'Voorkeursmoment 1: dagdeel': 'Ochtend',
  'Vorm van het gesprek': 'Online (Teams)',
  Urgentie: 'Normaal',
};

describe('spreekuur aanvragen', () => {
  it('walks from the menu through form and review to a posted request with a reference number', async () => {
    const carla = h.client(PEOPLE.carla);
    await carla.say('spreekuur');
    const form = h.connector.cardsIn(carla.conversationId).at(-1)!;
    expect(textOf(form)).toContain('Spreekuur aanvragen');
    expect(textOf(form)).toContain('Anna de Vries');

    const review = await carla.press(form, 'Controleren', GOOD);
    expect(textOf(review.card!)).toContain('Controleer uw aanvraag');
    expect(textOf(review.card!)).toContain('Dit gaat naar Anna de Vries');
    expect(await h.db.prisma.request.count()).toBe(0);

    const sent = await carla.press(review.card!, 'Versturen');
    const summary = textOf(sent.card!);
    expect(summary).toMatch(/SOT-\d{4}-0001/);
    expect(summary).toContain('Verstuurd naar Anna de Vries');
    expect(summary).not.toContain('Versturen');

    await h.deliver();
    const threads = h.connector.threadsInChannel(ANNA_CHANNEL.channelId);
    expect(threads).toHaveLength(1);
    const card = threads[0]!.params.activity.attachments[0].content;
    expect(textOf(card)).toContain('Obs Het Kompas');
    // Everyone in the channel reads the shared card: no question, no pupil details.
    expect(textOf(card)).not.toContain('faalangst');
    const annaInChannel = h.client(PEOPLE.anna, { id: ANNA_CHANNEL.channelId, type: 'channel', ...ANNA_CHANNEL });
    const own = await annaInChannel.execute('request.refresh', { requestId: (await h.db.prisma.request.findFirstOrThrow()).id });
    expect(textOf(own.card!)).toContain('faalangst');
    expect(JSON.stringify(card.msteams.entities)).toContain('00000000-0000-4000-8000-000000000001');

    const request = await h.db.prisma.request.findFirstOrThrow({ include: { events: true } });
    expect(request.status).toBe('new');
    expect(request.events.map((e) => e.action)).toEqual(['submitted']);
  });

  it('understands a request typed in a sentence', async () => {
    const carla = h.client(PEOPLE.carla);
    await carla.say('Goedemorgen, ik wil graag een spreekuur aanvragen');
    expect(textOf(h.connector.cardsIn(carla.conversationId).at(-1)!)).toContain('Uw vraag (kort)');
    await carla.say('Ik wil een thuiszitter melden');
    expect(textOf(h.connector.cardsIn(carla.conversationId).at(-1)!)).toContain('Soort melding');
    await carla.say('Mijn aanvragen graag');
    expect(textOf(h.connector.cardsIn(carla.conversationId).at(-1)!)).toContain('Mijn aanvragen');
  });

  it('re-shows the form with the typed values and a Dutch message per field, storing nothing', async () => {
    const carla = h.client(PEOPLE.carla);
    await carla.say('spreekuur');
    const form = h.connector.cardsIn(carla.conversationId).at(-1)!;
    const before = await h.db.prisma.request.count();
    const res = await carla.press(form, 'Controleren', {
      ...GOOD,
      'Uw vraag (kort)': '',
      'Voorkeursmoment 1: datum': isoDay(-3),
      'Initialen leerling': '',
    });
    const text = textOf(res.card!);
    expect(text).toContain('Beschrijf kort uw vraag.');
    expect(text).toContain('moet vandaag of later zijn');
    expect(text).toContain('Vul de initialen van de leerling in');
    const values = Object.fromEntries(inputsOf(res.card!).map((i) => [i.id, i.value]));
    expect(values.pupilGroup).toBe('groep 6');
    expect(values.withWhom).toBe('ouders,leerkracht');
    expect(await h.db.prisma.request.count()).toBe(before);
  });
});
