// Reminders of school holidays from the year agenda: one item however many days it lasts, so one
// reminder per reminder day, and none for a holiday without "herinneren". The moments are fixed.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAgendaFile } from '../bot/features/agenda/agendaFile.ts';
import { importAgenda } from '../bot/features/agenda/importAgenda.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { importFixture, PEOPLE } from './support/org.ts';
import { textOf } from './support/cards.ts';
import { clock } from './support/clock.ts';

const AGENDA = [
  'datum;titel;omschrijving;doelgroep;herinneren;soort;tot',
  '2027-10-16;Herfstvakantie;Meld thuiszitters vóór de vakantie.;alle;7,1;vakantie;2027-10-24',
  '2027-07-17;Zomervakantie;;VO;14;vakantie;2027-08-29', // VO: the fixture has PO schools only
  '2027-12-24;Kerstvakantie;;alle;;vakantie;2028-01-07', // no reminder days: nobody
].join('\n');

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await importFixture(h.db);
  for (const p of [PEOPLE.carla, PEOPLE.dirk]) await h.client(p).say('hallo');
  const parsed = parseAgendaFile('vakanties.csv', AGENDA, clock.now());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  await importAgenda(h.db.prisma, parsed.entries, 'test');
});
afterAll(() => h?.close());

/** Runs the reminders at 09:00 Dutch time on every day from `from` to `to` (included); the number queued. */
async function runDaily(from: string, to: string): Promise<number> {
  let queued = 0;
  for (let d = DateTime.fromISO(`${from}T09:00`, { zone: 'Europe/Amsterdam' }); d.toISODate()! <= to; d = d.plus({ days: 1 })) {
    queued += await h.bot.reminders.runOnce(d.toJSDate());
  }
  await h.deliver();
  return queued;
}
const chatText = (person: keyof typeof PEOPLE) => h.connector.cardsIn(h.client(PEOPLE[person]).conversationId).map(textOf).join('\n---\n');

describe('holiday reminders', () => {
  it('reminds once per reminder day for a holiday of nine days, naming the whole period', async () => {
    // 7 days before is a Saturday: the reminder moves to the working day before it, Friday 8 October (it
    // used to wait until Monday); 1 day before is Friday 15 October.
    expect(await runDaily('2027-10-01', '2027-10-31')).toBe(4); // Carla and Dirk, twice each
    const keys = await h.db.prisma.delivery.findMany({ where: { dedupeKey: { startsWith: 'agenda:' } }, select: { dedupeKey: true } });
    expect(keys).toHaveLength(4);
    const carla = chatText('carla');
    expect(carla).toContain('Herinnering jaaragenda: Herfstvakantie');
    expect(carla).toContain('Over 8 dagen: zaterdag 16 oktober 2027 tot en met zondag 24 oktober 2027.');
    expect(carla).toContain('Morgen: zaterdag 16 oktober 2027 tot en met zondag 24 oktober 2027.');
    expect(carla.match(/Herinnering jaaragenda: Herfstvakantie/g)).toHaveLength(2);
  });

  it('reminds nobody of a holiday without reminder days, or of a VO holiday when there are only PO schools', async () => {
    expect(await runDaily('2027-07-01', '2027-07-20')).toBe(0);
    expect(await runDaily('2027-12-01', '2028-01-10')).toBe(0);
  });
});
