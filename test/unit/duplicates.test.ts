import { describe, expect, it } from 'vitest';
import { RecentActivities, type SharedActivityLog } from '../../bot/teams/duplicates.ts';
import { at } from './dutch.ts';

const T0 = at('2026-11-25T10:00').getTime();
const MIN = 60_000;

/** The shared log of all instances, in memory: a key is there once a turn for it finished, until released. */
class FakeLog implements SharedActivityLog {
  readonly keys = new Set<string>();
  lookups = 0;
  releases: string[] = [];
  failNext = false;
  async seen(key: string): Promise<boolean> {
    this.lookups++;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('database unreachable');
    }
    return this.keys.has(key);
  }
  async record(key: string): Promise<void> {
    this.keys.add(key);
  }
  async release(key: string): Promise<void> {
    this.releases.push(key);
    this.keys.delete(key);
  }
}

const sizeOf = (r: RecentActivities) => (r as unknown as { seen: Map<string, number> }).seen.size;

describe('RecentActivities.keyOf', () => {
  it('is conversation id and activity id', () => {
    expect(RecentActivities.keyOf({ id: 'act-1', conversation: { id: '19:abc@thread.tacv2' } })).toBe('19:abc@thread.tacv2|act-1');
  });

  it('the same activity id in two conversations gives two keys', () => {
    expect(RecentActivities.keyOf({ id: '1', conversation: { id: 'a' } })).not.toBe(
      RecentActivities.keyOf({ id: '1', conversation: { id: 'b' } }),
    );
  });

  it('missing parts show as "undefined"', () => {
    expect(RecentActivities.keyOf({ id: 'x' })).toBe('undefined|x');
    expect(RecentActivities.keyOf({})).toBe('undefined|undefined');
  });
});

describe('RecentActivities.isRepeat (in memory)', () => {
  it('the first delivery is new, the second within ten minutes is a repeat', () => {
    const r = new RecentActivities();
    expect(r.isRepeat('k', T0)).toBe(false);
    expect(r.isRepeat('k', T0 + 1)).toBe(true);
    expect(r.isRepeat('k', T0 + 10 * MIN - 1)).toBe(true);
  });

  it('after exactly ten minutes it is new again, and counts from then', () => {
    const r = new RecentActivities();
    r.isRepeat('k', T0);
    expect(r.isRepeat('k', T0 + 10 * MIN)).toBe(false);
    expect(r.isRepeat('k', T0 + 15 * MIN)).toBe(true);
  });

  it('a repeat does not extend the window', () => {
    const r = new RecentActivities();
    r.isRepeat('k', T0);
    expect(r.isRepeat('k', T0 + 9 * MIN)).toBe(true);
    expect(r.isRepeat('k', T0 + 11 * MIN)).toBe(false);
  });

  it('keys are independent', () => {
    const r = new RecentActivities();
    expect(r.isRepeat('a', T0)).toBe(false);
    expect(r.isRepeat('b', T0)).toBe(false);
    expect(r.isRepeat('a', T0)).toBe(true);
  });

  it('a custom time window', () => {
    const r = new RecentActivities(undefined, 1000);
    r.isRepeat('k', T0);
    expect(r.isRepeat('k', T0 + 999)).toBe(true);
    expect(r.isRepeat('k', T0 + 1000)).toBe(false);
  });

  it('beyond the maximum, the oldest entry is forgotten even within the window', () => {
    const r = new RecentActivities(undefined, 10 * MIN, 3);
    for (const [i, k] of ['a', 'b', 'c', 'd'].entries()) r.isRepeat(k, T0 + i);
    expect(sizeOf(r)).toBe(3);
    expect(r.isRepeat('b', T0 + 10)).toBe(true);
    expect(r.isRepeat('c', T0 + 10)).toBe(true);
    expect(r.isRepeat('d', T0 + 10)).toBe(true);
    expect(r.isRepeat('a', T0 + 10)).toBe(false);
  });

  it('when over the maximum, also drops every expired entry at the front', () => {
    const r = new RecentActivities(undefined, 100, 2);
    r.isRepeat('a', T0);
    r.isRepeat('b', T0 + 50);
    r.isRepeat('c', T0 + 200);
    expect(sizeOf(r)).toBe(1);
  });

  it('an expired key seen again moves to the back, so it is not the next one evicted', () => {
    const r = new RecentActivities(undefined, 100, 2);
    r.isRepeat('a', T0);
    r.isRepeat('b', T0 + 10);
    expect(r.isRepeat('a', T0 + 150)).toBe(false); // expired, recorded anew at the back
    r.isRepeat('c', T0 + 160); // over the maximum: b (expired) goes, a stays
    expect(r.isRepeat('a', T0 + 170)).toBe(true);
    expect(sizeOf(r)).toBe(2);
  });

  it('stays bounded under a flood of new ids', () => {
    const r = new RecentActivities(undefined, 10 * MIN, 100);
    for (let i = 0; i < 1000; i++) r.isRepeat(`k${i}`, T0 + i);
    expect(sizeOf(r)).toBe(100);
    expect(r.isRepeat('k999', T0 + 1000)).toBe(true);
    expect(r.isRepeat('k899', T0 + 1000)).toBe(false);
  });
});

