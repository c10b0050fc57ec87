/**
 * Renders Adaptive Cards with the official JS renderer (npm `adaptivecards`) in one headless Debian
 * Chromium, offline. Use one renderer per test file:
 *
 *   const renderer = await startCardRenderer();   // in beforeAll (~1–4 s: Chromium start)
 *   const result = await renderer.renderCard(card); // ~20–30 ms per card
 *   await renderer.close();                        // in afterAll
 *
 * What counts as an error (see ERROR_EVENTS in the page script): unknown element/action types,
 * invalid property values, a card `version` above 1.5 (what Teams supports for Universal Actions),
 * properties newer than 1.5, inputs without id, duplicate ids, empty choice sets, required inputs
 * without label, and anything else the renderer's parser or `validateProperties()` reports as a failure.
 * Warnings: hints, deprecations, required inputs without errorMessage, more than `maxActions` (6)
 * actions in one action set, and properties the renderer does not know (likely typos, e.g. `wrp`).
 *
 * TextBlock Markdown is rendered with a small built-in converter for the subset Teams supports
 * (**bold**, _italic_, [links](https://…), bullet and numbered lists), so `text` has no `**`.
 *
 * The last rendered card stays on `renderer.page` (inside `#card`), so a test can fill inputs
 * (`page.getByLabel('Naam')`) and click buttons, then read what would be sent with `lastAction()`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_BASE_ARGS, CHROMIUM_PATH } from './chromium.ts';

export interface RenderedInput {
  id: string;
  type: string;
  label: string;
  isRequired: boolean;
}

export interface RenderedAction {
  title: string;
  type: string;
  verb?: string;
  id?: string;
}

export interface RenderResult {
  /** Parse and validation failures; a card for Teams should have none. */
  errors: string[];
  /** Things worth a look that do not break the card. */
  warnings: string[];
  /**
   * The visible text of the rendered card, one trimmed line per block (`innerText`: hidden elements and
   * closed ShowCards excluded; button titles included at the end).
   */
  text: string;
  /** Ids of all inputs, including those inside Action.ShowCard cards ('' when an input has none). */
  inputIds: string[];
  /** All inputs with their type, label and required flag. */
  inputs: RenderedInput[];
  /** All actions: card actions, ActionSets, selectActions, inline actions and actions inside ShowCards. */
  actions: RenderedAction[];
}

/** What the card would send when an Action.Submit / Action.Execute is clicked (inputs merged into data). */
export interface ExecutedAction {
  type: string;
  title: string;
  verb?: string;
  data: unknown;
}

export interface CardRenderer {
  renderCard(cardJson: object): Promise<RenderResult>;
  /** Renders the card and writes a PNG of it to `file` (directories are created). */
  screenshot(cardJson: object, file: string): Promise<RenderResult>;
  /** The last Submit/Execute action clicked on the currently rendered card, or null. */
  lastAction(): Promise<ExecutedAction | null>;
  /** The page holding the current card in `#card`, for tests that fill inputs and click actions. */
  readonly page: Page;
  close(): Promise<void>;
}

export interface CardRendererOptions {
  /** Chromium binary; default $CHROMIUM_PATH or /usr/bin/chromium. */
  executablePath?: string;
  /** Card width in CSS pixels (Teams desktop chat is roughly 400–600). Default 500. */
  width?: number;
}

const CHROMIUM_ARGS = CHROMIUM_BASE_ARGS;

const require = createRequire(import.meta.url);

function readPackageFile(specifier: string): string {
  return fs.readFileSync(require.resolve(specifier), 'utf8');
}

