/**
 * Per-user rate limit: at most `limit` uses in any `windowMs`. A sliding window of timestamps per
 * user; users idle for a window are forgotten, so memory follows active users only.
 */
export class Cooldown {
  readonly #uses = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Records a use; returns 0 when allowed, or how many ms until the user may go again. */
  take(user: string, now = Date.now()): number {
    const recent = (this.#uses.get(user) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.#uses.set(user, recent);
      return this.windowMs - (now - recent[0]!);
    }
    recent.push(now);
    this.#uses.set(user, recent);
    if (this.#uses.size > 10_000) this.#forgetIdle(now);
    return 0;
  }

  #forgetIdle(now: number): void {
    for (const [user, times] of this.#uses) if (times.every((t) => now - t >= this.windowMs)) this.#uses.delete(user);
  }
}
