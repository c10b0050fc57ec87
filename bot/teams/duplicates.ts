/**
 * Teams may deliver the same activity twice (retries after a slow answer). Messages and
 * conversation updates seen recently are skipped; card actions are idempotent by themselves and
 * must always get their answer, so they are not filtered here.
 */
export class RecentActivities {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly max = 5_000,
  ) {}

  static keyOf(activity: { id?: string; conversation?: { id?: string } }): string {
    return `${activity.conversation?.id}|${activity.id}`;
  }

  /** A turn that failed did not handle the activity: Teams' retry must get through. */
  forget(key: string): void {
    this.seen.delete(key);
  }

  /** True when this activity id was already handled within the time window. */
  isRepeat(key: string, now = Date.now()): boolean {
    const at = this.seen.get(key);
    if (at !== undefined && now - at < this.ttlMs) return true;
    this.seen.delete(key); // re-insert at the end, so the oldest entries stay first
    this.seen.set(key, now);
    if (this.seen.size > this.max) {
      for (const [k, t] of this.seen) {
        if (now - t >= this.ttlMs || this.seen.size > this.max) this.seen.delete(k);
        else break;
      }
    }
    return false;
  }
}
