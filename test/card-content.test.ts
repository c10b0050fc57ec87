// What cards say at a glance (issue 14): every list line and notice names what it is about, a thuiszitter
// card says the reporting duty once, the review and summary name every place a request goes, and someone
// without buttons is told why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';
import { ANNA_CHANNEL, importFixture, PEOPLE } from './support/org.ts';
import { actionsOf, type Card, textOf } from './support/cards.ts';
import { fileRequest, FORMS } from './support/requests.ts';
import { isoDay } from './support/dates.ts';
import { clock } from './support/clock.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await importFixture(h.db);
});
afterAll(() => h?.close());

const TZT_CHANNEL = '19:kanaal-thuiszitters@thread.tacv2';
const carla = () => h.client(PEOPLE.carla);
const anna = () => h.client(PEOPLE.anna, { id: ANNA_CHANNEL.channelId, type: 'channel', ...ANNA_CHANNEL });
const bram = () => h.client(PEOPLE.bram, { id: ANNA_CHANNEL.channelId, type: 'channel', ...ANNA_CHANNEL });
const titleOf = (card: Card) => String(card.body[0].text);

describe('what a request is about', () => {
  it('"Mijn aanvragen" names type, initials or anoniem and the question start, never a full name, with the time of the list', async () => {
    await fileRequest(h, carla(), 'spreekuur');
    await fileRequest(h, carla(), 'thuiszitter');
    const list = (await carla().execute('mine.list')).card!;
    const text = textOf(list);
    expect(text).toContain('Spreekuur · anoniem · “Hoe ondersteunen we een leerling met faalangst?”');
    expect(text).toMatch(/Thuiszitter\w* · J\.B\. · “Meedenken over een passend aanbod\.”/);
    expect(text).not.toContain('Jan de Boer');
    expect(text).not.toContain('Obs Het Kompas'); // Carla has one school: no school on the lines
    expect(text).toMatch(/Stand van \d+ \w+ \d{4} om \d\d:\d\d/);
    expect(actionsOf(list).map((a) => a.title)).toContain('Vernieuwen');
    // The reference never breaks: its own column, without wrapping.
    const json = JSON.stringify(list);
    expect(json).toMatch(/"text":"\*\*SOT-\d{4}-\d{4}\*\*","wrap":false/);
  });

  it('a notice to the coordinator names type, initials and question start in its title, never the full name', async () => {
    const { id, reference } = await fileRequest(h, carla(), 'thuiszitter');
    const own = (await anna().execute('request.refresh', { requestId: id })).card!;
    await anna().press(own, 'Oppakken');
    await h.deliver();
    const notice = h.connector
      .cardsIn(carla().conversationId)
      .filter((c) => titleOf(c).includes(reference) && titleOf(c).includes('opgepakt door'))
      .at(-1)!;
    expect(titleOf(notice)).toMatch(
      new RegExp(`^Thuiszitter\\w* ${reference}: opgepakt door Anna de Vries — J\\.B\\. · “Meedenken over een passend aanbod\\.”$`),
    );
    expect(JSON.stringify(notice)).not.toContain('Jan de Boer');
    // The summary shows in pop-ups and on a locked phone: no initials, no question.
    const message = h.connector.messagesIn(carla().conversationId).find((m) => String(m.summary ?? '').includes('opgepakt door'))!;
    expect(message.summary).toMatch(new RegExp(`^Thuiszitter\\w* ${reference}: opgepakt door Anna de Vries$`));
  });

  it('the channel card names the pupil by initials and the question start for those who handle it, nothing on the shared card', async () => {
    const { id } = await fileRequest(h, carla(), 'thuiszitter');
    const shared = h.connector.threadsInChannel(ANNA_CHANNEL.channelId).at(-1)!.params.activity.attachments[0].content;
    expect(textOf(shared)).not.toContain('J.B.');
    expect(actionsOf(shared).map((a) => a.title)).toEqual(['Mijn acties tonen']);
    expect(shared.refresh.action.title).toBe('Mijn acties tonen');
    const own = (await anna().execute('request.refresh', { requestId: id })).card!;
    expect(textOf(own)).toContain('J.B. · “Meedenken over een passend aanbod.”');
  });

  it('cuts a long question at a word boundary with "…"', async () => {
    const question = 'Hoe begeleiden we een leerling die in de klas snel is afgeleid en daardoor steeds verder achterop raakt bij rekenen?';
    await fileRequest(h, carla(), 'spreekuur', { 'Uw vraag (kort)': question });
    const text = textOf((await carla().execute('mine.list')).card!);
    expect(text).toContain('Spreekuur · anoniem · “Hoe begeleiden we een leerling die in de klas snel is…”');
  });
});

