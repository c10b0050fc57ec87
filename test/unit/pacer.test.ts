import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Pacer } from '../../bot/delivery/pacer.ts';

describe('Pacer (the tenant-wide request budget)', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-11-25T09:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  /** Takes `n` tokens and returns the fake time (ms since start) at which each was granted (Date.now is faked above). */
  async function grants(pacer: Pacer, n: number): Promise<number[]> {
    const start = Date.now();
    const at: number[] = [];
    const all = Array.from({ length: n }, () => pacer.take().then(() => at.push(Date.now() - start)));
    await vi.runAllTimersAsync();
    await Promise.all(all);
    return at;
  }

  it('lets a burst through at once, then one request per 1/rate second', async () => {
    const at = await grants(new Pacer(10, 2), 6);
    expect(at.slice(0, 2)).toEqual([0, 0]);
    expect(at.slice(2)).toEqual([100, 200, 300, 400]);
  });

  it('never exceeds the rate over a second', async () => {
    const at = await grants(new Pacer(25), 200);
    for (let i = 0; i < at.length; i++) {
      const inWindow = at.filter((t) => t >= at[i]! && t < at[i]! + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(25 + 1); // the rate plus the burst (1 by default)
    }
    expect(at.at(-1)).toBeGreaterThanOrEqual(((200 - 1) / 25) * 1000 - 1);
  });

  it('a pause (429 with Retry-After) holds back every request until it has passed', async () => {
    const pacer = new Pacer(100, 1);
    pacer.pause(3000);
    const at = await grants(pacer, 3);
    expect(at[0]).toBeGreaterThanOrEqual(3000);
    expect(at[2]! - at[0]!).toBeLessThanOrEqual(30);
  });
});
