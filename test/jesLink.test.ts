import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';
import { ANNA_CHANNEL, importFixture, PEOPLE } from './support/org.ts';
import { actionsOf, inputsOf, textOf, type Card } from './support/cards.ts';
import { FORMS, fileRequest } from './support/requests.ts';
import type { TeamsClient } from './support/teamsClient.ts';
import { clock } from './support/clock.ts';

// "Aanmelden voor JES": every pupil the school discusses with the SOT also comes to the JES-overleg. From an
// open case, its consultant (in the channel) or the school's coordinator (in their chat) files a JES-overleg
// through the normal JES form → review → Versturen, filled in from the case and linked to it both ways.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await importFixture(h.db);
  for (const p of [PEOPLE.carla, PEOPLE.anna, PEOPLE.dirk, PEOPLE.bram, PEOPLE.eva]) await h.client(p).say('hallo');
});
afterAll(() => h?.close());

const annaInChannel = () => h.client(PEOPLE.anna, { id: ANNA_CHANNEL.channelId, type: 'channel', ...ANNA_CHANNEL });
const annaInChat = () => h.client(PEOPLE.anna);
const carla = () => h.client(PEOPLE.carla);
const dirk = () => h.client(PEOPLE.dirk);
const viewOf = async (client: TeamsClient, requestId: string) => (await client.execute('request.refresh', { requestId })).card!;
const buttons = (card: Card) => actionsOf(card).map((a) => a.title);
const inputValue = (card: Card, label: string) => inputsOf(card).find((i) => i.label === label)?.value;
const lastCardWith = (client: TeamsClient, button: string): Card =>
  h.connector
    .cardsIn(client.conversationId)
    .filter((c) => actionsOf(c).some((a) => a.title === button))
    .at(-1)!;

/** The JES form's other fields: moments and place (subject and question come from the case). */
const { 'Leerling (initialen) of onderwerp': _subject, 'De vraag voor het overleg': _question, ...JES_REST } = FORMS.jes;

const jesLinkedTo = (originId: string) => h.db.prisma.request.findMany({ where: { linkedRequestId: originId } });
const jesEventsOn = (originId: string) => h.db.prisma.requestEvent.findMany({ where: { requestId: originId, action: 'jes' } });

