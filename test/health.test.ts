import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';

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
});
