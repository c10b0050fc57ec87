// End to end through a real Teams-like client: the bot (tsx bot/index.ts, fresh embedded database with the demo
// organisation) and the Microsoft 365 Agents Playground, driven in headless Debian Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG_FILE, REPO_ROOT } from '../../scripts/dev/paths.ts';
import { readPlaygroundConfig } from '../../scripts/dev/playgroundConfig.ts';
import { startPlaygroundStack, type PlaygroundStack } from '../support/playground.ts';
import { PlaygroundUi } from '../support/playgroundUi.ts';
import { chromiumAvailable } from '../support/chromium.ts';

/** Visible text the welcome card (the bot's answer to "menu" from a known coordinator) must contain. */
const WELCOME_TEXT = 'Spreekuur';
const SCREENSHOT = path.join(REPO_ROOT, 'test-results', 'playground-welcome.png');

describe('demo data', () => {
  it('the Playground users are exactly the people of the demo organisation file', () => {
    const config = readPlaygroundConfig();
    const org = JSON.parse(fs.readFileSync(DEMO_ORG_FILE, 'utf8')) as {
      swv: { tenantId?: string };
      people: { name: string; email: string; aadObjectId?: string }[];
      consultants: { channel?: { teamId: string; channelId: string } }[];
      thuiszittersteamChannel?: { teamId: string; channelId: string };
    };
    expect(config.users).toHaveLength(5);
    const users = [config.currentUser, ...config.users].map((u) => ({
      name: u.name,
      email: u.email.toLowerCase(),
      aadObjectId: u.aadObjectId,
    }));
    const people = org.people.map((p) => ({ name: p.name, email: p.email.toLowerCase(), aadObjectId: p.aadObjectId }));
    const byEmail = (a: { email: string }, b: { email: string }) => a.email.localeCompare(b.email);
    expect(people.sort(byEmail)).toEqual(users.sort(byEmail));
    expect(org.swv.tenantId).toBe(config.tenantId);

    // Channels in the file must be channels the Playground has (General's id is the team id).
    const channelIds = [config.team.id, ...config.team.channels.map((c) => c.id)];
    const links = [
      ...org.consultants.flatMap((c) => (c.channel ? [c.channel] : [])),
      ...(org.thuiszittersteamChannel ? [org.thuiszittersteamChannel] : []),
    ];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.teamId).toBe(config.team.id);
      expect(channelIds).toContain(link.channelId);
    }
  });
});

describe.skipIf(!chromiumAvailable)('Agents Playground', () => {
  let stack: PlaygroundStack;
  let ui: PlaygroundUi;

  beforeAll(async () => {
    // Chromium starts while the organisation is imported, and loads the Playground while the bot boots.
    const uiReady = PlaygroundUi.launch();
    let pageReady: Promise<void> | undefined;
    const stackReady = startPlaygroundStack({
      whileBotStarts: (url) => {
        pageReady = uiReady.then((u) => u.goto(url));
        pageReady.catch(() => {});
      },
    });
    const [stackResult, uiResult] = await Promise.allSettled([stackReady, uiReady]);
    if (uiResult.status === 'fulfilled') ui = uiResult.value;
    if (stackResult.status === 'fulfilled') stack = stackResult.value;
    if (stackResult.status === 'rejected') throw stackResult.reason;
    if (uiResult.status === 'rejected') throw uiResult.reason;
    await (pageReady ?? ui.goto(stack.url));
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await stack?.stop();
  }, 30_000);

  it('answers "hallo" right after the install with a short line (the menu is just above), and "menu" with the menu', async () => {
    await ui.openPersonalChat();
    const greeting = await ui.expectBotResponse(() => ui.sendMessage('hallo'), { timeoutMs: 20_000 });
    expect(greeting).toContain('Het menu staat hierboven.');
    expect(greeting).not.toContain(WELCOME_TEXT);
    const reply = await ui.expectBotResponse(() => ui.sendMessage('menu'), { timeoutMs: 20_000 });
    await ui.screenshot(SCREENSHOT);
    expect(reply).toContain(WELCOME_TEXT);
    expect(await ui.lastBotMessageText()).toBe(reply);
  }, 60_000);

  it("answers an @mention in the consultant's channel inside the same thread", async () => {
    const channel = stack.config.team.channels[0]!.name;
    await ui.openChannel(channel);
    const thread = await ui.postInChannel('help');
    const reply = await ui.waitForBotMessage(/\S/, { scope: thread, timeoutMs: 20_000 });
    expect(reply.length).toBeGreaterThan(0);
    expect(await ui.lastBotMessageText(thread)).toBe(reply);
  }, 60_000);
});
