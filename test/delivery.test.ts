import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueue } from '../bot/delivery/outbox.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { importFixture, PEOPLE } from './support/org.ts';
import { textOf } from './support/cards.ts';
import { clock } from './support/clock.ts';
import { DEFAULT_TIMING, DeliveryWorker } from '../bot/delivery/worker.ts';
import { TeamsSender } from '../bot/delivery/teamsSender.ts';
import { createConnectorClients } from '../bot/teams/adapter.ts';
import { createLogger } from '../bot/log.ts';

let h: Harness;
let evaChat: string;
beforeAll(async () => {
  h = await startHarness({ teamsTimeoutMs: 1_000 });
  await importFixture(h.db);
  const eva = h.client(PEOPLE.eva);
  await eva.say('hallo'); // gives the bot a chat with Eva
  evaChat = eva.conversationId;
});
afterAll(() => h?.close());
beforeEach(() => h.connector.reset());

async function queueNotice(key: string) {
  const eva = await h.db.prisma.person.findFirstOrThrow({ where: { name: 'Eva Mulder' } });
  await h.db.prisma.$transaction((tx) =>
    enqueue(tx, { key, target: { type: 'person', personId: eva.id }, payload: { text: `bericht ${key}` } }),
  );
  return key;
}
const row = (key: string) => h.db.prisma.delivery.findUniqueOrThrow({ where: { dedupeKey: key } });
/** Lets time pass for the outbox: makes a scheduled retry due now. */
const makeDue = (key: string) =>
  h.db.prisma.delivery.update({ where: { dedupeKey: key }, data: { nextAttemptAt: new Date(Date.now() - 1) } });
const postsWith = (text: string) => h.connector.messagesIn(evaChat).filter((a) => a.text === text);