/** Host config close to Teams (light theme): Segoe UI, 6 actions max, inline ShowCards, Teams colours. */
const TEAMS_HOST_CONFIG = {
  supportsInteractivity: true,
  fontFamily: "'Segoe UI', 'Helvetica Neue', Arial, sans-serif",
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
  imageSizes: { small: 32, medium: 52, large: 100 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        dark: { default: '#252423', subtle: '#484644' },
        light: { default: '#FFFFFF', subtle: '#F3F2F1' },
        accent: { default: '#5B5FC7', subtle: '#8B8CC7' },
        good: { default: '#237B4B', subtle: '#6BB700' },
        warning: { default: '#835B00', subtle: '#C19C00' },
        attention: { default: '#C4314B', subtle: '#D74654' },
      },
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#5B5FC7', subtle: '#8B8CC7' },
        good: { default: '#237B4B', subtle: '#6BB700' },
        warning: { default: '#835B00', subtle: '#C19C00' },
        attention: { default: '#C4314B', subtle: '#D74654' },
      },
    },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16, style: 'emphasis' },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
    iconPlacement: 'leftOfTitle',
  },
  adaptiveCard: { allowCustomStyle: true },
  inputs: {
    label: {
      requiredInputs: { weight: 'bolder', suffix: ' *', suffixColor: 'attention' },
      optionalInputs: { weight: 'bolder' },
    },
    errorMessage: { size: 'small', color: 'attention' },
  },
  factSet: {
    title: { weight: 'bolder', wrap: true, maxWidth: 150 },
    value: { wrap: true },
    spacing: 12,
  },
};

/**
 * Runs inside the page (plain JS on purpose: transpiled TS functions can carry helpers such as
 * `__name` that do not exist in the browser). Defines window.__sotCards.
 */
