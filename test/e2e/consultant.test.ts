// End to end, the consultant's side: Anouk Bos (SOT consultant of Obs De Regenboog) is the current user of the
// Agents Playground. Sanne Jansen (IB'er) files a spreekuur request without the UI, by posting the Teams
// activities straight to the bot; Anouk then finds it as a new thread in her channel and, in the real Playground
// UI, picks it up ("Oppakken") and plans the appointment ("Inplannen").
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, readPlaygroundConfig } from '../../scripts/dev.ts';
import { textOf, type Card } from '../support/cards.ts';
import { isoDay } from '../support/dates.ts';
import { chromiumAvailable, playgroundConfigAs, startPlaygroundWithUi, type PlaygroundStack, type PlaygroundUi } from '../support/playground.ts';
import { TeamsClient, type ClientOptions, type InvokeResult } from '../support/teamsClient.ts';

const ZONE = 'Europe/Amsterdam';
const CHANNEL = 'Spreekuur Anouk Bos';
const QUESTION = 'Een leerling in groep 7 heeft moeite met plannen. Hoe helpen we de ouders en de leerkracht?';
const REFERENCE = /SOT-\d{4}-\d{4}/;
const shot = (name: string) => path.join(REPO_ROOT, 'test-results', `e2e-consultant-${name}.png`);

/** The demo config as it is (Sanne is its current user); the Playground here runs with Anouk instead. */
const demo = readPlaygroundConfig();
const sanne = demo.currentUser;
const anoukConfig = playgroundConfigAs('Anouk Bos', { base: demo, personalChatId: 'a:1sot-bot-persoonlijk-anouk-bos' });

/** A Teams client that names the Playground's bot as recipient, as Teams does. */
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

/** Number of card actions (invokes) the Playground has sent to the bot so far, from its log panel. */
async function invokesSent(ui: PlaygroundUi): Promise<number> {
  return (await ui.logPanelText()).match(/-> User Application invoke \d{3}/g)?.length ?? 0;
}

function cardOf(result: InvokeResult, step: string): Card {
  expect(result.status, `${step}: HTTP status`).toBe(200);
  expect(result.card, `${step}: the invoke answers with a card (body ${JSON.stringify(result.body)?.slice(0, 300)})`).toBeDefined();
  return result.card!;
}

