// The Playground's web UI driven in headless Debian Chromium through playwright-core, the way a person uses
// it: cards read, inputs filled by their labels, buttons pressed. No Playwright browsers are downloaded.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { PLAYGROUND_CONFIG } from '../../scripts/dev/paths.ts';
import { readPlaygroundConfig } from '../../scripts/dev/playgroundConfig.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
// ---------------------------------------------------------------------------------------------------------------
// The Playground web UI

export interface UiOptions {
  /** Bot display name as in the Playground config (`bot.name`); default read from the config file. */
  botName?: string;
  /** Default timeout for waiting on the bot, in ms. */
  timeoutMs?: number;
  viewport?: { width: number; height: number };
}

type TextMatch = string | RegExp;

/** Elements that hold a card input's value (not the buttons that merely share its label). */
const FORM_FIELD = 'input, textarea, select, [role="combobox"], [role="checkbox"], [role="switch"], [role="radio"], [role="textbox"]';

/**
 * One browser tab on the Playground, logged in as the config's current user.
 * Everything is found by visible text and accessible names, the way a person would.
 */
export class PlaygroundUi {
  private constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
    private readonly userDataDir: string,
    readonly botName: string,
    readonly timeoutMs: number,
  ) {}

  /** Starts Chromium and opens the Playground at `url`. */
  static async open(url: string, options: UiOptions = {}): Promise<PlaygroundUi> {
    const ui = await PlaygroundUi.launch(options);
    try {
      await ui.goto(url);
      return ui;
    } catch (err) {
      await ui.close();
      throw err;
    }
  }

  /** Starts Chromium (fresh profile in a temp dir) without opening anything yet. */
  static async launch(options: UiOptions = {}): Promise<PlaygroundUi> {
    const botName = options.botName ?? readPlaygroundConfig(PLAYGROUND_CONFIG).bot.name;
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sot-e2e-chromium-'));
    try {
      const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: CHROMIUM_ARGS,
        locale: 'nl-NL',
        timezoneId: 'Europe/Amsterdam',
        viewport: options.viewport ?? { width: 1400, height: 1000 },
      });
      const page = context.pages()[0] ?? (await context.newPage());
      const ui = new PlaygroundUi(page, context, userDataDir, botName, options.timeoutMs ?? 15_000);
      page.setDefaultTimeout(ui.timeoutMs);
      return ui;
    } catch (err) {
      fs.rmSync(userDataDir, { recursive: true, force: true });
      throw err;
    }
  }

  /**
   * Loads the Playground. Open it only once the bot answers: on connecting, the Playground waits at most 15 s
   * for the bot's endpoint before it gives up on the installation events.
   */
  async goto(url: string): Promise<void> {
    // The Playground bundle is ~9 MB of JavaScript: the first load is slow on a busy machine.
    await this.page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await this.page.getByRole('treeitem', { name: 'Personal Chat' }).waitFor({ timeout: 60_000 });
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => {});
    fs.rmSync(this.userDataDir, { recursive: true, force: true });
  }

  // -- navigation ------------------------------------------------------------------------------------------------

  /**
   * Opens the 1:1 chat with the bot. On every page load the Playground sends the bot an installationUpdate and
   * a conversationUpdate for this chat; this waits until the bot's answers to those have arrived, so they are
   * not mistaken for the reply to the next message.
   */
  async openPersonalChat(): Promise<void> {
    await this.page.getByRole('treeitem', { name: 'Personal Chat' }).click();
    await this.waitForLogEntries([/installationUpdate \d{3}/, /conversationUpdate \d{3}/]);
    await this.waitForQuiet();
  }

  /** Opens the group chat (by its name in the config). The bot only hears messages there that @mention it. */
  async openGroupChat(name?: string): Promise<void> {
    await this.page.getByRole('treeitem', { name: name ?? readPlaygroundConfig().groupChat.name }).click();
    await this.waitForQuiet();
  }

  /**
   * Opens a channel of the team by name ("General" or the config's other channel). The first channel opened
   * in a page session makes the Playground send an installationUpdate + conversationUpdate for the team,
   * with conversation.id = that channel.
   */
  async openChannel(name: string): Promise<void> {
    // The tree item's accessible name is "TEAM - CHANNEL".
    await this.page.getByRole('treeitem', { name: new RegExp(`(^|\\s-\\s)${escapeRegExp(name)}$`) }).click();
    await this.page.getByRole('button', { name: 'Post', exact: true }).waitFor();
    await this.waitForQuiet();
  }

  // -- typing ----------------------------------------------------------------------------------------------------

  /** Types `text` in the chat's message box and presses Enter (personal or group chat). */
  async sendMessage(text: string, options: { mentionBot?: boolean } = {}): Promise<void> {
    const editor = this.page.locator('[data-lexical-editor="true"]').first();
    await editor.click();
    if (options.mentionBot) await this.typeMention();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /**
   * Starts a new post in the open channel: @mentions the bot (as Teams requires; default on), types `text`
   * and clicks "Post". Returns the new thread (for replyInThread, botMessageTexts, card actions inside it).
   */
  async postInChannel(text: string, options: { mentionBot?: boolean } = {}): Promise<Locator> {
    const editor = this.page.locator('[data-lexical-editor="true"]').first();
    await editor.click();
    if (options.mentionBot ?? true) await this.typeMention();
    await this.page.keyboard.type(text);
    await this.page.getByRole('button', { name: 'Post', exact: true }).click();
    const thread = this.threads().filter({ hasText: text }).first();
    await thread.waitFor();
    return thread;
  }

  /** Replies inside a channel thread (default with an @mention of the bot). */
  async replyInThread(thread: Locator, text: string, options: { mentionBot?: boolean } = {}): Promise<void> {
    await thread.locator('[data-lexical-editor="true"]').click();
    if (options.mentionBot ?? true) await this.typeMention();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** All channel threads in the open channel, newest first (as the Playground shows them). */
  threads(): Locator {
    return this.page.locator('div[role="group"].fui-Card');
  }

  private async typeMention(): Promise<void> {
    await this.page.keyboard.type(`@${this.botName.slice(0, 3)}`);
    await this.page.getByRole('listbox', { name: 'Typeahead menu' }).getByRole('menuitem', { name: this.botName }).click();
    await this.page.keyboard.type(' ');
  }

  // -- cards -----------------------------------------------------------------------------------------------------

  /** Clicks the card button with this title; the newest one when several cards have it (or within `scope`). */
  async clickCardButton(title: string | RegExp, options: { scope?: Locator } = {}): Promise<void> {
    const scope = options.scope ?? this.page.locator('body');
    await scope.getByRole('button', { name: title, exact: true }).last().click();
  }

  /**
   * Fills the card input with this label (the newest card's when several have it, or within `scope`).
   * Text and number inputs are typed; a date input takes an ISO date ("2026-12-24") and Tab; a choice set
   * (Fluent combobox) is opened and the option with this title clicked; a toggle takes "true"/"false".
   * Only form fields count: a combobox's "Open" chevron carries the field's label too, but is skipped.
   */
  async fillInput(label: TextMatch, value: string, options: { scope?: Locator; exact?: boolean } = {}): Promise<void> {
    const field = this.inputField(label, options);
    const kind = await field.evaluate((el) => ({
      tag: el.tagName.toLowerCase(),
      type: (el as HTMLInputElement).type,
      role: el.getAttribute('role'),
      popup: el.getAttribute('aria-haspopup'),
    }));
    if (kind.role === 'combobox' && kind.popup === 'dialog') {
      await field.fill(value);
      await field.press('Tab');
    } else if (kind.role === 'combobox') {
      await field.click();
      await this.page.getByRole('option', { name: value, exact: true }).click();
    } else if (kind.type === 'checkbox' || kind.role === 'switch' || kind.role === 'checkbox') {
      await field.setChecked(value === 'true');
    } else {
      await field.fill(value);
    }
  }

  /**
   * What the card input with this label shows now: the text typed, a date as displayed ("24 december 2026"),
   * a compact choice set's chosen title, "true"/"false" for a toggle. Same lookup as fillInput.
   */
  async inputValue(label: TextMatch, options: { scope?: Locator; exact?: boolean } = {}): Promise<string> {
    const field = this.inputField(label, options);
    const checkable = await field.evaluate(
      (el) => (el as HTMLInputElement).type === 'checkbox' || ['switch', 'checkbox'].includes(el.getAttribute('role') ?? ''),
    );
    return checkable ? String(await field.isChecked()) : field.inputValue();
  }

  /** The newest form field labelled `label` (labels of Adaptive Card inputs also name their helper buttons). */
  private inputField(label: TextMatch, options: { scope?: Locator; exact?: boolean }): Locator {
    const scope = options.scope ?? this.page.locator('body');
    return scope
      .getByLabel(label, { exact: options.exact ?? false })
      .and(this.page.locator(FORM_FIELD))
      .last();
  }

  /**
   * Picks an option of an expanded choice set (radio buttons or check boxes) by its title. Check boxes of a
   * multi-select set are named "<set label> <title>"; `group` (the set's label) narrows the search when two
   * sets on the card share an option title.
   */
  async chooseOption(title: string, options: { scope?: Locator; group?: string } = {}): Promise<void> {
    await this.optionLocator(title, options).check();
  }

  /** Whether an option of an expanded choice set is chosen now (see chooseOption). */
  async isOptionChosen(title: string, options: { scope?: Locator; group?: string } = {}): Promise<boolean> {
    return this.optionLocator(title, options).isChecked();
  }

  private optionLocator(title: string, options: { scope?: Locator; group?: string }): Locator {
    const scope = options.scope ?? this.page.locator('body');
    if (options.group) {
      const inGroup = new RegExp(`^${escapeRegExp(options.group)}(\\s.*)?\\s${escapeRegExp(title)}$`);
      return scope
        .getByRole('radiogroup', { name: options.group })
        .getByRole('radio', { name: title, exact: true })
        .or(scope.getByRole('checkbox', { name: inGroup }))
        .last();
    }
    return scope
      .getByRole('radio', { name: title, exact: true })
      .or(scope.getByRole('checkbox', { name: new RegExp(`(^|\\s)${escapeRegExp(title)}$`) }))
      .last();
  }

  // -- reading the bot -------------------------------------------------------------------------------------------

  /**
   * Visible text of every bot message in the open chat or channel (or in one thread), oldest first.
   * Channel threads are shown newest first; they are read in reverse so the last entry is the most recent.
   * A card updated in place (Action.Execute, updateActivity) shows its new text.
   */
  async botMessageTexts(scope?: Locator): Promise<string[]> {
    const root = scope ?? this.page.locator('body');
    return root.evaluate(collectBotMessages, this.botName);
  }

  /** The most recent bot message's text in the open chat or channel (or thread); undefined when none. */
  async lastBotMessageText(scope?: Locator): Promise<string | undefined> {
    return (await this.botMessageTexts(scope)).at(-1);
  }

  /**
   * The Playground's note under the card after the last card action, e.g. "Your response was sent to the app"
   * (or its error text when the bot's invoke answer was wrong); undefined when there is none.
   */
  async lastActionNote(scope?: Locator): Promise<string | undefined> {
    const notes = (scope ?? this.page.locator('body')).locator('[aria-label="Display Invoked Message"]');
    const count = await notes.count();
    return count ? (await notes.nth(count - 1).innerText()).trim() : undefined;
  }

  /** Waits until a bot message matching `match` is visible and returns its full text. */
  async waitForBotMessage(match: TextMatch, options: { scope?: Locator; timeoutMs?: number } = {}): Promise<string> {
    const deadline = performance.now() + (options.timeoutMs ?? this.timeoutMs);
    let texts: string[] = [];
    while (performance.now() < deadline) {
      texts = await this.botMessageTexts(options.scope);
      const found = [...texts].reverse().find((text) => matches(text, match));
      if (found !== undefined) return found;
      await this.page.waitForTimeout(150);
    }
    throw new Error(`No bot message matching ${String(match)} within the timeout. Bot messages now:\n${describeTexts(texts)}`);
  }

  /**
   * Runs `action` (send a message, click a button…) and waits for the bot's answer: a new bot message or a
   * bot message whose text changed (a card updated in place). Returns the newest such text.
   */
  async expectBotResponse(action: () => Promise<void>, options: { scope?: Locator; timeoutMs?: number } = {}): Promise<string> {
    const before = await this.botMessageTexts(options.scope);
    await action();
    const deadline = performance.now() + (options.timeoutMs ?? this.timeoutMs);
    let after: string[] = before;
    while (performance.now() < deadline) {
      after = await this.botMessageTexts(options.scope);
      const fresh = newEntries(before, after);
      if (fresh.length > 0) {
        // Give a multi-message answer a moment to complete, then report the newest.
        await this.page.waitForTimeout(250);
        after = await this.botMessageTexts(options.scope);
        return newEntries(before, after).at(-1) ?? fresh.at(-1)!;
      }
      await this.page.waitForTimeout(150);
    }
    throw new Error(
      `The bot did not answer within the timeout. Bot messages before:\n${describeTexts(before)}\nafter:\n${describeTexts(after)}`,
    );
  }

  /** Waits until the bot messages have not changed for `quietMs` (at most `maxMs`). */
  async waitForQuiet(quietMs = 700, maxMs = 5_000): Promise<void> {
    // Elapsed time on the monotonic clock: the wall clock (date, DST) is never read.
    const deadline = performance.now() + maxMs;
    let last = JSON.stringify(await this.botMessageTexts());
    let since = performance.now();
    while (performance.now() < deadline && performance.now() - since < quietMs) {
      await this.page.waitForTimeout(100);
      const now = JSON.stringify(await this.botMessageTexts());
      if (now !== last) {
        last = now;
        since = performance.now();
      }
    }
  }

  /**
   * Text of the Playground's log panel: one line per request, e.g. "Microsoft 365 Agents Playground -> User
   * Application invoke 500" (a failed card action shows nothing in the chat, only this) or
   * "User Application -> Microsoft 365 Agents Playground getConversationMember 404".
   */
  async logPanelText(): Promise<string> {
    const panel = this.page.getByText('Log Panel', { exact: true }).locator('xpath=../..');
    return (await panel.innerText()).replace(/\s*→\s*|\s*-->\s*/g, ' -> ');
  }

  /** Waits (best effort) for lines in the Playground's log panel, e.g. /installationUpdate \d{3}/. */
  async waitForLogEntries(patterns: RegExp[], timeoutMs = 15_000): Promise<void> {
    await Promise.all(
      patterns.map((pattern) =>
        this.page
          .getByText(pattern)
          .first()
          .waitFor({ state: 'attached', timeout: timeoutMs })
          .catch(() => {}),
      ),
    );
  }

  /** Saves what the page shows now; `scrollTo` first scrolls that element (a card, a thread) into view. */
  async screenshot(file: string, options: { scrollTo?: Locator } = {}): Promise<void> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (options.scrollTo) await options.scrollTo.scrollIntoViewIfNeeded();
    await this.page.screenshot({ path: file, fullPage: false });
  }
}

