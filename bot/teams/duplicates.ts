/** Where handled activities are recorded for every instance (bot/store/seenActivities.ts). */
export interface SharedActivityLog {
  /** Whether some instance finished handling this activity. */
  seen(key: string): Promise<boolean>;
  /** This instance finished handling it. */
  record(key: string): Promise<void>;
  release(key: string): Promise<void>;
}

/**
 * Teams may deliver the same activity twice (retries after a slow answer), possibly to another
 * instance. Messages and conversation updates seen recently are skipped: a fast check in memory, then
 * one look in the shared log. The shared log is written only when a turn has finished (`handled`): a
 * process killed in the middle of a turn leaves nothing behind, so Teams' retry is answered elsewhere.
 * Two instances handling the same retry at the same moment would both answer; answering a text command
 * twice is the lesser harm than never. Card actions are idempotent by themselves and must always get
 * their answer, so they are not filtered here.
 */
export class RecentActivities {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly shared?: SharedActivityLog,
    private readonly ttlMs = 10 * 60_000,
    private readonly max = 5_000,
  ) {}

  /** True when this or another instance already handled the activity. */
  async isHandled(key: string, now = Date.now()): Promise<boolean> {
    if (this.isRepeat(key, now)) return true;
    if (!this.shared) return false;
    return this.shared.seen(key);
  }

  /** The turn for this activity finished: other instances skip Teams' retries of it. */
  async handled(key: string): Promise<void> {
    await this.shared?.record(key);
  }

  static keyOf(activity: { id?: string; conversation?: { id?: string } }): string {
    return `${activity.conversation?.id}|${activity.id}`;
  }

  /** A turn that failed did not handle the activity: Teams' retry must get through. */
  async forget(key: string): Promise<void> {
    this.seen.delete(key);
    await this.shared?.release(key);
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
