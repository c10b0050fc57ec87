// The fault matrix in short (npm run faults runs it in full): nothing a coordinator submitted is lost,
// and nothing is delivered twice except where the delivery guarantee says it may be (Teams did the work
// but its answer was lost, or the bot was killed between sending and recording).
import { describe, expect, it } from 'vitest';
import { runScenario, type DatabaseChoice } from './faults/scenario.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
const database: DatabaseChoice = serverUrl ? { kind: 'postgres', serverUrl } : { kind: 'embedded' };
const base = { database, coordinators: 4, requestsEach: 1, drainTimeoutMs: 90_000 };

describe(`fault matrix, short (${database.kind})`, () => {
  it('Teams answering 429, 500, timeouts and resets: nothing lost, nothing unexplained twice', async () => {
    const result = await runScenario({
      ...base,
      name: 'flaky Teams',
      chaos: { rate: 0.3, kinds: ['429', '500', 'timeout', 'reset'], hangMs: 3_000, firstWrites: 4 },
    });
    expect(result.runs).toBeGreaterThanOrEqual(4);
    expect(result.lost, result.causes.join('\n')).toBe(0);
    expect(result.unexplained, result.causes.join('\n')).toBe(0);
  }, 240_000);

  it('the bot SIGKILLed while coordinators file and reminders fall due: nothing lost, no request twice', async () => {
    const result = await runScenario({ ...base, name: 'killed', kills: 2, requestsEach: 2 });
    expect(result.runs).toBe(2);
    expect(result.lost, result.causes.join('\n')).toBe(0);
    expect(result.unexplained, result.causes.join('\n')).toBe(0);
  }, 240_000);

  it.runIf(database.kind === 'postgres')(
    'two instances behind a round-robin proxy, every message twice: each answered once',
    async () => {
      const result = await runScenario({ ...base, name: 'two instances', twoInstances: true });
      expect(result.lost, result.causes.join('\n')).toBe(0);
      expect(result.unexplained, result.causes.join('\n')).toBe(0);
    },
    240_000,
  );
});
