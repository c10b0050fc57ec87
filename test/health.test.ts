import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';
import { PEOPLE } from './support/org.ts';
import { textOf } from './support/cards.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.bot.stop({ keepDatabase: true });
  await h?.connector.stop();
});

describe('GET /healthz', () => {
  it('answers 200 while the database answers, and 503 when it does not', async () => {
    const url = h.botUrl.replace('/api/messages', '/healthz');
    expect((await fetch(url)).status).toBe(200);
    await h.db.close(); // the database goes away under the running bot
    const down = await fetch(url);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'database unavailable' });
  });

  it('while the database is down: a card action gets a Dutch "try again" card, a message 503 so Teams retries', async () => {
    // (the database was closed by the test above)
    const carla = h.client(PEOPLE.carla);
    const action = await carla.execute('mine.list');
    expect(action.status).toBe(200);
    expect(textOf(action.card!)).toContain('Probeer het zo opnieuw');
    expect(textOf(action.card!)).toContain('Er is niets opgeslagen');
    const started = await carla.execute('spreekuur.start');
    expect(textOf(started.card!)).toContain('Probeer het zo opnieuw');
    expect((await carla.say('mijn aanvragen')).status).toBe(503);
    expect((await carla.say('hallo')).status).toBe(503);
  });
});
