// When agenda and appointment reminders arrive: from the reminder time (08:00 Dutch time, also on the
// days the clocks change), once per item and day, on working days only; a reminder day in the weekend
// or a school holiday moves to the last working day before it (for SOT staff only the weekend counts).
// The scheduler runs at fixed moments; the appointments are placed relative to the test clock.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../bot/config.ts';
import { parseAgendaFile } from '../bot/features/agenda/agendaFile.ts';
import { importAgenda } from '../bot/features/agenda/importAgenda.ts';
import { ReminderScheduler } from '../bot/features/reminders/scheduler.ts';
import { createLogger } from '../bot/log.ts';
import type { Services } from '../bot/services.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { importFixture, PEOPLE } from './support/org.ts';
import { fileRequest } from './support/requests.ts';
import { textOf } from './support/cards.ts';
import { clock } from './support/clock.ts';

const ZONE = 'Europe/Amsterdam';
/** A moment in Dutch time. */
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();

let h: Harness;
const ids: Record<string, string> = {};
beforeAll(async () => {
  h = await startHarness();
  await importFixture(h.db);
  for (const key of ['anna', 'bram', 'carla', 'dirk', 'eva'] as const) {
    await h.client(PEOPLE[key]).say('hallo');
    ids[key] = (await h.db.prisma.person.findFirstOrThrow({ where: { aadObjectId: PEOPLE[key].aadObjectId } })).id;
  }
});
afterAll(() => h?.close());

const HEADER = 'datum;titel;omschrijving;doelgroep;herinneren;soort;tot';
async function agenda(rows: string[], now: Date) {
  const parsed = parseAgendaFile('agenda.csv', [HEADER, ...rows].join('\n'), now);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  await importAgenda(h.db.prisma, parsed.entries, 'test');
}

const nameOf = (personId: string) => Object.entries(ids).find(([, id]) => id === personId)?.[0] ?? personId;

/** Who has a reminder of this agenda item queued. */
async function recipients(title: string): Promise<string[]> {
  const item = await h.db.prisma.agendaItem.findFirstOrThrow({ where: { title } });
  const rows = await h.db.prisma.delivery.findMany({ where: { dedupeKey: { startsWith: `agenda:${item.id}:` } } });
  return rows.map((r) => nameOf((r.target as { personId: string }).personId)).sort();
}

/** Runs the reminders at 09:00 Dutch time on every day from `from` to `to`; per delivery key, the day it was queued. */
async function runDaily(from: string, to: string, prefix: string): Promise<Record<string, string>> {
  const firstDay: Record<string, string> = {};
  for (let d = DateTime.fromISO(`${from}T09:00`, { zone: ZONE }); d.toISODate()! <= to; d = d.plus({ days: 1 })) {
    await h.bot.reminders.runOnce(d.toJSDate());
    for (const row of await h.db.prisma.delivery.findMany({ where: { dedupeKey: { startsWith: prefix } } })) {
      firstDay[row.dedupeKey] ??= d.toISODate()!;
    }
  }
  return firstDay;
}

describe('REMINDER_TIME', () => {
  it('is 08:00 unless set; a time outside office hours or not HH:MM is refused with the variable named', () => {
    expect(loadConfig({}).reminderTime).toBe('08:00');
    expect(loadConfig({ REMINDER_TIME: '09:30' }).reminderTime).toBe('09:30');
    expect(loadConfig({ REMINDER_TIME: ' ' }).reminderTime).toBe('08:00');
    for (const wrong of ['8:00', '25:00', 'acht uur', '06:00', '17:30']) {
      expect(() => loadConfig({ REMINDER_TIME: wrong })).toThrow(ConfigError);
      expect(() => loadConfig({ REMINDER_TIME: wrong })).toThrow(/REMINDER_TIME/);
    }
  });
});

