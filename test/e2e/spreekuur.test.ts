// End to end in the Microsoft 365 Agents Playground (headless Debian Chromium): Sanne Jansen, IB'er of Obs De
// Regenboog, asks for a spreekuur in her 1:1 chat with the bot, fills the form by its labels, gets her mistake
// back in Dutch with everything else still filled in, checks and sends it; the request then shows up as a new
// thread in her consultant Anouk Bos's channel.
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/dev/paths.ts';
import { isoDay } from '../support/dates.ts';
import { clock } from '../support/clock.ts';
import { startPlaygroundWithUi, type PlaygroundStack } from '../support/playground.ts';
import type { PlaygroundUi } from '../support/playgroundUi.ts';
import { chromiumAvailable } from '../support/chromium.ts';

const ZONE = 'Europe/Amsterdam';
const CHANNEL = 'Spreekuur Anouk Bos';
const QUESTION = 'Een leerling in groep 6 leest sterk achter. Hoe kunnen we de leerkracht ondersteunen?';
const WITH_WHOM = 'Met wie wilt u het bespreken?';
const REFERENCE = /SOT-\d{4}-\d{4}/;
const shot = (name: string) => path.join(REPO_ROOT, 'test-results', `e2e-spreekuur-${name}.png`);

/** Number of card actions (invokes) the Playground has sent to the bot so far, from its log panel. */
async function invokesSent(ui: PlaygroundUi): Promise<number> {
  return (await ui.logPanelText()).match(/-> User Application invoke \d{3}/g)?.length ?? 0;
}

