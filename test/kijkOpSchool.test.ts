import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';
import { ANNA_CHANNEL, importFixture, PEOPLE } from './support/org.ts';
import { actionsOf, textOf } from './support/cards.ts';
import { isoDay } from './support/dates.ts';
import { fileRequest } from './support/requests.ts';
import type { TeamsClient } from './support/teamsClient.ts';

// Kijk op School: a coordinator asks for an observation visit; the consultant plans it and, when needed,
// moves it to a concrete new date with a reason and what happens in between.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await importFixture(h.db);
  for (const p of [PEOPLE.carla, PEOPLE.anna]) await h.client(p).say('hallo');
});
afterAll(() => h?.close());

const anna = () => h.client(PEOPLE.anna, { id: ANNA_CHANNEL.channelId, type: 'channel', ...ANNA_CHANNEL });
const carla = () => h.client(PEOPLE.carla);
const viewOf = async (client: TeamsClient, requestId: string) => (await client.execute('request.refresh', { requestId })).card!;

describe('Kijk op School', () => {
  let id: string;
  it('is in the menu and starts from the typed words', async () => {
    const menu = (await carla().execute('menu.open', {})).card!;
    expect(actionsOf(menu).map((a) => a.title)).toContain('Kijk op School aanvragen');
    ({ id } = await fileRequest(h, carla(), 'kijkOpSchool', { 'Initialen leerling (alleen als het om één leerling gaat)': 'T.V.' }));
    const request = await h.db.prisma.request.findUniqueOrThrow({ where: { id } });
    expect(request.type).toBe('kijkOpSchool');
    expect(request.pupil).toMatchObject({ kind: 'identified', initials: 'T.V.' });
  });

  it('is planned, then moved to a concrete new date with a reason and the interim agreement', async () => {
    await anna().press(await viewOf(anna(), id), 'Oppakken');
    const plan = (await anna().press(await viewOf(anna(), id), 'Inplannen')).card!;
    await anna().press(plan, 'Afspraak opslaan', { Datum: isoDay(9), Tijd: '09:00', Plaats: 'Op school' });
    const form = (await anna().press(await viewOf(anna(), id), 'Verzetten')).card!;
    const bad = await anna().press(form, 'Verzetten', { 'Nieuwe datum': isoDay(9), 'Nieuwe tijd': '09:00' });
    expect(textOf(bad.card!)).toContain('Vul de reden in.');
    const same = await anna().press(bad.card!, 'Verzetten', {
      'Reden van verzetten': 'Geen schoolbezoeken deze week',
      'Wat kan er tussentijds gebeuren, en door wie?': 'De leerkracht noteert wat opvalt.',
    });
    expect(textOf(same.card!)).toContain('gelijk aan de huidige afspraak');
    const moved = await anna().execute('request.move', {
      requestId: id,
      formId: 'kos-move-1',
      date: isoDay(16),
      time: '10:30',
      place: 'school',
      reason: 'Geen schoolbezoeken deze week',
      interim: 'De leerkracht noteert wat opvalt.',
    });
    expect(textOf(moved.card!)).toContain('Verzet naar');
    await h.deliver();
    const told = h.connector.cardsIn(carla().conversationId).map(textOf).join('\n');
    expect(told).toContain('Kijk op School');
    expect(told).toContain('Tussentijds: De leerkracht noteert wat opvalt.');
    const request = await h.db.prisma.request.findUniqueOrThrow({ where: { id } });
    expect(request.appointment).toMatchObject({ date: isoDay(16), time: '10:30' });
  });

  it('is proposed by the consultant from another open case: planned at once, and the school is told', async () => {
    const spreekuur = await fileRequest(h, carla(), 'spreekuur');
    await anna().press(await viewOf(anna(), spreekuur.id), 'Oppakken');
    const form = (await anna().press(await viewOf(anna(), spreekuur.id), 'Kijk op School voorstellen')).card!;
    const bad = await anna().press(form, 'Voorstellen en inplannen', { Datum: isoDay(6), Tijd: '08:45', Plaats: 'Op school' });
    expect(textOf(bad.card!)).toContain('Beschrijf wat u wilt bekijken');
    const done = await anna().press(bad.card!, 'Voorstellen en inplannen', {
      'Wat wilt u bekijken, en waarom?': 'De leerling tijdens het rekenen.',
      'Groep of klas': 'groep 7',
    });
    const reference = /Kijk op School voorgesteld en ingepland: .* \((SOT-\d{4}-\d{4})\)/.exec(textOf(done.card!))?.[1];
    expect(reference).toBeDefined();
    const proposed = await h.db.prisma.request.findUniqueOrThrow({ where: { reference: reference! } });
    expect(proposed).toMatchObject({
      type: 'kijkOpSchool',
      status: 'planned',
      enteredBySot: true,
      schoolId: (await h.db.prisma.request.findUniqueOrThrow({ where: { id: spreekuur.id } })).schoolId,
    });
    expect(proposed.appointment).toMatchObject({ date: isoDay(6), time: '08:45' });
    await h.deliver();
    const told = h.connector.cardsIn(carla().conversationId).map(textOf).join('\n');
    expect(told).toContain('Kijk op School voorgesteld');
    expect(told).toContain(reference!);
    // It is planned and moved like any visit.
    expect(actionsOf(await viewOf(anna(), proposed.id)).map((a) => a.title)).toContain('Verzetten');
  });
});
