// End to end, both sides of the demo (`npm run dev:consultant`), started by the same function
// (startBothPlaygrounds in scripts/dev/stack.ts): the coordinator's Agents Playground (Sanne Jansen, IB'er) and the
// consultant's (Anouk Bos, SOT consultant of Obs De Regenboog) on one bot, with the relay that takes each of the
// bot's messages to the right Playground. Sanne files a spreekuur request by posting the Teams activities through
// her side of the relay (as her Playground does); Anouk finds it as a new thread in her channel and, in her
// Playground's UI, picks it up ("Oppakken") and plans the appointment ("Inplannen"); Sanne's Playground then shows
// the notice in her 1:1 chat.
//
// What the Playground (0.2.x) does not do, and how this test deals with it:
//   - No Universal Actions user-specific views: it ignores the card's `refresh` (its log panel says "User specific
//     view is not supported yet"), so Anouk presses the personal-view button to get her own view with her buttons.
//   - A card update the bot sends for everyone (updateActivity, after each change) replaces the view a button
//     press answered with, within a second. Real Teams then refreshes it for the people in refresh.userIds;
//     the Playground does not, so Anouk presses the personal-view button again.
//   - One user per process, and the personal chat is always the current user's: each Playground has its own
//     config (consultantPlaygroundConfig gives Anouk her own 1:1 chat id) and the relay sends Sanne's notices to
//     hers.
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/dev/paths.ts';
import { readPlaygroundConfig } from '../../scripts/dev/playgroundConfig.ts';
import { textOf, type Card } from '../support/cards.ts';
import { isoDay } from '../support/dates.ts';
import { startPlaygroundStack, type PlaygroundStack } from '../support/playground.ts';
import { PlaygroundUi } from '../support/playgroundUi.ts';
import { chromiumAvailable } from '../support/chromium.ts';
import { TeamsClient, type ClientOptions, type InvokeResult } from '../support/teamsClient.ts';

const ZONE = 'Europe/Amsterdam';
const CHANNEL = 'Spreekuur Anouk Bos';
const QUESTION = 'Een leerling in groep 7 heeft moeite met plannen. Hoe helpen we de ouders en de leerkracht?';
const REFERENCE = /SOT-\d{4}-\d{4}/;
const shot = (name: string) => path.join(REPO_ROOT, 'test-results', `e2e-consultant-${name}.png`);

/** The demo config: Sanne is its current user; the second Playground has Anouk as its current user. */
const demo = readPlaygroundConfig();
const sanne = demo.currentUser;
/** The personal-view button on a case card. */
const OWN_VIEW = 'Mijn acties tonen';

/** A Teams client that names the Playground's bot as the recipient, as Teams does. */
class PlaygroundTeamsClient extends TeamsClient {
  constructor(
    options: ClientOptions,
    private readonly bot: { id: string; name: string },
  ) {
    super(options);
  }
  override post(activity: Record<string, any>) {
    return super.post({ recipient: { id: this.bot.id, name: this.bot.name }, ...activity });
  }
}

function cardOf(result: InvokeResult, step: string): Card {
  expect(result.status, `${step}: HTTP status`).toBe(200);
  expect(result.card, `${step}: the invoke answers with a card (body ${JSON.stringify(result.body)?.slice(0, 300)})`).toBeDefined();
  return result.card!;
}

/** Number of card actions (invokes) the Playground has sent to the bot so far, from its log panel. */
async function invokesSent(ui: PlaygroundUi): Promise<number> {
  return (await ui.logPanelText()).match(/-> User Application invoke \d{3}/g)?.length ?? 0;
}

/**
 * Starts watching, on every frame, for a channel thread that shows all of `texts`; resolves with its text.
 * For views that last only a moment (a button's answer that the bot's card update replaces shortly after).
 */
function watchThreadFor(ui: PlaygroundUi, texts: string[], timeoutMs = 10_000): Promise<string> {
  const found = ui.page
    .waitForFunction(
      (wanted: string[]) => {
        for (const card of Array.from(document.querySelectorAll('div[role="group"].fui-Card'))) {
          const text = (card as HTMLElement).innerText;
          if (wanted.every((w) => text.includes(w))) return text;
        }
        return false;
      },
      texts,
      { polling: 'raf', timeout: timeoutMs },
    )
    .then((handle) => handle.jsonValue() as Promise<string>);
  found.catch(() => {});
  return found;
}