describe('delivery to Teams', () => {
  it('retries after a server error and posts exactly once', async () => {
    const key = await queueNotice('retry-500');
    h.connector.failNext({ status: 500 }, { status: 502 });
    await h.deliver();
    expect(postsWith('bericht retry-500')).toHaveLength(0);
    const afterFirst = await row(key);
    expect(afterFirst.status).toBe('pending');
    expect(afterFirst.lastError).toBe('HTTP 500');
    expect(afterFirst.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    await makeDue(key);
    await h.deliver();
    await makeDue(key);
    await h.deliver();
    expect(postsWith('bericht retry-500')).toHaveLength(1);
    expect((await row(key)).status).toBe('sent');
    expect((await row(key)).attempts).toBe(3);
    await h.deliver();
    expect(postsWith('bericht retry-500')).toHaveLength(1);
  });

  it('honours Retry-After on 429: the row waits, and so does every other send (the budget is per tenant)', async () => {
    const key = await queueNotice('retry-429');
    h.connector.failNext({ status: 429, retryAfterSeconds: 2 });
    const before = Date.now();
    await h.deliver();
    const r = await row(key);
    expect(r.status).toBe('pending');
    expect(r.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 2_000);
    await makeDue(key);
    await queueNotice('after-429');
    await h.deliver();
    expect(Date.now() - before).toBeGreaterThanOrEqual(1_900);
    expect(postsWith('bericht retry-429')).toHaveLength(1);
    expect(postsWith('bericht after-429')).toHaveLength(1);
  });

  it('gives up on an answer that no retry can fix, and keeps the reason', async () => {
    const key = await queueNotice('forbidden');
    h.connector.failNext({ status: 403 });
    await h.deliver();
    const r = await row(key);
    expect(r.status).toBe('failed');
    expect(r.lastError).toBe('HTTP 403');
  });

  it('keeps messages to one conversation in the order they were written', async () => {
    await queueNotice('order-1');
    await queueNotice('order-2');
    h.connector.failNext({ status: 503 });
    await h.deliver(); // order-1 fails; order-2 must wait for it
    expect(h.connector.messagesIn(evaChat)).toHaveLength(0);
    await makeDue('order-1');
    await h.deliver();
    expect(h.connector.messagesIn(evaChat).map((a) => a.text)).toEqual(['bericht order-1', 'bericht order-2']);
  });

  it('writing the same message twice stores it once', async () => {
    await queueNotice('twice');
    await queueNotice('twice');
    expect(await h.db.prisma.delivery.count({ where: { dedupeKey: 'twice' } })).toBe(1);
    await h.deliver();
    expect(postsWith('bericht twice')).toHaveLength(1);
  });

  it('sends what was saved before a restart, once', async () => {
    // A registration is saved; Teams is down when the approval card is first sent; the bot restarts.
    const stranger = h.client({ id: '29:restart', aadObjectId: '00000000-0000-4000-8000-0000000000ee', name: 'Rik Nieuw' });
    await stranger.say('hallo');
    const form = h.connector.cardsIn(stranger.conversationId).at(-1)!;
    h.connector.failNext({ status: 503 }, { status: 503 }, { status: 503 });
    await stranger.press(form, 'Aanmelden', { School: 'Cbs De Ark (34CD00)' });
    await h.deliver();
    expect(h.connector.cardsIn(evaChat).filter((c) => textOf(c).includes('Rik Nieuw'))).toHaveLength(0);

    await h.restart();
    await h.db.prisma.delivery.updateMany({ where: { status: 'pending' }, data: { nextAttemptAt: new Date(Date.now() - 1) } });
    h.connector.reset();
    await h.deliver();
    await h.deliver();
    expect(h.connector.cardsIn(evaChat).filter((c) => textOf(c).includes('Rik Nieuw'))).toHaveLength(1);
  });

  it('takes over a message whose sender died while sending (lease expired)', async () => {
    const key = await queueNotice('lease');
    await h.db.prisma.delivery.update({ where: { dedupeKey: key }, data: { lockedUntil: new Date(Date.now() + 60_000), attempts: 1 } });
    await h.deliver();
    expect(postsWith('bericht lease')).toHaveLength(0);
    await h.db.prisma.delivery.update({ where: { dedupeKey: key }, data: { lockedUntil: new Date(Date.now() - 1) } });
    await h.deliver();
    expect(postsWith('bericht lease')).toHaveLength(1);
  });

  it('a Teams call that never answers times out; the worker goes on with other conversations and retries it', async () => {
    const key = await queueNotice('hang');
    h.connector.failNext({ delayMs: 5_000 }); // longer than the 1 s timeout of this harness
    const started = Date.now();
    await h.deliver();
    expect(Date.now() - started).toBeLessThan(4_000);
    const r = await row(key);
    expect(r.status).toBe('pending');
    expect(r.attempts).toBe(1);
    await makeDue(key);
    await h.deliver();
    expect((await row(key)).status).toBe('sent');
  });

  it('parks a message that failed for a day: later messages to the same person go out, the office hears once', async () => {
    const poison = await queueNotice('poison');
    await h.db.prisma.delivery.update({ where: { dedupeKey: poison }, data: { createdAt: new Date(Date.now() - 25 * 3_600_000) } });
    const after = await queueNotice('after-poison');
    h.connector.failNext({ status: 503 });
    await h.deliver();
    expect((await row(poison)).status).toBe('parked');
    expect((await row(poison)).deadAt).toBeInstanceOf(Date);
    expect(postsWith('bericht after-poison')).toHaveLength(1);
    expect((await row(after)).status).toBe('sent');

    const morning = clock.weekdayIn(1);
    await h.bot.reminders.runOnce(morning);
    await h.deliver();
    await h.bot.reminders.runOnce(new Date(morning.getTime() + 3_600_000));
    await h.deliver();
    const digests = h.connector.cardsIn(evaChat).filter((c) => textOf(c).includes('Niet afgeleverd in Teams'));
    expect(digests).toHaveLength(1);
    expect(textOf(digests[0]!)).toContain('1 berichten aan een persoon (te lang geprobeerd)');
  });

  it('a second instance never sends a row whose send is still in flight (the lease is renewed)', async () => {
    const key = await queueNotice('in-flight');
    const logger = createLogger('silent');
    const worker = (name: string) =>
      new DeliveryWorker(
        h.db.prisma,
        new TeamsSender(h.db.prisma, createConnectorClients(undefined), 10_000),
        {},
        logger.child({ name }),
        60_000,
        { ...DEFAULT_TIMING, leaseSeconds: 1, heartbeatMs: 200 },
      );
    const a = worker('a');
    const b = worker('b');
    h.connector.failNext({ delayMs: 2_500 }); // Teams is slow: longer than the lease
    const first = a.drain();
    await new Promise((r) => setTimeout(r, 1_500)); // the original lease has run out by now
    await b.drain();
    await first;
    expect(postsWith('bericht in-flight')).toHaveLength(1);
    expect((await row(key)).status).toBe('sent');
  });
});
