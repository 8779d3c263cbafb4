/** A platform's per-token request quota (Ecwid: 600 a minute), as a fixed window like the platforms count it. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

export class FixedWindowRateLimiter {
  private windows = new Map<string, { startedAt: number; count: number }>();

  constructor(private readonly rate: RateLimit) {}

  /** Seconds to wait when the token is over its quota, else undefined (and the request is counted). */
  take(token: string, now = Date.now()): number | undefined {
    const state = this.consume(token, now);
    return state.allowed ? undefined : Math.max(1, Math.ceil(state.resetMs / 1000));
  }

  /** Counts a request for `key` when the quota allows it, and tells the window's state after it (for platforms that report it in headers). */
  consume(key: string, now = Date.now()): QuotaState {
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= this.rate.windowMs) {
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    const allowed = window.count < this.rate.limit;
    if (allowed) window.count += 1;
    return {
      allowed,
      limit: this.rate.limit,
      windowMs: this.rate.windowMs,
      remaining: this.rate.limit - window.count,
      resetMs: Math.max(0, window.startedAt + this.rate.windowMs - now),
    };
  }
}

/** A fixed window's state after one request: whether it passed, and what is left of the quota and the window. */
export interface QuotaState {
  allowed: boolean;
  limit: number;
  windowMs: number;
  remaining: number;
  /** Milliseconds until the window ends and the quota is whole again. */
  resetMs: number;
}
