import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { startHarness, type Harness } from './support/harness.ts';
import { ANNA_CHANNEL, importFixture, PEOPLE } from './support/org.ts';
import { actionsOf, inputsOf, textOf, type Card } from './support/cards.ts';
import { isoDay } from './support/dates.ts';
import { fileRequest } from './support/requests.ts';
import type { TeamsClient } from './support/teamsClient.ts';

let h: Harness;
const BRAM_CHANNEL = { teamId: '19:team-sot@thread.tacv2', channelId: '19:kanaal-bram@thread.tacv2' };
beforeAll(async () => {
  h = await startHarness();
  await importFixture(h.db);
  await h.db.prisma.consultant.updateMany({ where: { person: { name: 'Bram Visser' } }, data: BRAM_CHANNEL });
  for (const p of [PEOPLE.carla, PEOPLE.anna, PEOPLE.bram, PEOPLE.eva]) await h.client(p).say('hallo');
});
afterAll(() => h?.close());
beforeEach(() => h.connector.reset());

const anna = () => h.client(PEOPLE.anna, { id: ANNA_CHANNEL.channelId, type: 'channel', ...ANNA_CHANNEL });
const bram = () => h.client(PEOPLE.bram, { id: BRAM_CHANNEL.channelId, type: 'channel', ...BRAM_CHANNEL });
const carla = () => h.client(PEOPLE.carla);
const carlaSays = () => h.connector.cardsIn(carla().conversationId).map(textOf).join('\n---\n');
const buttons = (card: Card) => actionsOf(card).map((a) => a.title);
/** The personal view Teams asks for (Universal Actions refresh). */
const viewOf = async (client: TeamsClient, requestId: string) => (await client.execute('request.refresh', { requestId })).card!;

describe('the channel card', () => {
  it('@mentions the consultant, shows status only to everyone, and refreshes with buttons for the consultant', async () => {
    const { id, reference } = await fileRequest(h, carla(), 'spreekuur');
    const thread = h.connector.threadsInChannel(ANNA_CHANNEL.channelId).at(-1)!;
    const shared = thread.params.activity.attachments[0].content;
    expect(textOf(shared)).toContain(reference);
    expect(textOf(shared)).toContain('<at>Anna de Vries</at>');
    expect(buttons(shared)).toEqual(['Mijn acties tonen']);
    expect(shared.refresh.action.verb).toBe('request.refresh');
    expect(shared.refresh.userIds).toContain(PEOPLE.anna.id);
    expect(shared.refresh.userIds).not.toContain(PEOPLE.carla.id);

    expect(buttons(await viewOf(anna(), id))).toEqual(['Oppakken', 'Overdragen', 'Aanmelden voor JES']);
    expect(buttons(await viewOf(bram(), id))).toEqual([]); // another consultant: status only
    expect(buttons(await viewOf(h.client(PEOPLE.eva), id))).toEqual(['Overdragen']);
  });
});

