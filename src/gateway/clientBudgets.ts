import type Redis from 'ioredis';
import type { Client } from '../auth/client';
import type { BudgetSettings } from '../auth/clientsConfig';
import type { GatewayConfig } from '../config/configSchema';
import { RedisTokenBucket, Take } from '../upstream/redisTokenBucket';

/** Shopify's `throttleStatus`: the bucket's size, what is in it now, and what it refills a second. */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export type BudgetTake = { granted: true; status: ThrottleStatus } | { granted: false; retryAfterSeconds: number; status: ThrottleStatus };

/** In-process buckets kept at most (caller addresses are unbounded): the least recently used goes first, as if full. */
const MAX_LOCAL_BUCKETS = 10_000;

/**
 * Every client's budget of upstream requests (README, "Limits and budgets"): one bucket per client, or per
 * caller address when the gateway runs open. With Redis the buckets are shared by every replica (the token
 * bucket the upstream quotas use); when Redis cannot be asked, each replica keeps them in process meanwhile.
 */
export class ClientBudgets {
  private readonly own: ReadonlyMap<string, BudgetSettings>;
  private readonly fallback: BudgetSettings;
  private readonly local = new Map<string, LocalBucket>();

  constructor(
    config: Pick<GatewayConfig, 'server' | 'clients'>,
    private readonly redis?: Redis,
  ) {
    this.own = new Map((config.clients ?? []).flatMap((client) => (client.budget ? [[client.name, client.budget] as const] : [])));
    this.fallback = config.server.budget;
  }

  /** The budget a request spends from: its client's, else its caller address's. */
  accountFor(client: Client | null, callerAddress: string | undefined): BudgetAccount {
    const key = client ? `client:${client.name}` : `address:${callerAddress ?? 'unknown'}`;
    const settings = (client && this.own.get(client.name)) ?? this.fallback;
    return new BudgetAccount(settings, (count, maxWaitMs) => this.take(key, settings, count, maxWaitMs));
  }

  private async take(key: string, settings: BudgetSettings, count: number, maxWaitMs: number): Promise<Take> {
    if (this.redis?.status === 'ready') {
      const bucket = new RedisTokenBucket(this.redis, `budget:${key}`, settings.maximumAvailable, settings.restoreRate * 60);
      const shared = await bucket.take(count, maxWaitMs).catch(() => undefined);
      if (shared) return shared;
    }
    return this.localBucket(key, settings).take(count, maxWaitMs);
  }

  private localBucket(key: string, settings: BudgetSettings): LocalBucket {
    let bucket = this.local.get(key);
    if (bucket) this.local.delete(key);
    else bucket = new LocalBucket(settings.maximumAvailable, settings.restoreRate / 1000);
    if (this.local.size >= MAX_LOCAL_BUCKETS) this.local.delete(this.local.keys().next().value!);
    this.local.set(key, bucket);
    return bucket;
  }
}

/** One client's (or address's) budget, as one request sees it. */
export class BudgetAccount {
  constructor(
    readonly settings: BudgetSettings,
    private readonly takeTokens: (count: number, maxWaitMs: number) => Promise<Take>,
  ) {}

  /** Takes `points` when the bucket holds them; else nothing, and how long until it would. */
  async take(points: number): Promise<BudgetTake> {
    const taken = await this.takeTokens(points, 0);
    const status = this.status(taken.tokens);
    return taken.granted ? { granted: true, status } : { granted: false, retryAfterSeconds: Math.max(1, Math.ceil(taken.waitMs / 1000)), status };
  }

  /** Gives `points` back (takes them, into debt, when negative: an operation that spent more than estimated). */
  async settle(points: number): Promise<ThrottleStatus> {
    return this.status((await this.takeTokens(-points, Number.POSITIVE_INFINITY)).tokens);
  }

  private status(tokens: number): ThrottleStatus {
    const { maximumAvailable, restoreRate } = this.settings;
    return { maximumAvailable, currentlyAvailable: Math.max(0, Math.floor(tokens)), restoreRate };
  }
}

/** The Redis bucket's arithmetic in process: refilled by the elapsed time when asked, no timers. */
class LocalBucket {
  private tokens: number;
  private at = Date.now();

  constructor(
    private readonly capacity: number,
    private readonly perMs: number,
  ) {
    this.tokens = capacity;
  }

  take(count: number, maxWaitMs: number): Take {
    const now = Date.now();
    if (now > this.at) this.tokens = Math.min(this.capacity, this.tokens + (now - this.at) * this.perMs);
    this.at = Math.max(now, this.at);
    const left = Math.min(this.capacity, this.tokens - count);
    const waitMs = left < 0 ? Math.ceil(-left / this.perMs) : 0;
    if (waitMs > maxWaitMs) return { granted: false, waitMs, tokens: this.tokens };
    this.tokens = left;
    return { granted: true, waitMs, tokens: left };
  }
}