describe('Aanmelden voor JES by the consultant, from the channel card', () => {
  let spreekuur: { id: string; reference: string };
  let jesReference: string;

  it('a picked-up spreekuur offers "Aanmelden voor JES"; the form arrives in the consultant\'s chat, filled in from the case', async () => {
    spreekuur = await fileRequest(h, carla(), 'spreekuur', {
      'Gaat het over een leerling?': 'Ja, met initialen en groep',
      'Initialen leerling': 'K.L.',
      'Groep of leerjaar': 'groep 7',
    });
    const claimed = (await annaInChannel().press(await viewOf(annaInChannel(), spreekuur.id), 'Oppakken')).card!;
    expect(buttons(claimed)).toContain('Aanmelden voor JES');

    const answer = (await annaInChannel().press(claimed, 'Aanmelden voor JES')).card!;
    expect(textOf(answer)).toContain('Het aanmeldformulier voor het JES-overleg staat klaar in uw chat met de SOT-bot');
    await h.deliver();
    const form = lastCardWith(annaInChat(), 'Controleren');
    expect(textOf(form)).toContain(`Aanmelding vanuit ${spreekuur.reference} (Spreekuur)`);
    expect(inputValue(form, 'Leerling (initialen) of onderwerp')).toBe('K.L., groep 7');
    expect(inputValue(form, 'De vraag voor het overleg')).toBe(FORMS.spreekuur['Uw vraag (kort)']);
  });

  it('the review names the case and who entered it for whom; "Wijzigen" keeps the link; Versturen links both ways', async () => {
    const form = lastCardWith(annaInChat(), 'Controleren');
    let review = (await annaInChat().press(form, 'Controleren', JES_REST)).card!;
    expect(textOf(review)).toContain(`Komt voort uit: ${spreekuur.reference} (Spreekuur)`);
    expect(textOf(review)).toContain('Anna de Vries namens Obs Het Kompas');
    // Back to the form and on again: the form stays editable and the case stays with it.
    const edit = (await annaInChat().press(review, 'Wijzigen')).card!;
    expect(textOf(edit)).toContain(`Aanmelding vanuit ${spreekuur.reference}`);
    review = (await annaInChat().press(edit, 'Controleren', { 'De vraag voor het overleg': 'Hulp thuis en op school afstemmen.' })).card!;
    expect(textOf(review)).toContain(`Komt voort uit: ${spreekuur.reference} (Spreekuur)`);

    // The same click twice (a double click, a Teams retry): one JES-overleg, one history entry on the case.
    const sent = (await annaInChat().press(review, 'Versturen')).card!;
    jesReference = /Uw referentie: (SOT-\d{4}-\d{4})/.exec(textOf(sent))![1]!;
    expect(textOf(sent)).toContain(`Komt voort uit: ${spreekuur.reference} (Spreekuur)`);
    const again = (await annaInChat().press(review, 'Versturen')).card!;
    expect(textOf(again)).toContain(`Deze aanvraag is al verstuurd. Uw referentie: ${jesReference}`);

    const linked = await jesLinkedTo(spreekuur.id);
    expect(linked).toHaveLength(1);
    expect(linked[0]).toMatchObject({ reference: jesReference, type: 'jes', enteredBySot: true, status: 'new' });
    expect(linked[0]!.details).toMatchObject({ subject: 'K.L., groep 7', question: 'Hulp thuis en op school afstemmen.' });
    const events = await jesEventsOn(spreekuur.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ fromStatus: 'claimed', toStatus: 'claimed', note: `JES-overleg ${jesReference}` });
    // The case itself goes on as it was.
    expect((await h.db.prisma.request.findUniqueOrThrow({ where: { id: spreekuur.id } })).status).toBe('claimed');
  });

  it("both cards show the link, to those who may read the details; the school's coordinator is told", async () => {
    const jes = await h.db.prisma.request.findUniqueOrThrow({ where: { reference: jesReference } });
    expect(textOf(await viewOf(annaInChannel(), jes.id))).toContain(`Komt voort uit: ${spreekuur.reference} (Spreekuur)`);
    const origin = textOf(await viewOf(annaInChannel(), spreekuur.id));
    expect(origin).toContain(`Aangemeld voor JES: ${jesReference}`);
    // Another consultant in the channel sees the shared facts only.
    expect(textOf(await viewOf(h.client(PEOPLE.bram), spreekuur.id))).not.toContain('Aangemeld voor JES');

    // The case's card in the channel is refreshed by the same step (its update was written with the history entry).
    const [event] = await jesEventsOn(spreekuur.id);
    const refresh = await h.db.prisma.delivery.findUnique({ where: { dedupeKey: `request:${spreekuur.id}:thread:update:${event!.id}` } });
    expect(refresh).not.toBeNull();
    await h.deliver();
    const told = h.connector.cardsIn(carla().conversationId).map(textOf).join('\n');
    expect(told).toContain(`JES-overleg ${jesReference}: ingevoerd door het SOT`);
    expect(told).toContain(`${spreekuur.reference} (Spreekuur) aangemeld voor het JES-overleg`);
    const summary = textOf((await carla().execute('request.view', { requestId: spreekuur.id })).card!);
    expect(summary).toContain(`Aangemeld voor JES: ${jesReference}`);
    expect(summary).toContain(`Aangemeld voor JES door Anna de Vries (JES-overleg ${jesReference})`);
    expect(textOf((await carla().execute('request.view', { requestId: jes.id })).card!)).toContain(
      `Komt voort uit: ${spreekuur.reference} (Spreekuur)`,
    );
  });
});