describe('the reminder time', () => {
  beforeAll(async () => {
    await agenda(
      [
        '2027-02-10;Netwerkbijeenkomst;;alle;7;;',
        // The spring change (Sunday 28 March 2027): the Sunday reminder moves to Friday; Monday's at 08:00 CEST.
        '2027-03-29;Na de zomertijd;;alle;1;;',
        '2027-03-30;Dinsdag na de zomertijd;;alle;1;;',
        // The autumn change (Sunday 25 October 2026): likewise, Monday's at 08:00 CET.
        '2026-10-26;Na de wintertijd;;alle;1;;',
        '2026-10-27;Dinsdag na de wintertijd;;alle;1;;',
      ],
      at('2026-09-01T12:00'),
    );
  });

  it('not before 08:00, then once that day however often the scheduler runs', async () => {
    for (const time of ['07:30', '07:45', '07:59']) await h.bot.reminders.runOnce(at(`2027-02-03T${time}`));
    expect(await recipients('Netwerkbijeenkomst')).toEqual([]);
    await h.bot.reminders.runOnce(at('2027-02-03T08:00'));
    expect(await recipients('Netwerkbijeenkomst')).toEqual(['carla', 'dirk']);
    for (const time of ['08:15', '12:00', '17:45']) await h.bot.reminders.runOnce(at(`2027-02-03T${time}`));
    await h.bot.reminders.runOnce(at('2027-02-04T08:00')); // the next day: the same reminder, not again
    expect(await recipients('Netwerkbijeenkomst')).toEqual(['carla', 'dirk']);
    await deliverAll();
    const carla = h.connector.cardsIn(h.client(PEOPLE.carla).conversationId).map(textOf).join('\n');
    expect(carla.match(/Herinnering jaaragenda: Netwerkbijeenkomst/g)).toHaveLength(1);
  });

  it('around the spring change: the Sunday reminder on Friday at 08:00 CET, Monday’s at 08:00 CEST', async () => {
    expect(at('2027-03-26T08:00').toISOString()).toBe('2027-03-26T07:00:00.000Z');
    expect(at('2027-03-29T08:00').toISOString()).toBe('2027-03-29T06:00:00.000Z');
    await h.bot.reminders.runOnce(at('2027-03-26T07:59'));
    expect(await recipients('Na de zomertijd')).toEqual([]);
    await h.bot.reminders.runOnce(at('2027-03-26T08:00'));
    expect(await recipients('Na de zomertijd')).toEqual(['carla', 'dirk']);
    // The DST Sunday itself is no working day: nothing, at any hour.
    for (const time of ['01:30', '03:00', '08:00', '12:00']) await h.bot.reminders.runOnce(at(`2027-03-28T${time}`));
    expect(await recipients('Dinsdag na de zomertijd')).toEqual([]);
    await h.bot.reminders.runOnce(new Date('2027-03-29T05:59:00Z')); // 07:59 CEST (06:59 "winter" time)
    expect(await recipients('Dinsdag na de zomertijd')).toEqual([]);
    await h.bot.reminders.runOnce(new Date('2027-03-29T06:00:00Z')); // 08:00 CEST
    expect(await recipients('Dinsdag na de zomertijd')).toEqual(['carla', 'dirk']);
    expect(await recipients('Na de zomertijd')).toEqual(['carla', 'dirk']); // not again on Monday
  });

  it('around the autumn change: the Sunday reminder on Friday at 08:00 CEST, Monday’s at 08:00 CET', async () => {
    await h.bot.reminders.runOnce(new Date('2026-10-23T05:59:00Z')); // 07:59 CEST
    expect(await recipients('Na de wintertijd')).toEqual([]);
    await h.bot.reminders.runOnce(new Date('2026-10-23T06:00:00Z')); // 08:00 CEST
    expect(await recipients('Na de wintertijd')).toEqual(['carla', 'dirk']);
    for (const time of ['02:30', '08:00', '12:00']) await h.bot.reminders.runOnce(at(`2026-10-25T${time}`));
    expect(await recipients('Dinsdag na de wintertijd')).toEqual([]);
    await h.bot.reminders.runOnce(new Date('2026-10-26T06:59:00Z')); // 07:59 CET (08:59 summer time would have been)
    expect(await recipients('Dinsdag na de wintertijd')).toEqual([]);
    await h.bot.reminders.runOnce(new Date('2026-10-26T07:00:00Z')); // 08:00 CET
    expect(await recipients('Dinsdag na de wintertijd')).toEqual(['carla', 'dirk']);
  });

  it('another REMINDER_TIME, and two instances at once: each reminder is queued once', async () => {
    await agenda(['2027-05-12;Studiemiddag;;alle;1;;'], at('2026-09-01T12:00'));
    const services = {
      db: h.db.prisma,
      logger: createLogger('silent'),
      nudgeDelivery: () => {},
      now: clock.now,
      databaseAvailable: async () => true,
      icsUrl: () => '',
      reminderTime: '09:30',
      reportUrl: () => '',
      agendaLinks: { baseUrl: 'https://sot.example', tokenFor: () => 'token' },
    } satisfies Services;
    const policy = { retentionDays: 730, registrationDays: 90, unknownContactDays: 90, inactiveRequestDays: 365, sparringDays: 90 };
    const one = new ReminderScheduler(services, 3_600_000, policy, { reminderTime: '09:30' });
    const two = new ReminderScheduler(services, 3_600_000, policy, { reminderTime: '09:30' });
    await Promise.all([one.runOnce(at('2027-05-11T09:15')), two.runOnce(at('2027-05-11T09:15'))]);
    expect(await recipients('Studiemiddag')).toEqual([]);
    const [a, b] = await Promise.all([one.runOnce(at('2027-05-11T09:30')), two.runOnce(at('2027-05-11T09:30'))]);
    expect(await recipients('Studiemiddag')).toEqual(['carla', 'dirk']);
    expect(a + b).toBe(2); // queued by one of them or split between them, never twice
  });
});

