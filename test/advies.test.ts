import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';
import { ANNA_CHANNEL, importFixture, PEOPLE } from './support/org.ts';
import { actionsOf, inputsOf, textOf, type Card } from './support/cards.ts';
import { isoDay } from './support/dates.ts';
import { FORMS, fileRequest } from './support/requests.ts';
import { clock } from './support/clock.ts';
import type { TeamsClient } from './support/teamsClient.ts';

// The consultant as gatekeeper: advice before an OPDC placement or a TLV request, over the real endpoint.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await importFixture(h.db);
  // Dirk's school is a secondary school here: only VO schools see the OPDC.
  await h.db.prisma.school.updateMany({ where: { coordinators: { some: { person: { name: 'Dirk Bakker' } } } }, data: { sector: 'VO' } });
  for (const p of [PEOPLE.carla, PEOPLE.dirk, PEOPLE.anna, PEOPLE.eva]) await h.client(p).say('hallo');
});
afterAll(() => h?.close());
beforeEach(() => h.connector.reset());

const anna = () => h.client(PEOPLE.anna, { id: ANNA_CHANNEL.channelId, type: 'channel', ...ANNA_CHANNEL });
const carla = () => h.client(PEOPLE.carla);
const dirk = () => h.client(PEOPLE.dirk);
const saysTo = (client: TeamsClient) => h.connector.cardsIn(client.conversationId).map(textOf).join('\n---\n');
const buttons = (card: Card) => actionsOf(card).map((a) => a.title);
const viewOf = async (client: TeamsClient, requestId: string) => (await client.execute('request.refresh', { requestId })).card!;

async function adviesForm(client: TeamsClient): Promise<Card> {
  await client.say('ik wil advies vragen');
  return h.connector
    .cardsIn(client.conversationId)
    .filter((c) => JSON.stringify(c.actions ?? []).includes('Controleren'))
    .at(-1)!;
}

describe('Advies vragen: the form', () => {
  it('offers what the sector allows: a primary school sees TLV sbo, no OPDC; a secondary school the OPDC', async () => {
    const kinds = (card: Card) =>
      inputsOf(card)
        .find((i) => i.id === 'kind')
        ?.choices?.map((c) => c.title);
    expect(kinds(await adviesForm(carla()))).toEqual(['TLV sbo', 'TLV so/vso cluster 3', 'TLV so/vso cluster 4']);
    expect(kinds(await adviesForm(dirk()))).toEqual(['OPDC-plaatsing', 'TLV so/vso cluster 3', 'TLV so/vso cluster 4']);
  });

  it('refuses an anonymous pupil with a message that says why, and keeps what was typed', async () => {
    const form = await adviesForm(carla());
    const res = await carla().press(form, 'Controleren', {
      ...FORMS.advies,
      'Naam leerling': 'xxx',
      'Geboortedatum (dd-mm-jjjj)': '00-00-00',
    });
    const text = textOf(res.card!);
    expect(text).toContain('Voor een advies over een OPDC-plaatsing of TLV is de naam van de leerling nodig');
    expect(JSON.stringify(res.card)).toContain('Een jaar arrangement met extra begeleiding.');
    expect(await h.db.prisma.request.count({ where: { type: 'advies' } })).toBe(0);
  });
});

describe('a TLV advice from request to decision', () => {
  let id: string;
  let reference: string;
  let shared: string;
  beforeAll(async () => {
    h.connector.reset();
    ({ id, reference } = await fileRequest(h, carla(), 'advies'));
    shared = textOf(h.connector.threadsInChannel(ANNA_CHANNEL.channelId).at(-1)!.params.activity.attachments[0].content);
  });

  it('reaches the consultant; the channel card shares no pupil data', async () => {
    expect(shared).toContain(reference);
    expect(shared).toContain('Adviesvraag');
    expect(shared).not.toContain('Noor Jansen');
    expect(buttons(await viewOf(anna(), id))).toEqual(['Oppakken', 'Overdragen', 'Aanmelden voor JES']);
  });

  it('the TLV route cannot be recorded before a positive advice', async () => {
    await anna().press(await viewOf(anna(), id), 'Oppakken');
    expect(buttons(await viewOf(anna(), id))).not.toContain('TLV-verloop vastleggen');
    const early = await anna().execute('request.tlv.form', { requestId: id });
    expect(textOf(early.card!)).toContain('Dit kan pas na een positief advies over een TLV.');
  });

  it('Advies geven: motivation and valid-until are required; a positive TLV advice keeps the request open', async () => {
    const form = (await anna().press(await viewOf(anna(), id), 'Advies geven')).card!;
    const bad = await anna().press(form, 'Advies vastleggen', { Advies: 'Positief' });
    expect(textOf(bad.card!)).toContain('Schrijf uw motivering');
    expect(textOf(bad.card!)).toContain('Vul in tot wanneer het advies geldt.');
    const ok = await anna().press(bad.card!, 'Advies vastleggen', {
      Motivering: 'Cluster 3 past bij de ondersteuningsbehoefte.',
      'Geldig tot': isoDay(180),
    });
    expect(textOf(ok.card!)).toContain('Advies vastgelegd: positief.');
    expect(buttons(ok.card!)).toContain('TLV-verloop vastleggen');
    await h.deliver();
    expect(saysTo(carla())).toContain('advies: positief');
    expect(saysTo(carla())).toContain('Cluster 3 past bij de ondersteuningsbehoefte.');
    expect((await h.db.prisma.request.findUniqueOrThrow({ where: { id } })).status).toBe('claimed');
  });

  it('the decision needs both expert advices; then it closes the request and the school hears it', async () => {
    const form = (await anna().press(await viewOf(anna(), id), 'TLV-verloop vastleggen')).card!;
    const one = await anna().press(form, 'Vastleggen', {
      'Onderwijs Transparant': 'true',
      'Deskundige 1: discipline (bijv. orthopedagoog)': 'Orthopedagoog',
      'Deskundige 1: advies ontvangen op': isoDay(-2),
      'Deskundige 1: advies': 'Positief',
      'Besluit van het samenwerkingsverband': 'Toegekend',
    });
    expect(textOf(one.card!)).toContain('Een besluit volgt op de adviezen van twee deskundigen');
    const both = await anna().press(one.card!, 'Vastleggen', {
      'Deskundige 2: discipline (bijv. orthopedagoog)': 'Kinderpsychiater',
      'Deskundige 2: advies ontvangen op': isoDay(-1),
      'Deskundige 2: advies': 'Positief',
      'TLV geldig vanaf': isoDay(30),
      'TLV geldig tot': isoDay(30 + 2 * 365),
    });
    expect(textOf(both.card!)).toContain('Vastgelegd.');
    const request = await h.db.prisma.request.findUniqueOrThrow({ where: { id } });
    expect(request.status).toBe('closed');
    expect(request.outcome).toMatch(/^TLV toegekend/);
    await h.deliver();
    expect(saysTo(carla())).toContain('Besluit van het samenwerkingsverband: TLV toegekend');
    const mine = await carla().execute('request.view', { requestId: id });
    expect(textOf(mine.card!)).toContain('Deskundige 2: Kinderpsychiater: positief');
  });
});