describe('a spreekuur from pick-up to close', () => {
  let id: string;
  beforeAll(async () => {
    ({ id } = await fileRequest(h, carla(), 'spreekuur'));
  });

  it('Oppakken: the consultant takes it, the card updates everywhere, the coordinator is told', async () => {
    const res = await anna().press(await viewOf(anna(), id), 'Oppakken');
    expect(textOf(res.card!)).toContain('U heeft deze aanvraag opgepakt.');
    expect(textOf(res.card!)).toContain('Opgepakt door: Anna de Vries');
    expect(buttons(res.card!)).toEqual([
      'Inplannen',
      'Vraag stellen',
      'Overdragen',
      'Afronden',
      'Kijk op School voorstellen',
      'Aanmelden voor JES',
    ]);
    await h.deliver();
    expect(h.connector.updates.some((u) => JSON.stringify(u.activity).includes('Opgepakt door'))).toBe(true);
    expect(carlaSays()).toContain('opgepakt door Anna de Vries');

    const again = await anna().execute('request.claim', { requestId: id });
    expect(textOf(again.card!)).toContain('U heeft deze aanvraag al opgepakt.');
    expect(await h.db.prisma.requestEvent.count({ where: { requestId: id, action: 'claim' } })).toBe(1);
  });

  it('Inplannen: needs a date in the future; then the coordinator gets when and where', async () => {
    const form = (await anna().press(await viewOf(anna(), id), 'Inplannen')).card!;
    const bad = await anna().press(form, 'Afspraak opslaan', { Datum: isoDay(-1), Tijd: '10:00', Plaats: 'Op school' });
    expect(textOf(bad.card!)).toContain('moet vandaag of later zijn');
    expect(inputsOf(bad.card!).find((i) => i.id === 'time')?.value).toBe('10:00');
    const ok = await anna().press(bad.card!, 'Afspraak opslaan', { Datum: isoDay(3) });
    expect(textOf(ok.card!)).toContain('Ingepland');
    await h.deliver();
    expect(carlaSays()).toMatch(/Op \w+ \d+ \w+ \d{4} om 10:00 komt Anna de Vries op school langs voor het spreekuur\./);
  });

  it('Verzetten: a concrete new date, a reason and the interim agreement are required and recorded', async () => {
    const form = (await anna().press(await viewOf(anna(), id), 'Verzetten')).card!;
    const bad = await anna().press(form, 'Verzetten', { 'Nieuwe datum': isoDay(8), 'Nieuwe tijd': '13:30' });
    expect(textOf(bad.card!)).toContain('Vul de reden in.');
    expect(textOf(bad.card!)).toContain('Spreek af wat er tussentijds gebeurt');
    const ok = await anna().press(bad.card!, 'Verzetten', {
      'Reden van verzetten': 'Consulent ziek',
      'Wat kan er tussentijds gebeuren, en door wie?': 'Leerkracht houdt een logboek bij.',
    });
    expect(textOf(ok.card!)).toContain('Tussentijds: Leerkracht houdt een logboek bij.');
    await h.deliver();
    expect(carlaSays()).toContain('Reden: Consulent ziek');
    const request = await h.db.prisma.request.findUniqueOrThrow({ where: { id } });
    expect(request.interimAgreement).toBe('Leerkracht houdt een logboek bij.');
    expect((request.appointment as { time: string }).time).toBe('13:30');
  });

  it('Vraag stellen: the coordinator answers 1:1; the answer lands in the thread and the history', async () => {
    const form = (await anna().press(await viewOf(anna(), id), 'Vraag stellen')).card!;
    await anna().press(form, 'Vraag versturen', { 'Uw vraag aan de school': 'Is er een OPP?' });
    expect((await h.db.prisma.request.findUniqueOrThrow({ where: { id } })).status).toBe('waiting');
    await h.deliver();
    const question = h.connector.cardsIn(carla().conversationId).at(-1)!;
    expect(textOf(question)).toContain('Is er een OPP?');
    const answered = await carla().press(question, 'Antwoord versturen', { 'Uw antwoord': 'Ja, sinds oktober.' });
    expect(textOf(answered.card!)).toContain('Uw antwoord is doorgestuurd');
    expect(textOf(answered.card!)).toContain('Vraag beantwoord door Carla Smit');
    await h.deliver();
    expect(h.connector.posts.some((p) => p.replyToId && String(p.activity.text).includes('Ja, sinds oktober.'))).toBe(true);
    expect((await h.db.prisma.request.findUniqueOrThrow({ where: { id } })).status).toBe('planned');
    // Messages in the coordinator's chat are never replaced by the consultants' channel card.
    const chat = carla().conversationId;
    expect(h.connector.updates.filter((u) => u.conversationId === chat)).toEqual([]);
  });

  it('Afronden: with an outcome; the coordinator hears the outcome and the history is complete', async () => {
    const form = (await anna().press(await viewOf(anna(), id), 'Afronden')).card!;
    const done = await anna().press(form, 'Afronden', {
      Uitkomst: 'Advies gegeven',
      'Advies of toelichting (optioneel)': 'Inzet faalangsttraining.',
    });
    expect(textOf(done.card!)).toContain('Afgerond');
    expect(buttons(done.card!)).toEqual([]);
    await h.deliver();
    expect(carlaSays()).toContain('Uitkomst: Advies gegeven');
    const events = await h.db.prisma.requestEvent.findMany({ where: { requestId: id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => `${e.action}:${e.fromStatus ?? '-'}>${e.toStatus}`)).toEqual([
      'submitted:->new',
      'claim:new>claimed',
      'plan:claimed>planned',
      'move:planned>planned',
      'ask:planned>waiting',
      'answer:waiting>planned',
      'close:planned>closed',
    ]);
    expect(events.every((e) => e.at instanceof Date)).toBe(true);
  });
});

describe('races and forged card data', () => {
  it('two people claim a thuiszitter signal at once: one wins, the other hears who', async () => {
    const { id } = await fileRequest(h, carla(), 'thuiszitter');
    const [a, b] = await Promise.all([
      anna().execute('request.claim', { requestId: id }),
      bram().execute('request.claim', { requestId: id }),
    ]);
    const texts = [textOf(a.card!), textOf(b.card!)];
    expect(texts.filter((t) => t.includes('U heeft deze aanvraag opgepakt.'))).toHaveLength(1);
    expect(texts.filter((t) => /Al opgepakt door (Anna de Vries|Bram Visser)/.test(t))).toHaveLength(1);
    expect(await h.db.prisma.requestEvent.count({ where: { requestId: id, action: 'claim' } })).toBe(1);
  });

  it('ignores card data: a coordinator cannot claim, another school cannot see, a state in the data changes nothing', async () => {
    const { id } = await fileRequest(h, carla(), 'spreekuur');
    const forged = await carla().execute('request.claim', { requestId: id, status: 'new', consultantId: 'x' });
    expect(textOf(forged.card!)).toContain('Alleen Anna de Vries');
    const dirk = await h.client(PEOPLE.dirk).execute('request.close', { requestId: id, outcome: 'advies' });
    expect(textOf(dirk.card!)).toContain('Geen toegang');
    const early = await anna().execute('request.close', { requestId: id, outcome: 'advies', status: 'claimed' });
    expect(textOf(early.card!)).toContain('Dit kan niet meer');
    expect((await h.db.prisma.request.findUniqueOrThrow({ where: { id } })).status).toBe('new');
  });
});

describe('repeated submits', () => {
  it('the same Verzetten form submitted twice (double click, Teams retry) moves once', async () => {
    const { id } = await fileRequest(h, carla(), 'spreekuur');
    await anna().execute('request.claim', { requestId: id });
    await anna().execute('request.plan', { requestId: id, date: isoDay(4), time: '09:00', place: 'school' });
    const form = (await anna().press(await viewOf(anna(), id), 'Verzetten')).card!;
    const fill = {
      'Nieuwe datum': isoDay(9),
      'Nieuwe tijd': '15:00',
      'Reden van verzetten': 'Studiedag',
      'Wat kan er tussentijds gebeuren, en door wie?': 'IB-er belt ouders.',
    };
    const [a, b] = await Promise.all([anna().press(form, 'Verzetten', fill), anna().press(form, 'Verzetten', fill)]);
    expect(textOf(a.card!)).toContain('Afspraak:');
    expect(textOf(b.card!)).toContain('Afspraak:');
    expect(await h.db.prisma.requestEvent.count({ where: { requestId: id, action: 'move' } })).toBe(1);
  });

  it('another consultant cannot open an action form of a request that is not theirs', async () => {
    const { id } = await fileRequest(h, carla(), 'spreekuur');
    const res = await bram().execute('request.close.form', { requestId: id });
    expect(textOf(res.card!)).toContain('Alleen Anna de Vries');
    expect(inputsOf(res.card!)).toEqual([]);
  });
});

describe('hand-over and thuiszitter reporting', () => {
  it("Overdragen moves the request to the other consultant's channel; both threads say so", async () => {
    const { id, reference } = await fileRequest(h, carla(), 'spreekuur');
    const form = (await anna().press(await viewOf(anna(), id), 'Overdragen')).card!;
    const res = await anna().press(form, 'Overdragen', {
      'Overdragen aan': 'Bram Visser',
      'Toelichting voor de nieuwe consulent': 'Bram kent de school.',
    });
    expect(textOf(res.card!)).toContain('Overgedragen aan Bram Visser');
    await h.deliver();
    const newThread = h.connector.threadsInChannel(BRAM_CHANNEL.channelId).find((t) => JSON.stringify(t.params).includes(reference));
    expect(newThread).toBeDefined();
    expect(JSON.stringify(newThread!.params)).not.toContain('Bram kent de school.'); // shared card: no free text
    expect(textOf(await viewOf(bram(), id))).toContain('Bram kent de school.');
    expect(h.connector.posts.some((p) => p.replyToId && String(p.activity.text).startsWith('Overgedragen aan Bram Visser'))).toBe(true);
    expect(carlaSays()).toContain('overgedragen aan Bram Visser');
    expect(buttons(await viewOf(bram(), id))).toContain('Oppakken');
    expect(buttons(await viewOf(anna(), id))).toEqual([]);
  });

  it('the coordinator records the DUO and OT reporting of a thuiszitter, each with its date; the duty is met only by both', async () => {
    const { id } = await fileRequest(h, carla(), 'thuiszitter');
    const view = (await carla().execute('request.view', { requestId: id })).card!;
    expect(textOf(view)).toMatch(/DUO- en OT-melding: nog te doen — \d+ weken verzuim/);
    const form = (await carla().press(view, 'Gegevens aanvullen')).card!;
    // The form holds what the signal said; only the dates are added.
    expect(inputsOf(form).find((i) => i.label === 'Wat heeft de school al geprobeerd?')?.value).toBe(
      'Gesprekken en een aangepast rooster.',
    );
    const duoOnly = await carla().press(form, 'Opslaan', { 'Verzuim gemeld bij DUO op': isoDay(-3) });
    expect(textOf(duoOnly.card!)).toMatch(/DUO- en OT-melding: nog te doen: OT \(gedaan: DUO \d+ \w+\) — \d+ weken verzuim/);
    const again = (await carla().press(duoOnly.card!, 'Gegevens aanvullen')).card!;
    const future = await carla().press(again, 'Opslaan', { 'Gemeld in Onderwijs Transparant op': isoDay(1) });
    expect(textOf(future.card!)).toContain('Gemeld in Onderwijs Transparant op kan niet in de toekomst liggen.');
    const both = await carla().press(future.card!, 'Opslaan', { 'Gemeld in Onderwijs Transparant op': isoDay(-1) });
    // DUO kept from the first save.
    expect(textOf(both.card!)).toMatch(/DUO- en OT-melding: gedaan \(DUO \d+ \w+, OT \d+ \w+\)/);
  });
});

describe('anonymous sparring that continues', () => {
  it('the coordinator names the pupil later; the channel card then shows initials only, the history no pupil data', async () => {
    const { id } = await fileRequest(h, carla(), 'thuiszitter', {
      'Anoniem sparren': 'true',
      'Naam leerling': '',
      'Geboortedatum (dd-mm-jjjj)': '',
    });
    const view = (await carla().execute('request.view', { requestId: id })).card!;
    const form = (await carla().press(view, 'Leerling alsnog noemen')).card!;
    const bad = await carla().press(form, 'Opslaan', { 'Naam leerling': 'Sara Kok', 'Geboortedatum (dd-mm-jjjj)': '31-31-2015' });
    expect(textOf(bad.card!)).toContain('bestaande geboortedatum');
    expect(inputsOf(bad.card!).find((i) => i.id === 'pupilName')?.value).toBe('Sara Kok');
    const ok = await carla().press(bad.card!, 'Opslaan', { 'Geboortedatum (dd-mm-jjjj)': '02-05-2015' });
    expect(textOf(ok.card!)).toContain('Leerling: Sara Kok, geboren 2 mei 2015');
    expect(textOf(ok.card!)).not.toContain('Leerling alsnog noemen');
    await h.deliver();
    expect(h.connector.updates.some((u) => JSON.stringify(u.activity).includes('Sara Kok'))).toBe(false);
    const own = textOf(await viewOf(anna(), id));
    expect(own).toContain('S.K.');
    expect(own).not.toContain('Sara Kok');
    const events = await h.db.prisma.requestEvent.findMany({ where: { requestId: id, action: 'identify' } });
    expect(events).toHaveLength(1);
    expect(events[0]!.note).toBeNull();
  });
});

describe('JES-overleg calendar file', () => {
  it('planning a JES-overleg gives the coordinator an .ics link with the right Amsterdam times', async () => {
    const { id } = await fileRequest(h, carla(), 'jes');
    await anna().execute('request.claim', { requestId: id });
    const form = (await anna().press(await viewOf(anna(), id), 'Inplannen')).card!;
    const proposal = inputsOf(form).find((i) => i.id === 'proposal')!;
    expect(proposal.choices!.length).toBe(3); // two proposals and "another moment"
    const summerMoment = proposal.choices![1]!.value; // 200 days ahead: the other side of a DST change
    await anna().press(form, 'Afspraak opslaan', { 'Voorgesteld moment': summerMoment, Plaats: 'Op school' });
    await h.deliver();
    const notice = h.connector.cardsIn(carla().conversationId).at(-1)!;
    const link = actionsOf(notice).find((a) => a.type === 'Action.OpenUrl') as unknown as { url: string };
    expect(link.url).toMatch(/\/ics\/.+\.ics$/);
    const res = await fetch(h.botUrl.replace('/api/messages', new URL(link.url).pathname));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const ics = (await res.text()).replace(/\r\n /g, ''); // unfold long lines
    const expectedStart = DateTime.fromISO(summerMoment, { zone: 'Europe/Amsterdam' }).toFormat("yyyyMMdd'T'HHmmss");
    expect(ics).toContain(`DTSTART;TZID=Europe/Amsterdam:${expectedStart}`);
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect(ics).toContain('f.elamrani@welzijn-voorbeeld.nl');
    expect(ics).not.toContain('Afstemmen van hulp'); // the question stays in the bot

    const forged = await fetch(h.botUrl.replace('/api/messages', `/ics/${id}/wrongtoken.ics`));
    expect(forged.status).toBe(404);
  });
});
