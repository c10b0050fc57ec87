import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAgendaFile } from '../bot/features/agenda/agendaFile.ts';
import { importAgenda } from '../bot/features/agenda/importAgenda.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { ANNA_CHANNEL, importFixture, PEOPLE } from './support/org.ts';
import { fileRequest } from './support/requests.ts';
import { isoDay } from './support/dates.ts';
import { textOf } from './support/cards.ts';
import { clock } from './support/clock.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await importFixture(h.db);
  for (const p of [PEOPLE.carla, PEOPLE.dirk, PEOPLE.eva, PEOPLE.anna]) await h.client(p).say('hallo');
  const parsed = parseAgendaFile(
    'a.csv',
    fs.readFileSync(path.join(import.meta.dirname, 'fixtures/jaaragenda.example.csv'), 'utf8'),
    clock.now(),
  );
  if (!parsed.ok) throw new Error('fixture');
  await importAgenda(h.db.prisma, parsed.entries, 'test');
});
afterAll(() => h?.close());

/** A moment in Dutch time. */
const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Amsterdam' }).toJSDate();
const weekdayIn = (days: number) => clock.weekdayIn(days);
const chatText = (person: keyof typeof PEOPLE) => h.connector.cardsIn(h.client(PEOPLE[person]).conversationId).map(textOf).join('\n---\n');
const run = async (now: Date) => {
  const queued = await h.bot.reminders.runOnce(now);
  await h.deliver();
  return queued;
};

describe('year agenda reminders', () => {
  it('reminds the coordinators on the days the agenda names, once, and only in office hours', async () => {
    expect(await run(at('2027-01-01T03:00'))).toBe(0); // night
    expect(await run(at('2027-01-01T09:00'))).toBe(2); // 14 days before the TLV deadline: Carla and Dirk
    expect(chatText('carla')).toContain('Herinnering jaaragenda: Deadline aanvragen TLV schooljaar 2027-2028');
    expect(chatText('carla')).toContain('Over 14 dagen: vrijdag 15 januari 2027');
    expect(await run(at('2027-01-01T15:00'))).toBe(0); // same day again: nothing new
    expect(await run(at('2027-01-02T10:00'))).toBe(0); // Saturday: nothing
    expect(await run(at('2027-01-13T09:00'))).toBe(2); // 2 days before
    expect(chatText('dirk')).toContain('Over 2 dagen');
  });

  it('sends a PO item to PO schools and a VO item to nobody here', async () => {
    expect(await run(at('2027-04-02T09:00'))).toBe(2); // "Ronde Kijk op School" (PO, 10 days)
    expect(await run(at('2027-05-06T09:00'))).toBe(0); // "Deadline aanmelding OPDC" (VO): the fixture has PO schools only
  });
});

describe('retention', () => {
  it('removes pupil data and free text of requests closed longer ago than the retention period', async () => {
    const { id } = await fileRequest(h, h.client(PEOPLE.carla), 'thuiszitter');
    await h.db.prisma.request.update({
      where: { id },
      data: { status: 'closed', closedAt: clock.daysAgo(731), outcome: 'Advies gegeven' },
    });
    const fresh = await fileRequest(h, h.client(PEOPLE.carla), 'thuiszitter');
    await h.db.prisma.request.update({ where: { id: fresh.id }, data: { status: 'closed', closedAt: clock.now() } });
    await h.bot.reminders.runOnce(clock.now());
    const old = await h.db.prisma.request.findUniqueOrThrow({ where: { id }, include: { events: true } });
    expect(old.pupil).toEqual({ kind: 'anonymous' });
    expect(JSON.stringify(old.details)).not.toContain('Gesprekken');
    expect(old.outcome).toBeNull();
    expect(old.anonymisedAt).toBeInstanceOf(Date);
    expect(old.type).toBe('thuiszitter'); // still counts in anonymised reporting
    const sent = await h.db.prisma.delivery.findMany({ where: { dedupeKey: { startsWith: `request:${id}:` }, status: 'sent' } });
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((d) => JSON.stringify(d.payload) === '{"removed":true}')).toBe(true);
    const kept = await h.db.prisma.request.findUniqueOrThrow({ where: { id: fresh.id } });
    expect(kept.pupil).toMatchObject({ kind: 'identified', name: 'Jan de Boer' });
  });

  it('an anonymised JES-overleg still opens, without names or e-mail addresses', async () => {
    const { id } = await fileRequest(h, h.client(PEOPLE.carla), 'jes');
    await h.db.prisma.request.update({ where: { id }, data: { status: 'withdrawn', closedAt: clock.daysAgo(800) } });
    await h.bot.reminders.runOnce(clock.now());
    const view = await h.client(PEOPLE.carla).execute('request.view', { requestId: id });
    const text = textOf(view.card!);
    expect(text).toContain('[verwijderd na de bewaartermijn]');
    expect(text).not.toContain('Fatima El Amrani');
    expect(JSON.stringify(view.card)).not.toContain('welzijn-voorbeeld.nl');
  });
});

