/**
 * Renders every example card with the official Adaptive Cards renderer in headless Chromium and
 * checks it against what Teams needs. Set CARD_SCREENSHOTS=<dir> to also write a PNG per example.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardExamples } from './support/cardExamples.ts';
import { checkTeamsCard, MAX_CARD_BYTES, startCardRenderer, type CardRenderer } from './support/cardRenderer.ts';

let renderer: CardRenderer;

beforeAll(async () => {
  renderer = await startCardRenderer();
});

afterAll(async () => {
  await renderer?.close();
});

const screenshotDir = process.env.CARD_SCREENSHOTS;

describe('example cards', () => {
  const names = Object.keys(cardExamples);

  it('there is at least one example', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  describe.each(names)('%s', (name) => {
    it('renders in the official renderer and meets the Teams rules', async () => {
      const card = cardExamples[name]!();
      const result = screenshotDir
        ? await renderer.screenshot(card, path.join(screenshotDir, `${name.replace(/[^\w.-]+/g, '_')}.png`))
        : await renderer.renderCard(card);

      expect(result.errors, 'renderer errors').toEqual([]);
      expect((card as { version?: unknown }).version).toBe('1.5');
      expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThan(MAX_CARD_BYTES);
      for (const action of result.actions.filter((a) => a.type === 'Action.Execute')) {
        expect(action.verb?.trim(), `verb of Action.Execute "${action.title}"`).toBeTruthy();
      }
      for (const input of result.inputs) {
        expect(input.id.trim(), `id of ${input.type}`).toBeTruthy();
        expect(input.label.trim(), `label of ${input.type} ${input.id}`).toBeTruthy();
      }
      // Everything above plus typo properties and template leftovers, in one readable list.
      expect(checkTeamsCard(card, result)).toEqual([]);
      expect(result.text.length, 'visible text').toBeGreaterThan(0);
    });
  });
});

describe('a case card with more buttons than fit in a row', () => {
  it('shows five and puts the rarer steps under "…"; without that the renderer would drop buttons', async () => {
    const card = cardExamples.requestChannelWithOverflow!() as { actions: object[] };
    const shown = async () => {
      return renderer.page.evaluate(() =>
        Array.from(document.querySelectorAll('#card button, #card [role=button]'), (b) => (b as HTMLElement).innerText || ''),
      );
    };
    await renderer.renderCard(card);
    expect(await shown()).toEqual(['Inplannen', 'Vraag stellen', 'Afronden', 'Gegevens aanvullen', 'Terug naar school', '...']);
    const modes = (card.actions as { title: string; mode: string }[]).filter((a) => a.mode === 'secondary').map((a) => a.title);
    expect(modes).toEqual(['Overdragen', 'Kijk op School voorstellen', 'Aanmelden voor JES']);
    const allPrimary = { ...card, actions: card.actions.map((a) => ({ ...a, mode: 'primary' })) };
    await renderer.renderCard(allPrimary);
    expect(await shown()).toHaveLength(6); // two of eight silently gone
  });
});

describe('the checker catches broken cards', () => {
  const base = { type: 'AdaptiveCard', version: '1.5' };

  it('accepts a good card with inputs and reports what a test driver needs', async () => {
    const card = {
      ...base,
      body: [
        { type: 'TextBlock', text: 'Spreekuur aanvragen', weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: '**Let op:** noem geen namen.\n\n- kort\n- _concreet_', wrap: true },
        { type: 'Input.Text', id: 'question', label: 'Uw vraag', isRequired: true, errorMessage: 'Vul uw vraag in.' },
        {
          type: 'Input.ChoiceSet',
          id: 'school',
          label: 'School',
          choices: [{ title: 'De Regenboog', value: 'regenboog' }],
        },
        { type: 'Input.Toggle', id: 'anonymous', label: 'Anoniem', title: 'Zonder naam van de leerling' },
      ],
      actions: [
        { type: 'Action.Execute', title: 'Versturen', verb: 'spreekuur.submit', data: { step: 1 } },
        {
          type: 'Action.ShowCard',
          title: 'Meer',
          card: {
            type: 'AdaptiveCard',
            body: [{ type: 'Input.Date', id: 'date', label: 'Datum' }],
            actions: [{ type: 'Action.Execute', title: 'Kies', verb: 'spreekuur.date' }],
          },
        },
      ],
    };
    const result = await renderer.renderCard(card);
    expect(result.errors).toEqual([]);
    expect(checkTeamsCard(card, result)).toEqual([]);
    expect(result.inputIds).toEqual(['question', 'school', 'anonymous', 'date']);
    expect(result.actions).toEqual([
      { title: 'Versturen', type: 'Action.Execute', verb: 'spreekuur.submit' },
      { title: 'Meer', type: 'Action.ShowCard' },
      { title: 'Kies', type: 'Action.Execute', verb: 'spreekuur.date' },
    ]);
    expect(result.text).toContain('Spreekuur aanvragen\nLet op: noem geen namen.\nkort\nconcreet');
    expect(result.text).not.toContain('Datum'); // inside the closed ShowCard

    // A test can fill inputs by label and click, and sees what Teams would send.
    await renderer.page.getByLabel('Uw vraag').fill('Leerling leest slecht');
    await renderer.page.getByRole('button', { name: 'Versturen' }).click();
    expect(await renderer.lastAction()).toMatchObject({
      type: 'Action.Execute',
      verb: 'spreekuur.submit',
      data: { step: 1, question: 'Leerling leest slecht', anonymous: 'false' },
    });
    // The JS renderer leaves unset inputs out of the data (here: school; date sits in the closed ShowCard).
    expect((await renderer.lastAction())?.data).not.toHaveProperty('school');
  });

  it('reports an unknown element type and an unknown action type', async () => {
    const card = {
      ...base,
      body: [{ type: 'Carousel2', pages: [] }],
      actions: [{ type: 'Action.Teleport', title: 'Weg' }],
    };
    const result = await renderer.renderCard(card);
    expect(result.errors.join('\n')).toMatch(/UnknownElementType: .*Carousel2/);
    expect(result.errors.join('\n')).toMatch(/UnknownActionType: .*Action\.Teleport/);
  });

  it('reports an input without id and without label', async () => {
    const card = { ...base, body: [{ type: 'Input.Text', placeholder: 'Naam' }] };
    const result = await renderer.renderCard(card);
    expect(result.errors.join('\n')).toMatch(/PropertyCantBeNull: All inputs must have a unique Id/);
    expect(checkTeamsCard(card, result)).toEqual(expect.arrayContaining(['Input.Text has no id', 'Input.Text has no label']));
  });

  it('reports a required input without label, and duplicate ids', async () => {
    const card = {
      ...base,
      body: [
        { type: 'Input.Text', id: 'a', isRequired: true, errorMessage: 'Verplicht' },
        { type: 'Input.Text', id: 'a', label: 'Nog een' },
      ],
    };
    const errors = (await renderer.renderCard(card)).errors.join('\n');
    expect(errors).toMatch(/RequiredInputsShouldHaveLabel/);
    expect(errors).toMatch(/DuplicateId/);
  });

  it('reports an invalid property value', async () => {
    const result = await renderer.renderCard({ ...base, body: [{ type: 'TextBlock', text: 'x', size: 'Enorm' }] });
    expect(result.errors.join('\n')).toMatch(/InvalidPropertyValue: .*Enorm/);
  });

  it('reports a card version above 1.5, and properties newer than 1.5', async () => {
    const tooNew = { type: 'AdaptiveCard', version: '1.6', body: [{ type: 'TextBlock', text: 'x' }] };
    const result = await renderer.renderCard(tooNew);
    expect(result.errors.join('\n')).toMatch(/UnsupportedCardVersion/);
    expect(checkTeamsCard(tooNew, result)).toContain('card version must be "1.5", is "1.6"');

    const newerProperty = { ...base, body: [{ type: 'Input.Text', id: 'n', label: 'Naam', labelPosition: 'inline' }] };
    expect((await renderer.renderCard(newerProperty)).errors.join('\n')).toMatch(/UnsupportedProperty: .*labelPosition/);
  });

  it('reports a missing verb, a typo property, template leftovers and an oversized card', async () => {
    const card = {
      ...base,
      body: [
        { type: 'TextBlock', text: 'Hallo ${name}', wrp: true },
        { type: 'TextBlock', $when: '${show}', text: 'x'.repeat(MAX_CARD_BYTES) },
      ],
      actions: [{ type: 'Action.Execute', title: 'Doe iets' }],
    };
    const result = await renderer.renderCard(card);
    expect(result.errors).toEqual([]); // the renderer itself is fine with all of this
    const problems = checkTeamsCard(card, result).join('\n');
    expect(problems).toMatch(/Action.Execute "Doe iets" has no verb/);
    expect(problems).toMatch(/UnknownProperty: "wrp" is not a known property of TextBlock/);
    expect(problems).toMatch(/unexpanded template expression at \$\.body\[0\]\.text/);
    expect(problems).toMatch(/template keyword \$when left at \$\.body\[1\]/);
    expect(problems).toMatch(/card JSON is \d+ bytes, must stay under 28672/);
  });
});