describe('weekends and school holidays', () => {
  beforeAll(async () => {
    await agenda(
      [
        '2027-10-16;Herfstvakantie;;alle;;vakantie;2027-10-24',
        // 1 day before is Sunday 24 October, in the holiday: the coordinators on the last school day before it
        // (Friday 15 October); the SOT team on Friday 22 October (school holidays do not count for the SOT).
        '2027-10-25;Start na de herfstvakantie;;alle;1;;',
        '2027-10-25;SOT-overleg na de vakantie;;SOT;1;;',
        // 14 days before Saturday 4 December is a Saturday: the Friday before, "over 15 dagen".
        '2027-12-04;Open dag;;alle;14;;',
      ],
      at('2026-09-01T12:00'),
    );
  });

  it('a reminder day in a holiday moves to the last school day before it; for the SOT to the Friday before', async () => {
    const school = await h.db.prisma.agendaItem.findFirstOrThrow({ where: { title: 'Start na de herfstvakantie' } });
    const sot = await h.db.prisma.agendaItem.findFirstOrThrow({ where: { title: 'SOT-overleg na de vakantie' } });
    const days = await runDaily('2027-10-11', '2027-10-25', 'agenda:');
    const on = (itemId: string, person: string) => days[`agenda:${itemId}:1:${ids[person]}`];
    expect([on(school.id, 'carla'), on(school.id, 'dirk')]).toEqual(['2027-10-15', '2027-10-15']);
    expect([on(sot.id, 'anna'), on(sot.id, 'bram')]).toEqual(['2027-10-22', '2027-10-22']);
    expect(await recipients('Start na de herfstvakantie')).toEqual(['carla', 'dirk']);
    expect(await recipients('SOT-overleg na de vakantie')).toEqual(['anna', 'bram']);
    await deliverAll();
    expect(h.connector.cardsIn(h.client(PEOPLE.carla).conversationId).map(textOf).join('\n')).toContain(
      'Over 10 dagen: maandag 25 oktober 2027.',
    );
  });

  it('a reminder day in the weekend moves to the Friday before', async () => {
    const item = await h.db.prisma.agendaItem.findFirstOrThrow({ where: { title: 'Open dag' } });
    const days = await runDaily('2027-11-17', '2027-11-23', `agenda:${item.id}:`);
    expect(days[`agenda:${item.id}:14:${ids.carla}`]).toBe('2027-11-19');
    await deliverAll();
    expect(h.connector.cardsIn(h.client(PEOPLE.carla).conversationId).map(textOf).join('\n')).toContain(
      'Over 15 dagen: zaterdag 4 december 2027.',
    );
  });
});