/**
 * Runs in the page (kept as source text so that no bundler helper such as esbuild's `__name` leaks into it).
 * Personal/group chat: each message has a header with aria-label "Message header"; bot messages carry
 * "Message author" = bot name, and the body follows the header. Channels: each thread is a Fluent Card
 * (div[role=group].fui-Card) whose root post sits under .fui-CardHeader and whose replies each have an avatar
 * row followed by the body.
 */
const COLLECT_BOT_MESSAGES = `(root, botName) => {
  const texts = [];
  // The Playground puts its own note under a card after an action ("Your response was sent to the app").
  const NOTE = '[aria-label="Display Invoked Message"]';
  const textOf = (el) => {
    let text = el.innerText;
    for (const note of el.querySelectorAll(NOTE)) text = text.replace(note.innerText, '');
    return text;
  };
  const clean = (text) => text.replace(/\\n{3,}/g, '\\n\\n').trim();
  for (const author of root.querySelectorAll('[aria-label="Message author"]')) {
    if ((author.textContent || '').trim() !== botName) continue;
    const header = author.closest('[aria-label="Message header"]');
    const body = header && header.nextElementSibling;
    if (body) texts.push(clean(textOf(body)));
  }
  const cards = Array.from(root.querySelectorAll('div[role="group"].fui-Card'));
  if (root.matches('div[role="group"].fui-Card')) cards.unshift(root);
  for (const card of cards.reverse()) {
    const header = Array.from(card.children).find((el) => el.classList.contains('fui-CardHeader'));
    const rootAvatar = header && header.querySelector('.fui-Avatar');
    if (rootAvatar && rootAvatar.getAttribute('aria-label') === botName) {
      const parts = [];
      for (let el = header.nextElementSibling; el; el = el.nextElementSibling) {
        if (el.matches('[role="separator"], .fui-CardFooter') || el.querySelector('.fui-Avatar')) break;
        parts.push(textOf(el));
      }
      texts.push(clean(parts.join('\\n')));
    }
    for (const avatar of card.querySelectorAll('.fui-Avatar')) {
      if (avatar.closest('.fui-CardHeader') || avatar.closest('.fui-CardFooter')) continue;
      if (avatar.getAttribute('aria-label') !== botName) continue;
      const body = avatar.parentElement && avatar.parentElement.nextElementSibling;
      if (body) texts.push(clean(textOf(body)));
    }
  }
  return texts;
}`;
// Built from source text at run time: Playwright sends fn.toString() to the page, which is then exactly this.
const collectBotMessages = new Function(`return ${COLLECT_BOT_MESSAGES}`)() as (root: Element, botName: string) => string[];

function newEntries(before: string[], after: string[]): string[] {
  const remaining = new Map<string, number>();
  for (const text of before) remaining.set(text, (remaining.get(text) ?? 0) + 1);
  const fresh: string[] = [];
  for (const text of after) {
    const left = remaining.get(text) ?? 0;
    if (left > 0) remaining.set(text, left - 1);
    else fresh.push(text);
  }
  return fresh;
}

function matches(text: string, match: TextMatch): boolean {
  return typeof match === 'string' ? text.includes(match) : match.test(text);
}

function describeTexts(texts: string[]): string {
  return texts.length ? texts.map((t, i) => `  [${i}] ${t.replace(/\s+/g, ' ').slice(0, 300)}`).join('\n') : '  (none)';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