describe('thuiszitter: the reporting duty once, and every destination named', () => {
  it('the review and the summary name the consultant and the Thuiszittersteam, where the signal indeed goes', async () => {
    const client = carla();
    await client.say('thuiszitter melden');
    const form = h.connector
      .cardsIn(client.conversationId)
      .filter((c) => JSON.stringify(c.actions ?? []).includes('Controleren'))
      .at(-1)!;
    const review = (await client.press(form, 'Controleren', FORMS.thuiszitter)).card!;
    expect(textOf(review)).toContain(
      'Dit gaat naar Anna de Vries, de SOT-consulent van Obs Het Kompas, en naar het Thuiszittersteam. Klopt alles?',
    );
    const before = h.connector.threadsInChannel(TZT_CHANNEL).length;
    const sent = (await client.press(review, 'Versturen')).card!;
    expect(textOf(sent)).toMatch(/✓ Verstuurd naar Anna de Vries en het Thuiszittersteam\. Uw referentie: SOT-\d{4}-\d{4}\./);
    await h.deliver();
    expect(h.connector.threadsInChannel(TZT_CHANNEL)).toHaveLength(before + 1);
  });

  it('a spreekuur names only the consultant', async () => {
    const client = carla();
    await client.say('spreekuur');
    const form = h.connector
      .cardsIn(client.conversationId)
      .filter((c) => JSON.stringify(c.actions ?? []).includes('Controleren'))
      .at(-1)!;
    const review = (await client.press(form, 'Controleren', FORMS.spreekuur)).card!;
    expect(textOf(review)).toContain('Dit gaat naar Anna de Vries, de SOT-consulent van Obs Het Kompas. Klopt alles?');
    expect(textOf(review)).not.toContain('Thuiszittersteam');
  });

  it('one reporting-duty row on the summary and the channel card, no warning box', async () => {
    const { id } = await fileRequest(h, carla(), 'thuiszitter'); // 35 days absent: 5 school weeks
    const summary = (await carla().execute('request.view', { requestId: id })).card!;
    const own = (await anna().execute('request.refresh', { requestId: id })).card!;
    for (const card of [summary, own]) {
      const text = textOf(card);
      expect(text).toContain('DUO- en OT-melding: nog te doen — 5 weken verzuim');
      expect(text.match(/DUO/g)).toHaveLength(1);
      expect(text).not.toContain('Onderwijs Transparant');
      expect(JSON.stringify(card)).not.toContain('"style":"warning"');
    }
  });

  it('a withdrawn signal shows the duty as it stood, not "nog te doen", and its weeks stop counting', async () => {
    const { id } = await fileRequest(h, carla(), 'thuiszitter'); // 5 school weeks absent
    await carla().execute('request.withdraw', { requestId: id });
    const back = clock.now();
    try {
      clock.set(new Date(back.getTime() + 21 * 24 * 3600_000));
      const text = textOf((await carla().execute('request.view', { requestId: id })).card!);
      expect(text).toContain('DUO- en OT-melding: niet vastgelegd');
      expect(text).not.toContain('nog te doen');
      expect(text).toMatch(/Verzuim: 5 weken/);
    } finally {
      clock.set(back);
    }
  });

  it('no duty row while there is no duty yet', async () => {
    const { id } = await fileRequest(h, carla(), 'thuiszitter', { 'Eerste verzuimdag': isoDay(-7) });
    const text = textOf((await carla().execute('request.view', { requestId: id })).card!);
    expect(text).toMatch(/Verzuim: 1 week/);
    expect(text).not.toContain('DUO');
  });
});

describe('"Mijn acties tonen" without actions says why', () => {
  it('tells another consultant in the channel the same', async () => {
    const { id } = await fileRequest(h, carla(), 'spreekuur');
    const card = (await bram().execute('request.refresh', { requestId: id })).card!;
    expect(actionsOf(card)).toEqual([]);
    expect(textOf(card)).toContain('Alleen de consulent van deze school (Anna de Vries) kan deze aanvraag behandelen.');
  });
});

describe('a coordinator of several schools', () => {
  it('reads the school on list lines and in notice titles', async () => {
    const ark = await h.db.prisma.school.findFirstOrThrow({ where: { name: 'Cbs De Ark' } });
    const person = await h.db.prisma.person.findFirstOrThrow({ where: { name: 'Carla Smit' } });
    await h.db.prisma.schoolCoordinator.create({ data: { schoolId: ark.id, personId: person.id, source: 'import' } });
    const client = carla();
    await client.say('thuiszitter melden');
    const choose = h.connector.cardsIn(client.conversationId).at(-1)!;
    const form = (await client.press(choose, 'Verder', { School: 'Obs Het Kompas' })).card!;
    const review = (await client.press(form, 'Controleren', FORMS.thuiszitter)).card!;
    const reference = /SOT-\d{4}-\d{4}/.exec(textOf((await client.press(review, 'Versturen')).card!))![0];
    const { id } = await h.db.prisma.request.findUniqueOrThrow({ where: { reference } });
    await h.deliver();
    const list = textOf((await carla().execute('mine.list')).card!);
    expect(list).toMatch(/Thuiszitter\w* · J\.B\. · “Meedenken over een passend aanbod\.” · Obs Het Kompas/);
    await anna().press((await anna().execute('request.refresh', { requestId: id })).card!, 'Oppakken');
    await h.deliver();
    const titles = h.connector.cardsIn(carla().conversationId).map(titleOf);
    expect(titles).toContain(
      `Thuiszittermelding ${reference}: opgepakt door Anna de Vries — J.B. · “Meedenken over een passend aanbod.” · Obs Het Kompas`,
    );
  });
});
