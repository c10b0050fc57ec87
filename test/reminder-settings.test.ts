// Herinneringen instellen, and who gets which reminder: SOT items go to the consultants only; a person
// who turned agenda or appointment reminders off gets none (until they turn them on again); the legal
// duties and escalations arrive whatever the settings; a forged submit changes only the clicker's own.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAgendaFile } from '../bot/features/agenda/agendaFile.ts';
import { importAgenda } from '../bot/features/agenda/importAgenda.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { ANNA_CHANNEL, importFixture, PEOPLE } from './support/org.ts';
import { fileRequest } from './support/requests.ts';
import { findAction, inputsOf, textOf } from './support/cards.ts';
import { clock } from './support/clock.ts';

let h: Harness;
const ids: Record<string, string> = {};
beforeAll(async () => {
  h = await startHarness();
  await importFixture(h.db);
  for (const [key, p] of Object.entries(PEOPLE)) {
    if (key === 'stranger') continue;
    await h.client(p).say('hallo');
    ids[key] = (await h.db.prisma.person.findFirstOrThrow({ where: { aadObjectId: p.aadObjectId } })).id;
  }
});
afterAll(() => h?.close());

/** A moment in Dutch time. */
const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Amsterdam' }).toJSDate();

/** Imports a year agenda (the file is the whole agenda); checked against a fixed moment, not today. */
async function agenda(...rows: string[]) {
  const parsed = parseAgendaFile(
    'agenda.csv',
    ['datum;titel;omschrijving;doelgroep;herinneren', ...rows].join('\n'),
    at('2026-09-01T12:00'),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  await importAgenda(h.db.prisma, parsed.entries, 'test');
}

/** Who has a reminder of this agenda item queued (by person key of PEOPLE). */
async function agendaRecipients(title: string): Promise<string[]> {
  const item = await h.db.prisma.agendaItem.findFirstOrThrow({ where: { title } });
  const rows = await h.db.prisma.delivery.findMany({ where: { dedupeKey: { startsWith: `agenda:${item.id}:` } } });
  const byId = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
  return rows.map((r) => byId[(r.target as { personId: string }).personId]!).sort();
}

const chat = (person: keyof typeof PEOPLE) => h.client(PEOPLE[person]);

async function settings(person: keyof typeof PEOPLE, values: { agenda?: boolean; appointments?: boolean }) {
  const card = (await chat(person).execute('reminders.settings')).card!;
  const fill: Record<string, string> = {};
  if (values.agenda !== undefined) fill.Jaaragenda = String(values.agenda);
  if (values.appointments !== undefined) fill.Afspraken = String(values.appointments);
  const saved = await chat(person).press(card, 'Opslaan', fill);
  return saved.card!;
}

describe('the settings card', () => {
  it('opens by typing "herinneringen" and shows toggles for the optional kinds and fixed lines for the rest', async () => {
    await chat('carla').say('herinneringen');
    const card = h.connector.cardsIn(chat('carla').conversationId).at(-1)!;
    const text = textOf(card);
    expect(text).toContain('Herinneringen instellen');
    expect(inputsOf(card).map((i) => [i.id, i.type, i.value])).toEqual([
      ['agenda', 'Input.Toggle', 'true'],
      ['appointments', 'Input.Toggle', 'true'],
    ]);
    expect(text).toContain('vanaf 08:00 uur');
    expect(text).toContain('schoolvakanties van uw school');
    expect(text).toContain('Altijd aan');
    expect(text).toContain('Meldplicht thuiszitter');
    expect(text).toContain('wettelijke plicht');
    expect(text).toContain('TLV loopt af');
    expect(text).not.toContain('Advies gevraagd');
  });

  it('a consultant sees the consultant lines; the office its own', async () => {
    const anna = textOf((await chat('anna').execute('reminders.settings')).card!);
    expect(anna).toContain('Aanvraag nog niet opgepakt');
    expect(anna).toContain('Advies gevraagd');
    expect(anna).toContain('de schoolvakanties tellen voor het SOT niet mee');
    expect(anna).not.toContain('Meldplicht thuiszitter');
    const eva = textOf((await chat('eva').execute('reminders.settings')).card!);
    expect(eva).toContain('Aanvraag niet opgepakt (SOT-bureau)');
  });

  it('is on the menu card and the help card', async () => {
    await chat('carla').say('menu');
    const menu = h.connector.cardsIn(chat('carla').conversationId).at(-1)!;
    expect(findAction(menu, 'Herinneringen instellen').verb).toBe('reminders.settings');
    const help = (await chat('carla').execute('menu.help')).card!;
    expect(findAction(help, 'Herinneringen instellen').verb).toBe('reminders.settings');
    const staff = (await chat('anna').execute('menu.open')).card!;
    expect(findAction(staff, 'Herinneringen instellen').verb).toBe('reminders.settings');
  });

  it('saves, says what it stored, and audits only a change', async () => {
    const card = await settings('dirk', { agenda: false });
    expect(textOf(card)).toContain('Opgeslagen. Herinneringen uit de jaaragenda: uit; herinnering vóór een afspraak: aan.');
    expect(inputsOf(card).find((i) => i.id === 'agenda')!.value).toBe('false');
    const again = await settings('dirk', { agenda: false });
    expect(textOf(again)).toContain('Er is niets veranderd.');
    const audit = await h.db.prisma.auditEntry.findMany({ where: { action: 'reminders.settings', subjectId: ids.dirk } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: ids.dirk, subjectType: 'person', details: { agenda: 'uit' } });
    await settings('dirk', { agenda: true });
  });

  it('a forged submit changes only the settings of whoever clicked', async () => {
    // Carla sends Dirk's person id (and anything else) along: only Carla's own settings change.
    const forged = await chat('carla').execute('reminders.save', {
      personId: ids.dirk,
      person: ids.dirk,
      agenda: 'false',
      appointments: 'maybe',
    });
    expect(textOf(forged.card!)).toContain('jaaragenda: uit; herinnering vóór een afspraak: aan');
    const rows = await h.db.prisma.reminderPreference.findMany({ orderBy: { personId: 'asc' } });
    expect(rows.find((r) => r.personId === ids.carla)).toMatchObject({ agenda: false, appointments: true });
    expect(rows.find((r) => r.personId === ids.dirk)).toMatchObject({ agenda: true, appointments: true });
    // Not in a channel (the card is for one's own chat), and not for someone the directory does not know.
    const inChannel = await h
      .client(PEOPLE.anna, { id: ANNA_CHANNEL.channelId, type: 'channel', ...ANNA_CHANNEL })
      .execute('reminders.save', { agenda: 'false' });
    expect(textOf(inChannel.card!)).toContain('eigen chat');
    const stranger = await h.client(PEOPLE.stranger).execute('reminders.save', { agenda: 'false' });
    expect(textOf(stranger.card!)).toContain('nog niet bekend');
    expect(await h.db.prisma.reminderPreference.count({ where: { agenda: false } })).toBe(1);
    await settings('carla', { agenda: true });
  });
});

describe('who gets agenda reminders', () => {
  it('an SOT item reaches the active consultants only, never a coordinator or the office', async () => {
    await agenda('2027-02-10;Intervisie consulenten;Voorbereiden: een casus.;SOT;7', '2027-02-10;Bijeenkomst scholen;;alle;7');
    expect(await h.bot.reminders.runOnce(at('2027-02-03T09:00'))).toBeGreaterThan(0);
    expect(await agendaRecipients('Intervisie consulenten')).toEqual(['anna', 'bram']);
    expect(await agendaRecipients('Bijeenkomst scholen')).toEqual(['carla', 'dirk']);
    await deliverAll();
    const anna = h.connector.cardsIn(chat('anna').conversationId).map(textOf).join('\n');
    expect(anna).toContain('Herinnering jaaragenda: Intervisie consulenten');
    expect(anna).toContain('Dit staat in de jaaragenda voor het SOT-team.');
    // An inactive consultant gets none.
    await h.db.prisma.consultant.update({ where: { personId: ids.bram }, data: { active: false } });
    await agenda('2027-02-11;Tweede intervisie;;SOT;7');
    await h.bot.reminders.runOnce(at('2027-02-04T09:00'));
    expect(await agendaRecipients('Tweede intervisie')).toEqual(['anna']);
    await h.db.prisma.consultant.update({ where: { personId: ids.bram }, data: { active: true } });
  });

  it('off: no agenda reminder; on again: the next one arrives', async () => {
    await agenda('2027-03-10;Deadline aanmelding;;alle;7,1');
    await settings('carla', { agenda: false });
    await h.bot.reminders.runOnce(at('2027-03-03T09:00'));
    expect(await agendaRecipients('Deadline aanmelding')).toEqual(['dirk']);
    await settings('carla', { agenda: true });
    await h.bot.reminders.runOnce(at('2027-03-09T09:00'));
    expect(await agendaRecipients('Deadline aanmelding')).toEqual(['carla', 'dirk', 'dirk']);
  });
});

describe('appointment reminders and the reminders that stay on', () => {
  /** A working day at least `days` ahead whose previous day is a working day too, at 09:00. */
  function dayBeforeAppointment(days: number) {
    let d = clock.dutch().startOf('day').plus({ days });
    while (d.weekday > 4) d = d.plus({ days: 1 }); // Monday–Thursday, so tomorrow is a weekday
    return { runAt: d.set({ hour: 9 }).toJSDate(), date: d.plus({ days: 1 }).toISODate()! };
  }

  it('off: no reminder the day before; on again: it comes', async () => {
    const { id, reference } = await fileRequest(h, chat('carla'), 'spreekuur');
    const anna = h.client(PEOPLE.anna, { id: ANNA_CHANNEL.channelId, type: 'channel', ...ANNA_CHANNEL });
    await anna.execute('request.claim', { requestId: id });
    const { runAt, date } = dayBeforeAppointment(5);
    await anna.execute('request.plan', { requestId: id, formId: crypto.randomUUID(), date, time: '11:00', place: 'school' });
    expect((await h.db.prisma.request.findUniqueOrThrow({ where: { id } })).status).toBe('planned');
    await settings('carla', { appointments: false });
    await h.bot.reminders.runOnce(runAt);
    const keys = async () =>
      (await h.db.prisma.delivery.findMany({ where: { dedupeKey: { startsWith: `request:${id}:appointment:` } } })).map(
        (r) => (r.target as { personId: string }).personId,
      );
    expect(await keys()).toEqual([ids.anna]);
    await settings('carla', { appointments: true });
    await h.bot.reminders.runOnce(new Date(runAt.getTime() + 3_600_000));
    expect((await keys()).sort()).toEqual([ids.anna, ids.carla].sort());
    await deliverAll();
    expect(h.connector.cardsIn(chat('carla').conversationId).map(textOf).join('\n')).toContain(`Morgen: spreekuur ${reference}`);
  });

  it('with everything off, the legal duty and the escalations still arrive', async () => {
    for (const person of ['carla', 'anna', 'eva'] as const) await settings(person, { agenda: false, appointments: false });
    const duty = await fileRequest(h, chat('carla'), 'thuiszitter');
    const advice = await fileRequest(h, chat('carla'), 'advies');
    await h.bot.reminders.runOnce(clock.weekdayIn(16));
    const key = (prefix: string) => h.db.prisma.delivery.findMany({ where: { dedupeKey: { startsWith: prefix } } });
    const personOf = (rows: { target: unknown }[]) => rows.map((r) => (r.target as { personId?: string }).personId);
    expect(personOf(await key(`request:${duty.id}:duty:`))).toEqual([ids.carla]); // 4 weeks absent: DUO and OT
    expect(personOf(await key(`request:${advice.id}:advice-due:`))).toEqual([ids.anna]); // 10 working days without advice
    expect(personOf(await key(`request:${advice.id}:unpicked-office:`))).toEqual([ids.eva]); // nobody picked it up
    expect(await key(`request:${advice.id}:unpicked:`)).toHaveLength(1); // in the consultant's thread
    for (const person of ['carla', 'anna', 'eva'] as const) await settings(person, { agenda: true, appointments: true });
  });
});

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
