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
    let window = this.windows.get(token);
    if (!window || now - window.startedAt >= this.rate.windowMs) {
      window = { startedAt: now, count: 0 };
      this.windows.set(token, window);
    }
    if (window.count >= this.rate.limit) {
      return Math.max(1, Math.ceil((window.startedAt + this.rate.windowMs - now) / 1000));
    }
    window.count += 1;
    return undefined;
  }
}