describe('Aanmelden voor JES by the coordinator, from their chat', () => {
  it('a thuiszitter signal: the form is the answer, the pupil by initials only; Versturen links both ways', async () => {
    const signal = await fileRequest(h, carla(), 'thuiszitter');
    const summary = (await carla().execute('request.view', { requestId: signal.id })).card!;
    const form = (await carla().press(summary, 'Aanmelden voor JES')).card!;
    expect(textOf(form)).toContain(`Aanmelding vanuit ${signal.reference} (Thuiszittermelding)`);
    expect(inputValue(form, 'Leerling (initialen) of onderwerp')).toBe('J.B.');
    expect(JSON.stringify(form)).not.toContain('Jan de Boer');
    expect(inputValue(form, 'De vraag voor het overleg')).toBe(FORMS.thuiszitter['Uw vraag aan het SOT']);

    const review = (await carla().press(form, 'Controleren', JES_REST)).card!;
    expect(textOf(review)).not.toContain('Ingevoerd door');
    const sent = (await carla().press(review, 'Versturen')).card!;
    const reference = /Uw referentie: (SOT-\d{4}-\d{4})/.exec(textOf(sent))![1]!;
    const [jes] = await jesLinkedTo(signal.id);
    expect(jes).toMatchObject({
      reference,
      enteredBySot: false,
      schoolId: (await h.db.prisma.request.findUniqueOrThrow({ where: { id: signal.id } })).schoolId,
    });
    expect(await jesEventsOn(signal.id)).toHaveLength(1);
    expect(textOf((await carla().execute('request.view', { requestId: signal.id })).card!)).toContain(`Aangemeld voor JES: ${reference}`);
    // The consultant sees where the JES-overleg comes from on its card.
    expect(textOf(await viewOf(annaInChannel(), jes!.id))).toContain(`Komt voort uit: ${signal.reference} (Thuiszittermelding)`);
  });

  it('a JES-overleg itself offers no "Aanmelden voor JES"', async () => {
    const [jes] = await h.db.prisma.request.findMany({ where: { type: 'jes' }, take: 1 });
    expect(buttons((await carla().execute('request.view', { requestId: jes!.id })).card!)).not.toContain('Aanmelden voor JES');
    expect(buttons(await viewOf(annaInChannel(), jes!.id))).not.toContain('Aanmelden voor JES');
  });
});

