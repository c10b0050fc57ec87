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
});
