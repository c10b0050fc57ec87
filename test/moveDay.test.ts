import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';
import { importFixture, PEOPLE } from './support/org.ts';
import { actionsOf, inputsOf, textOf, type Card } from './support/cards.ts';
import { isoDay } from './support/dates.ts';
import { fileRequest } from './support/requests.ts';

// A consultant who cannot come moves all appointments of a day at once: each gets a concrete new moment,
// one reason and interim agreement for all, and each school hears about its own appointment only.
let h: Harness;
const planned: { id: string; reference: string }[] = [];
beforeAll(async () => {
  h = await startHarness();
  await importFixture(h.db);
  for (const p of [PEOPLE.carla, PEOPLE.anna]) await h.client(p).say('hallo');
  const anna = h.client(PEOPLE.anna);
  for (const time of ['09:00', '11:00']) {
    const filed = await fileRequest(h, h.client(PEOPLE.carla), 'spreekuur');
    await anna.execute('request.claim', { requestId: filed.id });
    const form = (await anna.execute('request.plan.form', { requestId: filed.id })).card!;
    await anna.press(form, 'Afspraak opslaan', { Datum: isoDay(5), Tijd: time, Plaats: 'Op school' });
    planned.push(filed);
  }
  await h.deliver();
  h.connector.reset();
});
afterAll(() => h?.close());

const anna = () => h.client(PEOPLE.anna);
const button = (card: Card, title: string) => actionsOf(card).some((a) => a.title === title);

describe('moving a whole day', () => {
  let moves: Card;
  it('"verzet dag" asks for the day, then lists that day’s appointments with a new date and time each', async () => {
    await anna().say('verzet dag');
    const period = h.connector.cardsIn(anna().conversationId).at(-1)!;
    expect(textOf(period)).toContain('Afspraken van een dag verzetten');
    const empty = (await anna().press(period, 'Afspraken tonen', { Van: isoDay(20) })).card!;
    expect(textOf(empty)).toContain('U heeft in die periode geen geplande afspraken.');
    moves = (await anna().press(empty, 'Afspraken tonen', { Van: isoDay(5) })).card!;
    for (const p of planned) expect(textOf(moves)).toContain(p.reference);
    expect(inputsOf(moves).filter((i) => i.type === 'Input.Date')).toHaveLength(2);
    expect(button(moves, 'Alles verzetten')).toBe(true);
  });

  it('needs a concrete new moment for each, and one reason and interim agreement; nothing moves until all is right', async () => {
    const dates = inputsOf(moves).filter((i) => i.type === 'Input.Date');
    const times = inputsOf(moves).filter((i) => i.type === 'Input.Time');
    const bad = (await anna().press(moves, 'Alles verzetten', { [dates[0]!.label!]: isoDay(12), [times[0]!.label!]: '10:00' })).card!;
    expect(textOf(bad)).toContain('Vul de nieuwe datum in.');
    expect(textOf(bad)).toContain('Vul de reden in.');
    expect(await h.db.prisma.requestEvent.count({ where: { action: 'move' } })).toBe(0);

    const done = (
      await anna().press(bad, 'Alles verzetten', {
        [dates[1]!.label!]: isoDay(13),
        [times[1]!.label!]: '13:30',
        'Reden van verzetten (voor alle afspraken)': 'Consulent ziek',
        'Wat kan er tussentijds gebeuren, en door wie? (voor alle)': 'De IB’er belt de ouders.',
      })
    ).card!;
    expect(textOf(done)).toContain('Afspraken verzet');
    const after = await h.db.prisma.request.findMany({ where: { id: { in: planned.map((p) => p.id) } }, orderBy: { createdAt: 'asc' } });
    expect(after.map((r) => r.appointment)).toEqual([
      { date: isoDay(12), time: '10:00', place: 'Op school' },
      { date: isoDay(13), time: '13:30', place: 'Op school' },
    ]);
    expect(after.every((r) => r.interimAgreement === 'De IB’er belt de ouders.')).toBe(true);
    await h.deliver();
    const told = h.connector.cardsIn(h.client(PEOPLE.carla).conversationId).map(textOf);
    for (const p of planned) expect(told.filter((t) => t.includes(p.reference) && t.includes('afspraak verzet'))).toHaveLength(1);
  });

  it('a coordinator cannot use it', async () => {
    const res = await h.client(PEOPLE.carla).execute('casework.moveDay.form', {});
    expect(textOf(res.card!)).toContain('Alleen voor consulenten');
  });
});