describe('reminders from requests', () => {
  it('a request nobody picked up is brought up in its thread, and after five days to the office', async () => {
    const { id, reference } = await fileRequest(h, h.client(PEOPLE.carla), 'spreekuur');
    await run(weekdayIn(3));
    const replies = h.connector.posts.filter((p) => p.replyToId && String(p.activity.text).includes('wacht al'));
    expect(replies).toHaveLength(1);
    expect(replies[0]!.conversationId).toContain(ANNA_CHANNEL.channelId);
    await run(weekdayIn(3));
    expect(h.connector.posts.filter((p) => p.replyToId && String(p.activity.text).includes('wacht al'))).toHaveLength(1);
    await run(weekdayIn(7));
    expect(chatText('eva')).toContain(`${reference} van Obs Het Kompas wacht al`);
    await h
      .client(PEOPLE.anna, { id: ANNA_CHANNEL.channelId, type: 'channel', ...ANNA_CHANNEL })
      .execute('request.claim', { requestId: id });
  });

  it('counts the waiting time from a hand-over, not from filing', async () => {
    const { id, reference } = await fileRequest(h, h.client(PEOPLE.carla), 'spreekuur');
    // Filed ten days before a working day, handed over (back to "new") the day before it.
    const runAt = weekdayIn(1);
    const local = DateTime.fromJSDate(runAt, { zone: 'Europe/Amsterdam' });
    const tenDaysBefore = local.minus({ days: 10 }).toJSDate();
    const dayBefore = local.minus({ days: 1 }).toJSDate();
    await h.db.prisma.request.update({ where: { id }, data: { createdAt: tenDaysBefore } });
    await h.db.prisma.requestEvent.updateMany({ where: { requestId: id }, data: { at: tenDaysBefore } });
    await h.db.prisma.requestEvent.create({
      data: { requestId: id, action: 'handover', fromStatus: 'claimed', toStatus: 'new', at: dayBefore },
    });
    const thread = await h.db.prisma.delivery.findUniqueOrThrow({ where: { dedupeKey: `request:${id}:thread` } });
    const waitingInThread = () =>
      h.connector.posts.filter((p) => p.conversationId === thread.conversationId && String(p.activity.text).includes('wacht al'));
    await run(runAt);
    expect(waitingInThread()).toHaveLength(0);
    expect(chatText('eva')).not.toContain(`${reference} van Obs Het Kompas wacht al`);
    // Two days after the hand-over it is brought up after all (so the test above can fail).
    let later = local.plus({ days: 1 });
    while (later.weekday > 5) later = later.plus({ days: 1 });
    await run(later.toJSDate());
    expect(waitingInThread()).toHaveLength(1);
    await h
      .client(PEOPLE.anna, { id: ANNA_CHANNEL.channelId, type: 'channel', ...ANNA_CHANNEL })
      .execute('request.claim', { requestId: id });
  });

  it('reminds the school weekly of the DUO/OT duty until it is recorded', async () => {
    const { id, reference } = await fileRequest(h, h.client(PEOPLE.carla), 'thuiszitter');
    await run(weekdayIn(0));
    expect(chatText('carla')).toContain(`Meldplicht thuiszitter: ${reference} — J.B. · “Meedenken over een passend aanbod.”`);
    const count = () =>
      h.connector.cardsIn(h.client(PEOPLE.carla).conversationId).filter((c) => textOf(c).includes(`Meldplicht thuiszitter: ${reference}`))
        .length;
    expect(count()).toBe(1);
    const { details } = await h.db.prisma.request.findUniqueOrThrow({ where: { id } });
    const filed = details as { firstAbsentDate: string; tried: string };
    const facts = { kind: 'thuiszitter', firstAbsentDate: filed.firstAbsentDate, reason: 'schoolweigering', tried: filed.tried };
    await h.client(PEOPLE.carla).execute('request.report', { requestId: id, ...facts, duoDate: isoDay(0) });
    await run(weekdayIn(8));
    expect(count()).toBe(2); // DUO alone does not meet the duty
    await h.client(PEOPLE.carla).execute('request.report', { requestId: id, ...facts, duoDate: isoDay(0), otDate: isoDay(0) });
    await run(weekdayIn(15));
    expect(count()).toBe(2);
  });

  it('reminds coordinator and consultant the day before an appointment', async () => {
    const { id, reference } = await fileRequest(h, h.client(PEOPLE.carla), 'spreekuur');
    const anna = h.client(PEOPLE.anna, { id: ANNA_CHANNEL.channelId, type: 'channel', ...ANNA_CHANNEL });
    await anna.execute('request.claim', { requestId: id });
    const dayBefore = weekdayIn(4);
    const appointmentDate = DateTime.fromJSDate(dayBefore, { zone: 'Europe/Amsterdam' }).plus({ days: 1 }).toISODate()!;
    await anna.execute('request.plan', { requestId: id, date: appointmentDate, time: '11:00', place: 'school' });
    await run(dayBefore);
    expect(chatText('carla')).toContain(`Morgen: spreekuur ${reference}`);
    expect(chatText('anna')).toContain(`Morgen: spreekuur ${reference}`);
  });
});