describe.skipIf(!chromiumAvailable)('Spreekuur aanvragen in the Agents Playground', () => {
  let stack: PlaygroundStack;
  let ui: PlaygroundUi;
  // A weekday or not, about a week ahead: the form only asks that it is not in the past.
  const date = isoDay(7);
  const dateShown = DateTime.fromISO(date, { zone: ZONE }).setLocale('nl').toFormat('d MMMM yyyy');
  const dateLong = DateTime.fromISO(date, { zone: ZONE }).setLocale('nl').toFormat('cccc d MMMM yyyy');
  let reference = '';

  beforeAll(async () => {
    ({ stack, ui } = await startPlaygroundWithUi());
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await stack?.stop();
  }, 30_000);

  /** Everything but the question, as Sanne filled it in, is still on the card. */
  async function expectFormKept(): Promise<void> {
    expect(await ui.isOptionChosen('Ouders', { group: WITH_WHOM })).toBe(true);
    expect(await ui.isOptionChosen('Leerkracht', { group: WITH_WHOM })).toBe(true);
    expect(await ui.isOptionChosen('Leerling', { group: WITH_WHOM })).toBe(false);
    expect(await ui.isOptionChosen('Ja, met initialen en groep')).toBe(true);
    expect(await ui.inputValue('Initialen leerling')).toBe('J.D.');
    expect(await ui.inputValue('Groep of leerjaar')).toBe('groep 6');
    expect(await ui.inputValue('Voorkeursmoment 1: datum')).toBe(dateShown);
    expect(await ui.inputValue('Voorkeursmoment 1: dagdeel')).toBe('Ochtend');
    expect(await ui.inputValue('Voorkeursmoment 2: datum')).toBe('');
    expect(await ui.isOptionChosen('Online (Teams)')).toBe(true);
    expect(await ui.inputValue('Urgentie')).toBe('Normaal');
  }

  it('shows the form and tells in Dutch what is missing, keeping what was filled in', async () => {
    await ui.openPersonalChat();
    const form = await ui.expectBotResponse(() => ui.sendMessage('spreekuur'), { timeoutMs: 20_000 });
    expect(form).toContain('Spreekuur aanvragen');
    expect(form).toContain('Obs De Regenboog · uw SOT-consulent: Anouk Bos');

    // Everything except the question, the way a person fills it in.
    await ui.chooseOption('Ouders', { group: WITH_WHOM });
    await ui.chooseOption('Leerkracht', { group: WITH_WHOM });
    await ui.chooseOption('Ja, met initialen en groep');
    await ui.fillInput('Initialen leerling', 'J.D.');
    await ui.fillInput('Groep of leerjaar', 'groep 6');
    await ui.fillInput('Voorkeursmoment 1: datum', date);
    await ui.fillInput('Voorkeursmoment 1: dagdeel', 'Ochtend');
    await ui.chooseOption('Online (Teams)');

    // The question is required on the card itself: the client refuses to send and says so under the
    // field, in the same words the bot would use.
    const before = await invokesSent(ui);
    await ui.clickCardButton('Controleren');
    await expect
      .poll(() => ui.page.getByText('Beschrijf kort uw vraag.', { exact: true }).last().isVisible(), { timeout: 5_000 })
      .toBe(true);
    await ui.page.waitForTimeout(700);
    expect(await invokesSent(ui)).toBe(before);
    await expectFormKept();

    // Only spaces pass the card's check; the bot checks again and sends the form back with its own error.
    await ui.fillInput('Uw vraag (kort)', '   ');
    const invalid = await ui.expectBotResponse(() => ui.clickCardButton('Controleren'));
    expect(invalid).toContain('Niet alles is goed ingevuld (1 punt).');
    expect(invalid).toContain('Beschrijf kort uw vraag.');
    expect(invalid).not.toContain('Controleer uw aanvraag');
    const error = ui.page.getByText('Beschrijf kort uw vraag.', { exact: true }).last();
    await error.waitFor();
    const [red, green, blue] = (await error.evaluate((el) => getComputedStyle(el).color)).match(/\d+/g)!.map(Number) as [
      number,
      number,
      number,
    ];
    expect(red, 'the error text is red').toBeGreaterThan(Math.max(green, blue) + 60);
    await expectFormKept();
  }, 40_000);

  it('shows the review card and, after Versturen, the summary with a reference', async () => {
    expect(await ui.lastBotMessageText()).toContain('Beschrijf kort uw vraag.');
    await ui.fillInput('Uw vraag (kort)', QUESTION);
    const review = await ui.expectBotResponse(() => ui.clickCardButton('Controleren'));
    expect(review).toContain('Controleer uw aanvraag: Spreekuur');
    expect(review).toContain('Dit gaat naar Anouk Bos, de SOT-consulent van Obs De Regenboog.');
    for (const fact of [QUESTION, 'Ouders, Leerkracht', 'J.D., groep 6', `${dateLong}, ochtend`, 'Online (Teams)', 'Normaal']) {
      expect(review).toContain(fact);
    }
    for (const button of ['Versturen', 'Wijzigen', 'Annuleren']) {
      await expect.poll(() => ui.page.getByRole('button', { name: button, exact: true }).last().isVisible(), { timeout: 5_000 }).toBe(true);
    }
    await ui.screenshot(shot('review'));

    const summary = await ui.expectBotResponse(() => ui.clickCardButton('Versturen'));
    expect(summary).toMatch(/Verstuurd naar Anouk Bos\. Uw referentie: SOT-\d{4}-\d{4}\./);
    reference = summary.match(REFERENCE)![0];
    expect(reference.slice(4, 8)).toBe(String(clock.dutch().year));
    expect(summary).toContain(`Spreekuur ${reference}`);
    expect(summary).toContain(QUESTION);
    await ui.screenshot(shot('summary'));
  }, 30_000);

  it("posts the request as a new thread in Anouk Bos's channel", async () => {
    expect(reference).toMatch(REFERENCE);
    await ui.openChannel(CHANNEL);
    const thread = ui.threads().filter({ hasText: reference });
    const card = await ui.waitForBotMessage(`Spreekuur ${reference}: Obs De Regenboog`, { scope: thread, timeoutMs: 10_000 });
    expect(await thread.count()).toBe(1);
    expect(card).toContain('Voor Anouk Bos');
    expect(card).toContain('Sanne Jansen');
    // Everyone in the channel reads this card: no question, no pupil, no wishes — those are in the
    // consultant's own view (consultant.test.ts).
    expect(card).not.toContain(QUESTION);
    expect(card).not.toContain('J.D.');
    expect(card).toContain('Nieuw, nog niet opgepakt');
    await ui.screenshot(shot('channel'), { scrollTo: thread });
  }, 30_000);
});
