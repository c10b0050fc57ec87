// Retention that really forgets: anonymised requests are also scrubbed from the cards in Teams and from
// the outbox; contacts that never became known are purged; requests nobody works on expire.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyRetention } from '../bot/features/retention/index.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { ANNA_CHANNEL, importFixture, PEOPLE } from './support/org.ts';
import { FORMS, fileRequest } from './support/requests.ts';
import { REQUEST_KINDS } from '../bot/domain/requests/kinds.ts';
import { REQUEST_TYPES } from '../bot/domain/requests/types.ts';
import { textOf } from './support/cards.ts';
import { clock } from './support/clock.ts';

let h: Harness;
const policy = { retentionDays: 730, registrationDays: 90, unknownContactDays: 90, inactiveRequestDays: 365, sparringDays: 90 };
const anna = () => h.client(PEOPLE.anna, { id: ANNA_CHANNEL.channelId, type: 'channel', ...ANNA_CHANNEL });
beforeAll(async () => {
  h = await startHarness();
  await importFixture(h.db);
  for (const p of [PEOPLE.carla, PEOPLE.anna, PEOPLE.eva]) await h.client(p).say('hallo');
});
afterAll(() => h?.close());

describe('retention of every request type', () => {
  // Every type's test values are marked; after anonymisation no marked text and no pupil may remain.
  for (const type of REQUEST_TYPES) {
    it(`${type}: the free texts, the pupil and the people it names are gone`, async () => {
      const marked = Object.fromEntries(
        Object.entries(FORMS[type]).map(([label, value]) =>
          /^\d|^(Ja|Nee|Ochtend|Op school|Normaal|Ouders|Thuiszitter|TLV|Schoolweigering)/.test(value)
            ? [label, value]
            : [label, `MERK ${value}`],
        ),
      );
      const { id } = await fileRequest(h, h.client(PEOPLE.carla), type, marked);
      const before = await h.db.prisma.request.findUniqueOrThrow({ where: { id } });
      expect(JSON.stringify(before.details) + JSON.stringify(before.pupil)).toMatch(/MERK|Jan de Boer|Noor Jansen/);
      await h.db.prisma.request.update({ where: { id }, data: { status: 'closed', closedAt: clock.daysAgo(731) } });
      await applyRetention(h.db.prisma, clock.now(), policy);
      const after = await h.db.prisma.request.findUniqueOrThrow({ where: { id } });
      const kept = JSON.stringify(after.details) + JSON.stringify(after.pupil);
      expect(kept).not.toMatch(/MERK|Jan de Boer|Noor Jansen/);
      expect(after.pupil === null || JSON.stringify(after.pupil) === '{"kind":"anonymous"}').toBe(true);
      for (const field of REQUEST_KINDS[type].people) {
        const people = (after.details as Record<string, unknown>)[field];
        if (Array.isArray(people)) for (const p of people) expect(Object.keys(p as object)).toEqual(['role']);
      }
    });
  }
});

