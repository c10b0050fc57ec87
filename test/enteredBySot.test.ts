import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';
import { ANNA_CHANNEL, importFixture, PEOPLE } from './support/org.ts';
import { actionsOf, textOf, type Card } from './support/cards.ts';
import { FORMS } from './support/requests.ts';
import type { TeamsClient } from './support/teamsClient.ts';

// A request that reached the SOT by phone or e-mail: the office (or a consultant) enters it on the school's
// behalf; the school's coordinators are told 1:1 and see it in "mijn aanvragen".
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await importFixture(h.db);
  for (const p of [PEOPLE.carla, PEOPLE.anna, PEOPLE.eva]) await h.client(p).say('hallo');
});
afterAll(() => h?.close());

const eva = () => h.client(PEOPLE.eva);
const carla = () => h.client(PEOPLE.carla);
const lastCardWith = (client: TeamsClient, button: string): Card =>
  h.connector
    .cardsIn(client.conversationId)
    .filter((c) => actionsOf(c).some((a) => a.title === button))
    .at(-1)!;

describe('a request entered by the SOT office', () => {
  it('the office sees the request buttons on its home card', async () => {
    const home = (await eva().execute('menu.open', {})).card!;
    expect(actionsOf(home).map((a) => a.title)).toContain('Spreekuur aanvragen');
    expect(textOf(home)).toContain('namens de school');
  });

  it('is filed for a school the office picks; the review and the cards say who entered it for whom', async () => {
    await eva().say('spreekuur');
    const choose = lastCardWith(eva(), 'Verder');
    const school = await h.db.prisma.school.findFirstOrThrow({ where: { name: 'Obs Het Kompas' } });
    const form = (await eva().press(choose, 'Verder', { schoolId: school.id })).card!;
    const review = (await eva().press(form, 'Controleren', FORMS.spreekuur)).card!;
    expect(textOf(review)).toContain('Eva Mulder namens Obs Het Kompas');
    const sent = (await eva().press(review, 'Versturen')).card!;
    const reference = /SOT-\d{4}-\d{4}/.exec(textOf(sent))![0];
    expect(textOf(sent)).toContain('Eva Mulder (SOT), namens Obs Het Kompas');

    const request = await h.db.prisma.request.findUniqueOrThrow({ where: { reference } });
    expect(request.enteredBySot).toBe(true);
    await h.deliver();
    // The school's coordinator is told, and finds it in "mijn aanvragen".
    const told = h.connector.cardsIn(carla().conversationId).map(textOf).join('\n');
    expect(told).toContain(`${reference}: ingevoerd door het SOT`);
    const mine = (await carla().execute('mine.list', {})).card!;
    expect(textOf(mine)).toContain(reference);

    // A later step goes to the school's coordinators, not to the office that entered it.
    const anna = h.client(PEOPLE.anna, { id: ANNA_CHANNEL.channelId, type: 'channel', ...ANNA_CHANNEL });
    await anna.execute('request.claim', { requestId: request.id });
    await h.deliver();
    expect(h.connector.cardsIn(carla().conversationId).map(textOf).join('\n')).toContain('opgepakt door Anna de Vries');
    expect(h.connector.cardsIn(eva().conversationId).map(textOf).join('\n')).not.toContain('opgepakt door Anna de Vries');
  });

  it('a coordinator still files only for their own schools', async () => {
    const other = await h.db.prisma.school.findFirstOrThrow({ where: { name: { not: 'Obs Het Kompas' } } });
    const res = await carla().execute('spreekuur.review', { schoolId: other.id, ...{} });
    expect(textOf(res.card!)).toContain('Deze school hoort niet (meer) bij u');
  });
});
