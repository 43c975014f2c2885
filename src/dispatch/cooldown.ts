import type { Storage } from '../storage/storage.js';

/** A per-member budget of uses: `take` records one and says how long to wait (0: go ahead). */
export interface RateLimiter {
  take(user: string, now?: number): number | Promise<number>;
}

/**
 * Per-user rate limit: at most `limit` uses in any `windowMs`. A sliding window of timestamps per
 * user; users idle for a window are forgotten, so memory follows active users only.
 */
export class Cooldown implements RateLimiter {
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

/**
 * The same budget kept in the shared database, so a member who is answered by several copies of
 * the bot (PostgreSQL) still gets `limit` uses per window in all: a fixed window counted with
 * `Storage.hit`. If the database cannot be reached, the copy's own in-memory budget decides, so
 * an outage never costs a member their answer.
 */
export function sharedCooldown(storage: Storage, local: Cooldown): RateLimiter {
  return {
    async take(user, now = Date.now()) {
      try {
        const { count, windowStart } = await storage.hit(`cooldown:${user}`, local.windowMs, now);
        return count > local.limit ? Math.max(1, windowStart + local.windowMs - now) : 0;
      } catch {
        return local.take(user, now);
      }
    },
  };
}