describe('an OPDC advice', () => {
  it('a negative advice closes the request; the coordinator gets the motivation', async () => {
    const { id } = await fileRequest(h, dirk(), 'advies', { 'Advies over': 'OPDC-plaatsing' });
    // Dirk's school has its own consultant in the fixture; whoever it is acts on it.
    const request = await h.db.prisma.request.findUniqueOrThrow({ where: { id }, include: { consultant: true } });
    await h.db.prisma.consultant.update({ where: { personId: request.consultantId }, data: ANNA_CHANNEL });
    const consultant = Object.values(PEOPLE).find((p) => p.name === request.consultant.name)!;
    const client = h.client(consultant, { id: ANNA_CHANNEL.channelId, type: 'channel', ...ANNA_CHANNEL });
    await client.press(await viewOf(client, id), 'Oppakken');
    const form = (await client.press(await viewOf(client, id), 'Advies geven')).card!;
    const res = await client.press(form, 'Advies vastleggen', {
      Advies: 'Negatief',
      Motivering: 'Eerst een arrangement binnen de school proberen.',
      'Geldig tot': isoDay(90),
    });
    expect(textOf(res.card!)).toContain('Advies vastgelegd: negatief.');
    expect((await h.db.prisma.request.findUniqueOrThrow({ where: { id } })).status).toBe('closed');
    await h.deliver();
    expect(saysTo(dirk())).toContain('Eerst een arrangement binnen de school proberen.');
  });
});

describe('reminders that follow advice requests', () => {
  const annaChat = () => h.connector.cardsIn(h.client(PEOPLE.anna).conversationId).map(textOf).join('\n');
  const run = async (now: Date) => {
    await h.bot.reminders.runOnce(now);
    await h.deliver();
  };

  it('an advice not given within ten working days reminds the consultant, once a week', async () => {
    const { id, reference } = await fileRequest(h, carla(), 'advies');
    await run(clock.weekdayIn(7)); // fewer than ten working days
    expect(annaChat()).not.toContain(`Advies gevraagd: ${reference}`);
    await run(clock.weekdayIn(15));
    expect(annaChat()).toContain(`Advies gevraagd: ${reference}`);
    const reminders = () => h.db.prisma.delivery.count({ where: { dedupeKey: { startsWith: `request:${id}:advice-due:` } } });
    expect(await reminders()).toBe(1);
    await run(clock.weekdayIn(15)); // the same week again: nothing new
    expect(await reminders()).toBe(1);
  });

  it('a granted TLV that ends within eight weeks reminds the school once', async () => {
    const { id, reference } = await fileRequest(h, carla(), 'advies');
    const end = clock.isoDay(60);
    await h.db.prisma.request.update({
      where: { id },
      data: {
        status: 'closed',
        closedAt: clock.now(),
        gatekeeping: {
          advice: { advice: 'positief', motivation: 'm', validUntil: clock.isoDay(90), givenAt: clock.isoDay(0), givenBy: 'Anna de Vries' },
          tlv: { experts: [], decision: { outcome: 'toegekend', start: clock.isoDay(1), end, decidedOn: clock.isoDay(0) } },
        },
      },
    });
    await run(clock.weekdayIn(1)); // 59 days before the end: more than eight weeks
    expect(saysTo(carla())).not.toContain(`TLV loopt af: ${reference}`);
    await run(clock.weekdayIn(8));
    expect(saysTo(carla())).toContain(`TLV loopt af: ${reference}`);
    expect(await h.db.prisma.delivery.count({ where: { dedupeKey: { startsWith: `request:${id}:tlv-ends:` } } })).toBe(1);
  });
});
