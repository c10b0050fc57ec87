import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// As in production: the setting is in the environment before any module loads (texts in module constants
// are converted when their module loads).
vi.hoisted(() => {
  process.env.AANSPREEKVORM = 'je';
});
import { setRegister } from '../bot/domain/wording/register.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { importFixture, PEOPLE } from './support/org.ts';
import { textOf } from './support/cards.ts';

const STANDALONE_U = /(?<!\p{L})(u|U|uw|Uw)(?!\p{L})/u;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ config: { register: 'je' } });
  await importFixture(h.db);
});
afterAll(async () => {
  await h?.close();
  setRegister('u');
  delete process.env.AANSPREEKVORM;
});

describe('AANSPREEKVORM=je', () => {
  it('the welcome card says "je", with no u or uw left', async () => {
    const carla = h.client(PEOPLE.carla);
    await carla.say('hallo');
    const text = textOf(h.connector.cardsIn(carla.conversationId).at(-1)!);
    expect(text).toContain('Welkom, Carla!');
    expect(text).toMatch(/Via mij vraag je ondersteuning aan/);
    expect(text.split('\n').filter((l) => STANDALONE_U.test(l))).toEqual([]);
  });

  it('the spreekuur form and the code-made messages say "je" too', async () => {
    const carla = h.client(PEOPLE.carla);
    await carla.say('spreekuur');
    const form = JSON.stringify(h.connector.cardsIn(carla.conversationId).at(-1));
    expect(form).toContain('Waar wil je over sparren?');
    expect(form).not.toMatch(STANDALONE_U);
    const stranger = h.client({ id: '29:onbekend-je', aadObjectId: '00000000-0000-4000-8000-0000000000ee', name: 'Onbekend' });
    await stranger.say('menu');
    const prompt = textOf(h.connector.cardsIn(stranger.conversationId).at(-1)!);
    expect(prompt).toMatch(/\bje\b/);
    expect(prompt).not.toMatch(STANDALONE_U);
  });
});