const PAGE_SCRIPT = String.raw`
(function () {
  var AC = window.AdaptiveCards;
  var EV = AC.ValidationEvent;
  var ERROR_EVENTS = [
    EV.ActionTypeNotAllowed, EV.CollectionCantBeEmpty, EV.ElementTypeNotAllowed, EV.InteractivityNotAllowed,
    EV.InvalidPropertyValue, EV.MissingCardType, EV.PropertyCantBeNull, EV.UnknownActionType,
    EV.UnknownElementType, EV.UnsupportedCardVersion, EV.DuplicateId, EV.UnsupportedProperty,
    EV.RequiredInputsShouldHaveLabel
  ];
  // Collections and fallback are parsed outside the property schema; msteams is Teams' own extension.
  var STRUCTURAL_KEYS = ['type', 'items', 'columns', 'actions', 'body', 'card', 'fallback', 'rows', 'cells',
    'images', 'inlines', 'sources', 'captionSources', 'msteams'];
  var hostConfig = new AC.HostConfig(window.__sotHostConfig);

  // The subset of Markdown that Teams renders in TextBlocks (markdown-it is not installed).
  function escapeHtml(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }
  function inlineMarkdown(s) {
    return escapeHtml(s)
      .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[^*\w])\*([^*\s][^*]*?)\*(?![*\w])/g, '$1<em>$2</em>')
      .replace(/(^|[^\w])_([^_\s][^_]*?)_(?!\w)/g, '$1<em>$2</em>')
      .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2">$1</a>');
  }
  function markdown(text) {
    return text.split(/\n{2,}/).map(function (block) {
      var lines = block.split('\n');
      var bullet = /^\s*[-*+] /;
      var numbered = /^\s*\d+\. /;
      if (lines.every(function (l) { return bullet.test(l); })) {
        return '<ul>' + lines.map(function (l) { return '<li>' + inlineMarkdown(l.replace(bullet, '')) + '</li>'; }).join('') + '</ul>';
      }
      if (lines.every(function (l) { return numbered.test(l); })) {
        return '<ol>' + lines.map(function (l) { return '<li>' + inlineMarkdown(l.replace(numbered, '')) + '</li>'; }).join('') + '</ol>';
      }
      return '<p>' + lines.map(inlineMarkdown).join('<br>') + '</p>';
    }).join('');
  }
  AC.AdaptiveCard.onProcessMarkdown = function (text, result) {
    result.outputHtml = markdown(text);
    result.didProcess = true;
  };
  var state = { lastAction: null };

  function describeSource(source) {
    if (!source || typeof source.getJsonTypeName !== 'function') return '';
    var name = source.getJsonTypeName();
    return source.id ? ' [' + name + ' id=' + source.id + ']' : ' [' + name + ']';
  }

  function schemaNames(obj) {
    var schema = obj.getSchema();
    var names = {};
    for (var i = 0; i < schema.getCount(); i++) names[schema.getItemAt(i).name] = true;
    return names;
  }

  function checkUnknownProperties(obj, source, warnings) {
    if (!source || typeof source !== 'object') return;
    var names = schemaNames(obj);
    Object.keys(source).forEach(function (key) {
      if (!names[key] && STRUCTURAL_KEYS.indexOf(key) < 0) {
        warnings.push('UnknownProperty: "' + key + '" is not a known property of ' + obj.getJsonTypeName() +
          ' (ignored by the renderer; a typo?)' + describeSource(obj));
      }
    });
  }

  function collectActions(card) {
    var seen = [];
    var result = [];
    function visit(action) {
      if (!action || seen.indexOf(action) >= 0) return;
      seen.push(action);
      result.push(action);
      if (action.getJsonTypeName() === 'Action.ShowCard' && action.card) {
        action.card.getAllActions().forEach(visit);
      }
    }
    card.getAllActions().forEach(visit);
    card.getAllInputs(true).forEach(function (input) { if (input.inlineAction) visit(input.inlineAction); });
    return result;
  }

  function render(json) {
    var errors = [];
    var warnings = [];
    var context = new AC.SerializationContext(AC.Versions.v1_5);
    context.onParseElement = function (element, source) { checkUnknownProperties(element, source, warnings); };
    context.onParseAction = function (action, source) {
      checkUnknownProperties(action, source, warnings);
      if (action.getJsonTypeName() === 'Action.ShowCard' && source && source.card) {
        checkUnknownProperties(new AC.AdaptiveCard(), source.card, warnings);
      }
    };

    var card = new AC.AdaptiveCard();
    card.hostConfig = hostConfig;
    card.maxVersion = AC.Versions.v1_5;
    state.lastAction = null;
    card.onExecuteAction = function (action) {
      state.lastAction = {
        type: action.getJsonTypeName(),
        title: action.title || '',
        verb: action.verb,
        data: JSON.parse(JSON.stringify(action.data === undefined ? null : action.data))
      };
    };

    function classify(event) {
      var line = (EV[event.event] || 'Event' + event.event) + ': ' + event.message + describeSource(event.source);
      (ERROR_EVENTS.indexOf(event.event) >= 0 ? errors : warnings).push(line);
    }

    try {
      checkUnknownProperties(card, json, warnings);
      card.parse(json, context);
    } catch (e) {
      errors.push('ParseFailed: ' + (e && e.message ? e.message : String(e)));
    }
    for (var i = 0; i < context.eventCount; i++) classify(context.getEventAt(i));
    try {
      card.validateProperties().validationEvents.forEach(classify);
    } catch (e) {
      errors.push('ValidationFailed: ' + (e && e.message ? e.message : String(e)));
    }

    var host = document.getElementById('card');
    host.innerHTML = '';
    var rendered;
    try {
      rendered = card.render();
    } catch (e) {
      errors.push('RenderFailed: ' + (e && e.message ? e.message : String(e)));
    }
    if (rendered) {
      host.appendChild(rendered);
      card.updateLayout();
    } else if (!errors.some(function (e) { return e.indexOf('RenderFailed') === 0; })) {
      errors.push('RenderFailed: the renderer produced no output');
    }

    var inputs = card.getAllInputs(true).map(function (input) {
      return { id: input.id || '', type: input.getJsonTypeName(), label: input.label || '', isRequired: !!input.isRequired };
    });
    var actions = collectActions(card).map(function (action) {
      var a = { title: action.title || '', type: action.getJsonTypeName() };
      if (action.getJsonTypeName() === 'Action.Execute') a.verb = action.verb;
      if (action.id) a.id = action.id;
      return a;
    });
    return {
      errors: errors,
      warnings: warnings,
      text: host.innerText.split('\n').map(function (l) { return l.trim(); }).filter(Boolean).join('\n'),
      inputIds: inputs.map(function (input) { return input.id; }),
      inputs: inputs,
      actions: actions
    };
  }

  window.__sotCards = {
    render: render,
    lastAction: function () { return state.lastAction; }
  };
})();
`;