describe.skipIf(!chromiumAvailable)('The consultant picks up and plans a request in the Agents Playground', () => {
  let stack: PlaygroundStack;
  let ui: PlaygroundUi;
  let reference = '';
  const wish = isoDay(7);
  const planned = isoDay(10);
  const plannedLong = DateTime.fromISO(planned, { zone: ZONE }).setLocale('nl').toFormat('cccc d MMMM yyyy');
  const thread = () => ui.threads().filter({ hasText: reference });

  beforeAll(async () => {
    ({ stack, ui } = await startPlaygroundWithUi({ stack: { playgroundConfig: anoukConfig, botEnv: { LOG_LEVEL: 'info' } } }));
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await stack?.stop();
  }, 30_000);

  it('runs the Playground with Anouk Bos as the current user, and the bot knows her', async () => {
    expect(stack.config.currentUser.name).toBe('Anouk Bos');
    expect(stack.config.users.map((u) => u.name)).toContain('Sanne Jansen');
    expect(stack.config.users).toHaveLength(5);
    // Opening the 1:1 chat makes the Playground send the installation events as Anouk: from then on the bot
    // knows her Teams user id, and puts it in the refresh.userIds of new channel cards.
    await ui.openPersonalChat();
    const reply = await ui.expectBotResponse(() => ui.sendMessage('hallo'), { timeoutMs: 20_000 });
    expect(reply).toContain('Anouk');
  }, 40_000);

  it('files a spreekuur request as Sanne Jansen by posting Teams activities to the bot', async () => {
    const client = new PlaygroundTeamsClient(
      {
        botUrl: stack.bot.endpoint,
        serviceUrl: `http://localhost:${stack.playground.port}/_connector`,
        tenantId: demo.tenantId,
        user: { id: sanne.id, aadObjectId: sanne.aadObjectId, name: sanne.name },
        conversation: { id: demo.personalChat.id, type: 'personal' },
      },
      demo.bot,
    );
    const form = cardOf(await client.execute('spreekuur.start'), 'spreekuur.start');
    expect(textOf(form)).toContain('Spreekuur aanvragen');
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

  it('shows the request in her channel; she picks it up', async () => {
    expect(reference).toMatch(REFERENCE);
    const invokesBefore = await invokesSent(ui);
    await ui.openChannel(CHANNEL);
    const card = await ui.waitForBotMessage(`Spreekuur ${reference}: Obs De Regenboog`, { scope: thread(), timeoutMs: 15_000 });
    expect(card).toContain(QUESTION);
    await ui.screenshot(shot('1-new'), { scrollTo: thread() });

    // Universal Actions: the card has refresh.userIds = [Anouk]. Does the Playground ask the bot for her own
    // view by itself (an automatic invoke), so that "Oppakken" appears without pressing anything?
    const oppakken = thread().getByRole('button', { name: 'Oppakken', exact: true });
    const automatic = await oppakken
      .waitFor({ timeout: 4_000 })
      .then(() => true)
      .catch(() => false);
    const invokesAfter = await invokesSent(ui);
    console.info(
      `[consultant e2e] automatic refresh in the Playground: ${automatic ? 'yes' : 'no'} ` +
        `(card actions sent by the Playground since opening the channel: ${invokesAfter - invokesBefore})`,
    );
    if (!automatic) {
      const view = await ui.expectBotResponse(() => ui.clickCardButton('Bijwerken', { scope: thread() }), { scope: thread() });
      expect(view).toContain(reference);
    }
    await oppakken.waitFor({ timeout: 5_000 });
    await expect.poll(() => thread().getByRole('button', { name: 'Overdragen', exact: true }).isVisible()).toBe(true);
    await ui.screenshot(shot('2-own-view'), { scrollTo: thread() });

    // DEBUG trace
    await ui.clickCardButton('Oppakken', { scope: thread() });
    const t0 = Date.now();
    let lastState = '';
    while (Date.now() - t0 < 6000) {
      const texts = await ui.botMessageTexts(thread());
      const buttons = await thread().getByRole('button').allInnerTexts();
      const state = JSON.stringify({ texts: texts.map((t) => t.replace(/\s+/g, ' ').slice(0, 160)), buttons });
      if (state !== lastState) console.info(`[trace +${Date.now() - t0}ms] ${state}`);
      lastState = state;
      await ui.page.waitForTimeout(50);
    }
    console.info((await ui.logPanelText()).slice(-1500));
    console.info(stack.bot.process.output().split('\n').filter((l) => /deliver|invoke|route/.test(l)).slice(-15).join('\n'));
    const claimed = await ui.waitForBotMessage('x', { scope: thread() });
    expect(claimed).toContain('U heeft deze aanvraag opgepakt.');
    expect(claimed).toMatch(/Opgepakt door:?\s*Anouk Bos/);
    for (const button of ['Inplannen', 'Vraag stellen', 'Overdragen', 'Afronden']) {
      await expect.poll(() => thread().getByRole('button', { name: button, exact: true }).isVisible(), { timeout: 5_000 }).toBe(true);
    }
    await ui.screenshot(shot('3-claimed'), { scrollTo: thread() });
  }, 40_000);

  it('plans the appointment', async () => {
    const form = await ui.expectBotResponse(() => ui.clickCardButton('Inplannen', { scope: thread() }), { scope: thread() });
    expect(form).toContain(`Inplannen: ${reference}`);
    await ui.fillInput('Datum', planned, { scope: thread(), exact: true });
    await ui.fillInput('Tijd', '10:00', { scope: thread(), exact: true });
    await ui.chooseOption('Op school', { scope: thread() });
    await ui.screenshot(shot('4-plan-form'), { scrollTo: thread() });

    const saved = await ui.expectBotResponse(() => ui.clickCardButton('Afspraak opslaan', { scope: thread() }), { scope: thread() });
    expect(saved).toContain('Ingepland');
    expect(saved).toContain(`${plannedLong} om 10:00, Op school`);
    await ui.screenshot(shot('5-planned'), { scrollTo: thread() });
  }, 30_000);
});