describe('RecentActivities.isHandled (memory, then the shared log)', () => {
  it('without a shared log: in memory only', async () => {
    const r = new RecentActivities();
    expect(await r.isHandled('k', T0)).toBe(false);
    expect(await r.isHandled('k', T0 + MIN)).toBe(true);
  });

  it('another instance that finished handling it, through the shared log', async () => {
    const log = new FakeLog();
    const one = new RecentActivities(log);
    const two = new RecentActivities(log);
    expect(await one.isHandled('k', T0)).toBe(false);
    await one.handled('k');
    expect(await two.isHandled('k', T0 + 1)).toBe(true);
    expect(log.lookups).toBe(2);
  });

  it('a process killed half-way leaves nothing in the shared log: the retry is answered on another instance', async () => {
    const log = new FakeLog();
    const killed = new RecentActivities(log);
    expect(await killed.isHandled('k', T0)).toBe(false); // …and the process dies before handled()
    expect(await new RecentActivities(log).isHandled('k', T0 + 1)).toBe(false);
  });

  it('a repeat on the same instance does not ask the shared log again', async () => {
    const log = new FakeLog();
    const r = new RecentActivities(log);
    await r.isHandled('k', T0);
    expect(await r.isHandled('k', T0 + 1)).toBe(true);
    expect(log.lookups).toBe(1);
  });

  it('after ten minutes memory has forgotten, but the shared log still knows', async () => {
    const log = new FakeLog();
    const r = new RecentActivities(log);
    await r.isHandled('k', T0);
    await r.handled('k');
    expect(await r.isHandled('k', T0 + 11 * MIN)).toBe(true);
    expect(log.lookups).toBe(2);
  });

  it('forget: a failed turn lets Teams’ retry through, on this and on other instances', async () => {
    const log = new FakeLog();
    const one = new RecentActivities(log);
    const two = new RecentActivities(log);
    await one.isHandled('k', T0);
    await one.forget('k');
    expect(log.releases).toEqual(['k']);
    expect(await two.isHandled('k', T0 + 1)).toBe(false);
    await two.forget('k');
    expect(await one.isHandled('k', T0 + 2)).toBe(false);
  });

  it('forget without a shared log', async () => {
    const r = new RecentActivities();
    await r.isHandled('k', T0);
    await r.forget('k');
    expect(await r.isHandled('k', T0 + 1)).toBe(false);
  });

  it('a failing shared log fails the check; the key is then held in memory until forget', async () => {
    const log = new FakeLog();
    const r = new RecentActivities(log);
    log.failNext = true;
    await expect(r.isHandled('k', T0)).rejects.toThrow('database unreachable');
    expect(r.isRepeat('k', T0 + 1)).toBe(true);
    await r.forget('k');
    expect(await r.isHandled('k', T0 + 2)).toBe(false);
  });
});