describe.skipIf(!chromiumAvailable)('The consultant picks up and plans a request in the Agents Playground', () => {
  let stack: PlaygroundStack;
  /** Anouk's Playground (the consultant). */
  let ui: PlaygroundUi;
  /** Sanne's Playground (the coordinator). */
  let sanneUi: PlaygroundUi;
  let reference = '';
  const wish = isoDay(7);
  const planned = isoDay(10);
  const day = DateTime.fromISO(planned, { zone: ZONE }).setLocale('nl').toFormat('cccc d MMMM yyyy');
  const when = `${day} om 10:00, op school`;
  const thread = () => ui.threads().filter({ hasText: reference });
  const button = (title: string | RegExp) => thread().getByRole('button', { name: title, exact: true });
  /** Presses the personal-view button until her own view (these buttons) is on the card; the shared update can come late. */
  async function showOwnView(titles: string[]) {
    for (let attempt = 0; attempt < 6; attempt++) {
      const visible = await button(titles[0]!)
        .waitFor({ timeout: 2_000 })
        .then(() => true)
        .catch(() => false);
      if (visible) {
        await ui.waitForQuiet(1_500, 5_000);
        if (await button(titles[0]!).isVisible()) break;
      }
      if (await button(OWN_VIEW).isVisible()) await ui.clickCardButton(OWN_VIEW, { scope: thread() });
    }
    for (const title of titles) await button(title).waitFor({ timeout: 5_000 });
  }

  beforeAll(async () => {
    // Both browsers start while the stack starts; afterAll closes whatever came up.
    const browsers = Promise.all([PlaygroundUi.launch(), PlaygroundUi.launch()]);
    void browsers.then(([a, b]) => ([ui, sanneUi] = [a, b])).catch(() => {});
    stack = await startPlaygroundStack({ bothSides: true });
    [ui, sanneUi] = await browsers;
    await Promise.all([ui.goto(stack.both!.consultant.url), sanneUi.goto(stack.url)]);
  }, 150_000);

  afterAll(async () => {
    await ui?.close();
    await sanneUi?.close();
    await stack?.stop();
  }, 30_000);

  it('runs the Playground with Anouk Bos as the current user, and the bot knows her', async () => {
    const anouk = stack.both!.consultantConfig;
    expect(stack.config.currentUser).toEqual(sanne);
    expect(anouk.currentUser).toEqual(demo.users.find((u) => u.name === 'Anouk Bos'));
    expect(anouk.users).toContainEqual(sanne);
    expect(anouk.users).toHaveLength(5);
    expect(anouk.personalChat.id).not.toBe(demo.personalChat.id);
    // The Playground sends the installation events as Anouk, and "menu" gets her own menu: from now on the bot
    // knows her Teams user id and lists it in refresh.userIds of new channel cards.
    await ui.openPersonalChat();
    const reply = await ui.expectBotResponse(() => ui.sendMessage('menu'), { timeoutMs: 20_000 });
    expect(reply).toContain('Anouk');
  }, 40_000);

  it("files a spreekuur request as Sanne Jansen by posting Teams activities through her Playground's side", async () => {
    const client = new PlaygroundTeamsClient(
      {
        botUrl: stack.both!.coordinatorEndpoint,
        serviceUrl: `http://localhost:${stack.playground.port}/_connector`,
        tenantId: demo.tenantId,
        user: { id: sanne.id, aadObjectId: sanne.aadObjectId, name: sanne.name },
        conversation: { id: demo.personalChat.id, type: 'personal' },
      },
      demo.bot,
    );
    const form = cardOf(await client.execute('spreekuur.start'), 'spreekuur.start');
    expect(textOf(form)).toContain('Spreekuur aanvragen');
    // press() sends the button's data (schoolId) merged with the form values, as Teams does.
    const review = cardOf(
      await client.press(form, 'Controleren', {
        question: QUESTION,
        withWhom: 'ouders',
        pupilMode: 'anoniem',
        moment1Date: wish,
        moment1Part: 'ochtend',
        form: 'school',
        urgency: 'normaal',
      }),
      'spreekuur.review',
    );
    expect(textOf(review)).toContain('Controleer uw aanvraag: Spreekuur');
    const summary = textOf(cardOf(await client.press(review, 'Versturen'), 'request.confirm'));
    expect(summary).toMatch(/Verstuurd naar Anouk Bos\. Uw referentie: SOT-\d{4}-\d{4}\./);
    reference = summary.match(REFERENCE)![0];
  }, 20_000);

  it('shows the request in her channel; with the personal-view button she gets her buttons and picks it up', async () => {
    expect(reference).toMatch(REFERENCE);
    const invokesBefore = await invokesSent(ui);
    await ui.openChannel(CHANNEL);
    const card = await ui.waitForBotMessage(`Spreekuur ${reference}: Obs De Regenboog`, { scope: thread(), timeoutMs: 15_000 });
    expect(card).not.toContain(QUESTION); // the shared card: no details for everyone in the channel
    expect(card).toContain('Nieuw, nog niet opgepakt');

    // Universal Actions: the card has refresh.userIds = [Anouk]. Teams would fetch her own view by itself; the
    // Playground only logs that it does not support that, and shows the card for everyone (personal-view button).
    const automatic = await button('Oppakken')
      .waitFor({ timeout: 3_000 })
      .then(() => true)
      .catch(() => false);
    const log = await ui.logPanelText();
    console.info(
      `[consultant e2e] automatic refresh: ${automatic ? 'yes' : 'no'}; card actions sent without a click: ${(await invokesSent(ui)) - invokesBefore}; ` +
        `Playground: ${/User specific view is not supported/.test(log) ? '"User specific view is not supported yet"' : 'no warning'}`,
    );
    await ui.screenshot(shot('1-new'), { scrollTo: thread() });
    if (!automatic) {
      expect(await button(OWN_VIEW).isVisible()).toBe(true);
      await ui.clickCardButton(OWN_VIEW, { scope: thread() });
    }
    await button('Oppakken').waitFor({ timeout: 10_000 });
    expect(await button('Overdragen').isVisible()).toBe(true);
    expect(await ui.lastBotMessageText(thread())).toContain(QUESTION); // her own view has the details
    await ui.screenshot(shot('2-own-view'), { scrollTo: thread() });

    // The answer to "Oppakken" is her own view; the bot's update of the card for everyone follows at once.
    const answer = watchThreadFor(ui, [reference, 'U heeft deze aanvraag opgepakt.']);
    await ui.clickCardButton('Oppakken', { scope: thread() });
    const claimed = await answer;
    expect(claimed).toMatch(/Opgepakt door\s+Anouk Bos/);
    expect(claimed).toContain('Inplannen');
    await ui.waitForQuiet(1_000, 5_000);
    const replaced = !(await button('Inplannen').isVisible());
    console.info(`[consultant e2e] after "Oppakken" the card update for everyone replaced her own view: ${replaced ? 'yes' : 'no'}`);
    const now = (await ui.lastBotMessageText(thread()))!;
    expect(now).toMatch(/Status\s+Opgepakt/);
    expect(now).toMatch(/Opgepakt door\s+Anouk Bos/);
    await ui.screenshot(shot('3-claimed'), { scrollTo: thread() });

    // The update for everyone may arrive late on a busy machine; ask for her own view until it shows.
    await showOwnView(['Inplannen', 'Vraag stellen', 'Overdragen', 'Afronden']);
    expect(await button('Oppakken').count()).toBe(0);
  }, 45_000);

  it('plans the appointment; Sanne is told in her 1:1 chat, in her own Playground', async () => {
    await showOwnView(['Inplannen']);
    const form = await ui.expectBotResponse(() => ui.clickCardButton('Inplannen', { scope: thread() }), { scope: thread() });
    expect(form).toContain(`Inplannen: ${reference}`);
    // Required fields: the renderer adds " *" to the label it names the field by.
    await ui.fillInput(/^Datum( \*)?$/, planned, { scope: thread() });
    await ui.fillInput(/^Tijd( \*)?$/, '10:00', { scope: thread() });
    await ui.chooseOption('Op school', { scope: thread() });
    await ui.screenshot(shot('4-plan-form'), { scrollTo: thread() });

    const answer = watchThreadFor(ui, [reference, `Ingepland: ${when}.`]);
    await ui.clickCardButton('Afspraak opslaan', { scope: thread() });
    expect(await answer).toMatch(/Status\s+Ingepland/);
    await ui.waitForQuiet(1_000, 5_000);
    const card = (await ui.lastBotMessageText(thread()))!;
    expect(card).toMatch(/Status\s+Ingepland/);
    expect(card).toMatch(new RegExp(`Afspraak\\s+${when}`));
    await ui.screenshot(shot('5-planned'), { scrollTo: thread() });

    // The bot's 1:1 notice to Sanne, in Sanne's Playground (and not in Anouk's).
    await sanneUi.openPersonalChat();
    const notice = await sanneUi.waitForBotMessage(`Spreekuur ${reference}: ingepland`, { timeoutMs: 15_000 });
    expect(notice).toContain('Anouk Bos heeft een afspraak gepland.');
    expect(notice).toContain(`Op ${day} om 10:00 komt Anouk Bos op school langs voor het spreekuur.`);
    await sanneUi.screenshot(shot('6-coordinator-notice'));
    await ui.openPersonalChat();
    expect((await ui.botMessageTexts()).join('\n')).not.toContain(`${reference}: ingepland`);
  }, 40_000);
});