describe('the reminder before an appointment', () => {
  it('on the last working day before it: Friday for a Monday; after a holiday, the school on its last day before it', async () => {
    // A Monday at least three weeks ahead of the test clock, right after a holiday of nine days.
    let monday = clock.dutch().startOf('day').plus({ days: 21 });
    while (monday.weekday !== 1) monday = monday.plus({ days: 1 });
    const iso = (d: DateTime) => d.toISODate()!;
    await agenda([`${iso(monday.minus({ days: 9 }))};Voorjaarsvakantie;;alle;;vakantie;${iso(monday.minus({ days: 1 }))}`], clock.now());
    const anna = ids.anna!;
    const plan = async (date: DateTime) => {
      const { id, reference } = await fileRequest(h, h.client(PEOPLE.carla), 'spreekuur');
      await h.db.prisma.request.update({
        where: { id },
        data: { status: 'planned', handlerId: anna, appointment: { date: iso(date), time: '10:00', place: 'Op school' } },
      });
      return { id, reference };
    };
    const afterHoliday = await plan(monday);
    const nextMonday = await plan(monday.plus({ days: 7 }));
    const days = await runDaily(iso(monday.minus({ days: 14 })), iso(monday.plus({ days: 7 })), 'request:');
    const on = (id: string, personId: string) => dayOf(days, id, personId);
    // The school follows its holidays: the Friday before the holiday; the consultant the Friday before the Monday.
    expect(on(afterHoliday.id, ids.carla!)).toBe(iso(monday.minus({ days: 10 })));
    expect(on(afterHoliday.id, anna)).toBe(iso(monday.minus({ days: 3 })));
    expect(on(nextMonday.id, ids.carla!)).toBe(iso(monday.plus({ days: 4 })));
    expect(on(nextMonday.id, anna)).toBe(iso(monday.plus({ days: 4 })));
    await deliverAll();
    const carla = h.connector.cardsIn(h.client(PEOPLE.carla).conversationId).map(textOf).join('\n');
    expect(carla).toContain(`Over 10 dagen: spreekuur ${afterHoliday.reference}`);
    expect(carla).toContain(`Over 3 dagen: spreekuur ${nextMonday.reference}`);
    const annaChat = h.connector.cardsIn(h.client(PEOPLE.anna).conversationId).map(textOf).join('\n');
    expect(annaChat).toContain(`Over 3 dagen: spreekuur ${afterHoliday.reference}`);
  });
});

/** The day the appointment reminder of a request to a person was queued. */
function dayOf(days: Record<string, string>, requestId: string, personId: string): string | undefined {
  const key = Object.keys(days).find((k) => k.startsWith(`request:${requestId}:appointment:`) && k.endsWith(`:${personId}`));
  return key && days[key];
}

/**
 * Sends everything queued. A send the stand-in connector reset (a kept-alive connection closed while the
 * scheduler ran, on a busy machine) is retried by the delivery worker after a second: wait for that too.
 */
async function deliverAll(): Promise<void> {
  for (let round = 0; round < 20; round++) {
    await h.deliver();
    const waiting = await h.db.prisma.delivery.findFirst({
      where: { status: 'pending', nextAttemptAt: { lte: new Date(Date.now() + 10_000) } },
      orderBy: { nextAttemptAt: 'asc' },
    });
    if (!waiting) return;
    await new Promise((resolve) => setTimeout(resolve, Math.max(100, Math.min(5_000, waiting.nextAttemptAt.getTime() - Date.now() + 50))));
  }
}