const PAGE_HTML = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>SOT-bot kaart</title>
<style>
  body { margin: 0; padding: 16px; background: #EBEBEB; font-family: 'Segoe UI', 'Helvetica Neue', Arial, sans-serif; }
  #card { background: #FFFFFF; border-radius: 6px; box-shadow: 0 1px 2px rgba(0,0,0,.15); overflow: hidden; }
</style>
</head>
<body><div id="card"></div></body>
</html>`;

export async function startCardRenderer(options: CardRendererOptions = {}): Promise<CardRenderer> {
  const executablePath = options.executablePath ?? CHROMIUM_PATH;
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it with: apt-get install -y --no-install-recommends chromium ` +
        '(or set CHROMIUM_PATH).',
    );
  }
  const width = options.width ?? 500;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sot-cards-chromium-'));
  let context: BrowserContext;
  try {
    // A persistent context is how Playwright takes our own fresh --user-data-dir.
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      offline: true,
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
      viewport: { width: width + 32, height: 800 },
    });
  } catch (error) {
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }

  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // Belt and braces next to `offline`: nothing may leave the machine (card images just fail to load).
    await page.route(/^(?!data:|about:)/, (route) => route.abort());
    await page.setContent(PAGE_HTML);
    await page.addStyleTag({ content: readPackageFile('adaptivecards/dist/adaptivecards.css') });
    await page.addScriptTag({ content: `window.__sotHostConfig = ${JSON.stringify(TEAMS_HOST_CONFIG)};` });
    await page.addScriptTag({ content: readPackageFile('adaptivecards/dist/adaptivecards.min.js') });
    await page.addScriptTag({ content: PAGE_SCRIPT });

    const renderCard = (cardJson: object): Promise<RenderResult> =>
      page.evaluate((json) => (window as unknown as PageGlobals).__sotCards.render(json), cardJson);

    return {
      page,
      renderCard,
      async screenshot(cardJson, file) {
        const result = await renderCard(cardJson);
        fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
        await page.locator('#card').screenshot({ path: file });
        return result;
      },
      lastAction: () => page.evaluate(() => (window as unknown as PageGlobals).__sotCards.lastAction()),
      async close() {
        try {
          await context.close();
        } finally {
          fs.rmSync(userDataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await context.close().catch(() => undefined);
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

interface PageGlobals {
  __sotCards: {
    render(json: object): RenderResult;
    lastAction(): ExecutedAction | null;
  };
}

/** Keep cards well under Teams' ~100 KB message limit (see /work/shared/platform.md). */
export const MAX_CARD_BYTES = 28 * 1024;

/**
 * The project's rules for a card sent to Teams, on top of the renderer's own errors: version "1.5",
 * every Action.Execute has a verb, every input has an id and a label, no unknown (typo) properties,
 * no template leftovers (`${…}`, `$data`, `$when`), and under MAX_CARD_BYTES. Returns the problems.
 */
export function checkTeamsCard(cardJson: object, result: RenderResult): string[] {
  const problems = [...result.errors];
  const version = (cardJson as { version?: unknown }).version;
  if (version !== '1.5') problems.push(`card version must be "1.5", is ${JSON.stringify(version)}`);
  const bytes = Buffer.byteLength(JSON.stringify(cardJson), 'utf8');
  if (bytes >= MAX_CARD_BYTES) problems.push(`card JSON is ${bytes} bytes, must stay under ${MAX_CARD_BYTES}`);
  for (const action of result.actions) {
    if (action.type === 'Action.Execute' && !action.verb?.trim()) {
      problems.push(`Action.Execute "${action.title}" has no verb`);
    }
  }
  for (const input of result.inputs) {
    const name = `${input.type}${input.id ? ` id=${input.id}` : ''}`;
    if (!input.id.trim()) problems.push(`${name} has no id`);
    if (!input.label.trim()) problems.push(`${name} has no label`);
  }
  problems.push(...result.warnings.filter((w) => w.startsWith('UnknownProperty:')));
  problems.push(...templateLeftovers(cardJson));
  return problems;
}

function templateLeftovers(value: unknown, where = '$'): string[] {
  if (typeof value === 'string') {
    return value.includes('${') ? [`unexpanded template expression at ${where}: ${JSON.stringify(value)}`] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => templateLeftovers(item, `${where}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      key === '$data' || key === '$when' ? [`template keyword ${key} left at ${where}`] : templateLeftovers(item, `${where}.${key}`),
    );
  }
  return [];
}