describe('retention', () => {
  it('an anonymised request disappears from the cards already in Teams and from messages not sent yet', async () => {
    const { id, reference } = await fileRequest(h, h.client(PEOPLE.carla), 'thuiszitter', {
      'Uw vraag aan het SOT': 'GEHEIME-VRAAG over Jan',
    });
    await anna().execute('request.claim', { requestId: id });
    const form = (await anna().execute('request.ask.form', { requestId: id })).card!;
    await anna().press(form, 'Vraag versturen', { 'Uw vraag aan de school': 'GEHEIME-VERVOLGVRAAG over zijn thuissituatie' });
    await h.deliver();
    const sentToCarla = h.connector.posts.filter((p) => JSON.stringify(p.activity).includes('GEHEIME-VERVOLGVRAAG'));
    expect(sentToCarla.length).toBeGreaterThan(0);
    // A message about it is still waiting in the outbox (Teams was down).
    await h.db.prisma.delivery.create({
      data: {
        dedupeKey: `request:${id}:notify:late`,
        kind: 'person',
        targetKey: 'person:late',
        target: { type: 'person', personId: 'x' },
        payload: { text: 'GEHEIME-VRAAG nog onderweg' },
        nextAttemptAt: new Date(Date.now() + 3_600_000),
      },
    });
    await h.db.prisma.request.update({
      where: { id },
      data: { status: 'closed', closedAt: clock.daysAgo(731), outcome: 'Advies gegeven' },
    });

    const done = await applyRetention(h.db.prisma, clock.now(), policy);
    expect(done.anonymised).toBe(1);
    await h.deliver();
    // Every message that said something about it was replaced in Teams.
    for (const post of sentToCarla) {
      const update = h.connector.updates.filter((u) => u.id === post.id).at(-1);
      expect(update, `message ${post.id} was not replaced`).toBeDefined();
      expect(JSON.stringify(update!.activity)).not.toContain('GEHEIM');
      expect(textOf(update!.activity.attachments[0].content)).toContain('Verwijderd na de bewaartermijn');
    }
    const pending = await h.db.prisma.delivery.findUniqueOrThrow({ where: { dedupeKey: `request:${id}:notify:late` } });
    expect(JSON.stringify(pending.payload)).not.toContain('GEHEIM');
    const rows = await h.db.prisma.delivery.findMany({ where: { dedupeKey: { startsWith: `request:${id}:` } } });
    expect(JSON.stringify(rows.map((r) => r.payload))).not.toContain('GEHEIM');
    expect(reference).toMatch(/SOT-/);
  });

  it('a JES-overleg linked to its case: both anonymised, the link (an id) stays, the JES form in the chat is replaced', async () => {
    const origin = await fileRequest(h, h.client(PEOPLE.carla), 'spreekuur', {
      'Uw vraag (kort)': 'GEHEIM-JES over zijn thuissituatie',
      'Gaat het over een leerling?': 'Ja, met initialen en groep',
      'Initialen leerling': 'G.H.',
      'Groep of leerjaar': 'groep 8',
    });
    await anna().execute('request.claim', { requestId: origin.id });
    await anna().execute('request.jes.form', { requestId: origin.id });
    await h.deliver();
    const annaChat = h.client(PEOPLE.anna);
    const formPost = h.connector.posts
      .filter((p) => p.conversationId === annaChat.conversationId && JSON.stringify(p.activity).includes('GEHEIM-JES'))
      .at(-1)!;
    const form = h.connector.cardsIn(annaChat.conversationId).at(-1)!;
    const review = (
      await annaChat.press(form, 'Controleren', {
        'Moment 1: datum': FORMS.jes['Moment 1: datum']!,
        'Moment 1: begintijd': '14:00',
        Locatie: 'Op school',
      })
    ).card!;
    await annaChat.press(review, 'Versturen');
    const jes = await h.db.prisma.request.findFirstOrThrow({ where: { linkedRequestId: origin.id } });
    expect(JSON.stringify(jes.details)).toContain('GEHEIM-JES');
    for (const id of [origin.id, jes.id]) {
      await h.db.prisma.request.update({ where: { id }, data: { status: 'closed', closedAt: clock.daysAgo(731) } });
    }
    await applyRetention(h.db.prisma, clock.now(), policy);
    await h.deliver();

    const [originAfter, jesAfter] = await Promise.all(
      [origin.id, jes.id].map((id) => h.db.prisma.request.findUniqueOrThrow({ where: { id } })),
    );
    expect(originAfter!.anonymisedAt).not.toBeNull();
    expect(jesAfter!.anonymisedAt).not.toBeNull();
    expect(jesAfter!.linkedRequestId).toBe(origin.id);
    expect(JSON.stringify([originAfter, jesAfter])).not.toMatch(/GEHEIM|G\.H\./);
    const events = await h.db.prisma.requestEvent.findMany({ where: { requestId: { in: [origin.id, jes.id] } } });
    expect(events.some((e) => e.action === 'jes')).toBe(true);
    expect(events.every((e) => e.note === null)).toBe(true);
    // The JES form sent to the consultant's chat is replaced too, and the outbox keeps no copy.
    const update = h.connector.updates.filter((u) => u.id === formPost.id).at(-1);
    expect(update, 'the JES form was not replaced').toBeDefined();
    expect(textOf(update!.activity.attachments[0].content)).toContain('Verwijderd na de bewaartermijn');
    const rows = await h.db.prisma.delivery.findMany({ where: { dedupeKey: { startsWith: `request:${origin.id}:` } } });
    expect(JSON.stringify(rows.map((r) => r.payload))).not.toContain('GEHEIM');
  });

  it('forgets registrations and the chats of people who never became known, after the set period', async () => {
    const stranger = h.client({ id: '29:vergeten', aadObjectId: '00000000-0000-4000-8000-00000000f0f0', name: 'Vera Vergeten' });
    await stranger.say('hallo');
    const school = await h.db.prisma.school.findFirstOrThrow();
    await stranger.execute('registration.submit', { schoolId: school.id, role: 'IB' });
    await h.client(PEOPLE.eva).execute('registration.reject', {
      registrationId: (await h.db.prisma.registration.findFirstOrThrow({ where: { name: 'Vera Vergeten' } })).id,
    });
    expect(await applyRetention(h.db.prisma, clock.now(), policy)).toMatchObject({ registrationsPurged: 0, unknownContactsPurged: 0 });
    const later = new Date(clock.now().getTime() + 91 * 86_400_000);
    const done = await applyRetention(h.db.prisma, later, policy);
    expect(done.registrationsPurged).toBeGreaterThanOrEqual(1);
    expect(done.unknownContactsPurged).toBeGreaterThanOrEqual(1);
    expect(await h.db.prisma.registration.count({ where: { name: 'Vera Vergeten' } })).toBe(0);
    expect(await h.db.prisma.unknownUserConversation.count({ where: { aadObjectId: '00000000-0000-4000-8000-00000000f0f0' } })).toBe(0);
    // Known people keep their chat.
    expect(await h.db.prisma.personalConversation.count()).toBeGreaterThanOrEqual(3);
    const audit = await h.db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'retention.purge' }, orderBy: { id: 'desc' } });
    expect(JSON.stringify(audit.details)).not.toContain('Vera');
  });

  it('closes an anonymous sparring that went nowhere, and any request without activity for a year; the school is told', async () => {
    const sparring = await fileRequest(h, h.client(PEOPLE.carla), 'thuiszitter', {
      'Anoniem sparren': 'true',
      'Naam leerling': '',
      'Geboortedatum (dd-mm-jjjj)': '',
    });
    const quiet = await fileRequest(h, h.client(PEOPLE.carla), 'spreekuur');
    const fresh = await fileRequest(h, h.client(PEOPLE.carla), 'spreekuur');
    const back = async (id: string, days: number) => {
      await h.db.prisma.request.update({ where: { id }, data: { createdAt: clock.daysAgo(days) } });
      await h.db.prisma.requestEvent.updateMany({ where: { requestId: id }, data: { at: clock.daysAgo(days) } });
    };
    await back(sparring.id, 100);
    await back(quiet.id, 400);
    await back(fresh.id, 100); // a named request: 100 days is not long enough
    const done = await applyRetention(h.db.prisma, clock.now(), policy);
    expect(done.expired).toBe(2);
    for (const id of [sparring.id, quiet.id]) {
      const r = await h.db.prisma.request.findUniqueOrThrow({ where: { id }, include: { events: true } });
      expect(r.status).toBe('closed');
      expect(r.events.at(-1)).toMatchObject({ action: 'expire', actorId: null, toStatus: 'closed' });
    }
    expect((await h.db.prisma.request.findUniqueOrThrow({ where: { id: fresh.id } })).status).toBe('new');
    await h.deliver();
    const told = h.connector
      .cardsIn(h.client(PEOPLE.carla).conversationId)
      .map(textOf)
      .filter((t) => t.includes('afgesloten (geen activiteit)'));
    expect(told).toHaveLength(2);
    expect((await applyRetention(h.db.prisma, clock.now(), policy)).expired).toBe(0); // once
  });
});
