// Keeps the worker under Teams' tenant-wide request budget: a token bucket refilled at `ratePerSecond`,
// and a pause for everyone when Teams answers 429 with Retry-After (the budget is shared, so one 429
// means every send would get one).
export class Pacer {
  private tokens: number;
  private last: number;
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly ratePerSecond: number,
    /**
     * Requests that may go at once after a quiet spell. Any 1-second window holds at most rate + burst
     * requests, so with Teams' budget B the rate must stay at or below B − burst: the default of 1 keeps
     * the pace smooth (a burst of 9 at 47/s gave 429s against a budget of 50).
     */
    private readonly burst = 1,
    private readonly clock: () => number = Date.now,
  ) {
    this.tokens = this.burst;
    this.last = this.clock();
  }

  /** Resolves when one request may go out now. Callers are served in the order they asked. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.waitForToken());
    this.queue = turn;
    return turn;
  }

  /** Teams said 429: nobody sends before `ms` has passed. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock() + ms);
  }

  private async waitForToken(): Promise<void> {
    for (;;) {
      const now = this.clock();
      if (now < this.pausedUntil) {
        await sleep(this.pausedUntil - now);
        continue;
      }
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await sleep(Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000));
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