describe("forged, closed or someone else's case: refused, nothing stored", () => {
  let kompasCase: { id: string; reference: string };
  let arkId: string;
  let kompasId: string;
  beforeAll(async () => {
    kompasCase = await fileRequest(h, carla(), 'advies');
    arkId = (await h.db.prisma.school.findFirstOrThrow({ where: { name: 'Cbs De Ark' } })).id;
    kompasId = (await h.db.prisma.school.findFirstOrThrow({ where: { name: 'Obs Het Kompas' } })).id;
  });
  const jesCount = () => h.db.prisma.request.count({ where: { type: 'jes' } });
  const values = {
    subject: 'X.Y.',
    question: 'Vraag',
    moment1Date: FORMS.jes['Moment 1: datum']!,
    moment1Time: '14:00',
    location: 'school',
  };

  it("another school's coordinator: the button, the review and Versturen all refuse", async () => {
    const before = await jesCount();
    expect(textOf((await dirk().execute('request.jes.form', { requestId: kompasCase.id })).card!)).toContain(
      'Deze aanvraag hoort niet bij uw school.',
    );
    const review = textOf((await dirk().execute('jes.review', { schoolId: arkId, linkedRequestId: kompasCase.id, ...values })).card!);
    expect(review).toContain('Aanmelden voor JES kan niet');
    expect(review).toContain(`U kunt ${kompasCase.reference} niet aanmelden voor JES`);
    const confirm = (
      await dirk().execute('request.confirm', {
        type: 'jes',
        schoolId: arkId,
        submissionId: 'forged-1',
        values,
        linkedRequestId: kompasCase.id,
      })
    ).card!;
    expect(textOf(confirm)).toContain('Aanmelden voor JES kan niet');
    // Naming the other school as well: that school is not theirs.
    const otherSchool = (await dirk().execute('jes.review', { schoolId: kompasId, linkedRequestId: kompasCase.id, ...values })).card!;
    expect(textOf(otherSchool)).toContain('Deze school hoort niet (meer) bij u');
    expect(await jesCount()).toBe(before);
    expect(await jesEventsOn(kompasCase.id)).toHaveLength(0);
  });

  it('a consultant who does not handle the case, and the office, get no button and are refused', async () => {
    for (const who of [PEOPLE.bram, PEOPLE.eva]) {
      const view = await viewOf(h.client(who), kompasCase.id);
      expect(buttons(view)).not.toContain('Aanmelden voor JES');
      const refused = textOf((await h.client(who).execute('request.jes.form', { requestId: kompasCase.id })).card!);
      expect(refused).toContain('Alleen Anna de Vries (de consulent van deze aanvraag)');
      const confirm = textOf(
        (
          await h.client(who).execute('request.confirm', {
            type: 'jes',
            schoolId: kompasId,
            submissionId: `forged-${who.id}`,
            values,
            linkedRequestId: kompasCase.id,
          })
        ).card!,
      );
      expect(confirm).toContain(`U kunt ${kompasCase.reference} niet aanmelden voor JES`);
    }
    expect(await jesEventsOn(kompasCase.id)).toHaveLength(0);
  });

  it('a case of another school than the JES-overleg, or a JES-overleg as the case, is refused', async () => {
    const arkSchool = arkId;
    // Anna (consultant of Het Kompas) files for any school on its behalf, but not linked to a case of another school.
    const wrongSchool = textOf(
      (await annaInChat().execute('jes.review', { schoolId: arkSchool, linkedRequestId: kompasCase.id, ...values })).card!,
    );
    expect(wrongSchool).toContain(`Het JES-overleg hoort bij dezelfde school als ${kompasCase.reference}`);
    const [jes] = await h.db.prisma.request.findMany({ where: { type: 'jes', schoolId: kompasId }, take: 1 });
    const fromJes = textOf((await carla().execute('jes.review', { schoolId: kompasId, linkedRequestId: jes!.id, ...values })).card!);
    expect(fromJes).toContain(`${jes!.reference} is zelf al een JES-overleg.`);
    const unknown = textOf(
      (await carla().execute('jes.review', { schoolId: kompasId, linkedRequestId: 'no-such-request', ...values })).card!,
    );
    expect(unknown).toContain('bestaat niet (meer)');
  });

  it('a case closed after the form was made: Versturen is refused and nothing is stored', async () => {
    const summary = (await carla().execute('request.view', { requestId: kompasCase.id })).card!;
    const form = (await carla().press(summary, 'Aanmelden voor JES')).card!;
    const review = (await carla().press(form, 'Controleren', JES_REST)).card!;
    await h.db.prisma.request.update({ where: { id: kompasCase.id }, data: { status: 'closed', closedAt: clock.now() } });
    const before = await jesCount();
    const sent = textOf((await carla().press(review, 'Versturen')).card!);
    expect(sent).toContain('Aanmelden voor JES kan niet');
    expect(sent).toContain(`${kompasCase.reference} is afgerond. Aanmelden voor JES kan alleen vanuit een aanvraag die nog loopt.`);
    expect(await jesCount()).toBe(before);
    expect(await jesEventsOn(kompasCase.id)).toHaveLength(0);
    // No button any more, and the button's verb is refused too.
    expect(buttons((await carla().execute('request.view', { requestId: kompasCase.id })).card!)).not.toContain('Aanmelden voor JES');
    expect(textOf((await carla().execute('request.jes.form', { requestId: kompasCase.id })).card!)).toContain('Dit kan niet meer');
  });
});

describe('two Versturen clicks at the same moment', () => {
  it('make one JES-overleg and one history entry on the case', async () => {
    const visit = await fileRequest(h, carla(), 'kijkOpSchool');
    const summary = (await carla().execute('request.view', { requestId: visit.id })).card!;
    const form = (await carla().press(summary, 'Aanmelden voor JES')).card!;
    const review = (await carla().press(form, 'Controleren', JES_REST)).card!;
    const [a, b] = await Promise.all([carla().press(review, 'Versturen'), carla().press(review, 'Versturen')]);
    const references = [a, b].map((r) => /Uw referentie: (SOT-\d{4}-\d{4})/.exec(textOf(r.card!))?.[1]);
    expect(references[0]).toBeDefined();
    expect(references[1]).toBe(references[0]);
    expect(await jesLinkedTo(visit.id)).toHaveLength(1);
    expect(await jesEventsOn(visit.id)).toHaveLength(1);
  });
});
