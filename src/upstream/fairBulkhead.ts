/** Why a call was refused a place in the store's queue: the store's whole queue, or the caller's share of it, is full. */
export class QueueFullError extends Error {
  constructor(readonly scope: 'store' | 'tenant') {
    super(scope === 'store' ? "The store's queue is full" : "The tenant's share of the store's queue is full");
    this.name = 'QueueFullError';
  }
}

export interface FairBulkheadLimits {
  /** Calls running at once, whoever makes them. */
  maxConcurrent: number;
  /** Calls waiting, everyone's together. */
  maxQueued: number;
  /** Calls one tenant may have waiting: its flood is refused before it fills the queue for the others. */
  maxQueuedPerTenant: number;
}

interface Waiter {
  start(): void;
}

/** A tenant that called within this long is still around: the others leave its share of the slots free. */
export const PRESENT_MS = 1_000;

/**
 * A bulkhead shared fairly between tenants (the gateway's clients). While several tenants are around
 * (called in the last PRESENT_MS), none runs more than its share of the slots (`maxConcurrent` divided
 * among them), so another's next calls start at once instead of waiting for a busy tenant's calls to end;
 * a lone tenant may use every slot. Calls that cannot start wait in one queue per tenant, and a freed slot
 * goes to the waiting tenant running the fewest calls, ties taken in turn (round-robin). A waiting call
 * whose signal aborts leaves its queue unsent.
 * Hand-written: npm's queues (p-queue, Bottleneck's groups) serve one FIFO or independent limiters.
 */
export class FairBulkhead {
  private readonly running = new Map<string, number>();
  /** Per tenant, in the order tenants started waiting: the round-robin's turn order. */
  private readonly queues = new Map<string, Waiter[]>();
  /** When each tenant last called. */
  private readonly seen = new Map<string, number>();
  private active = 0;
  private queued = 0;

  constructor(
    private readonly limits: FairBulkheadLimits,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Runs `work` once a slot is free for `tenant`; refuses it (QueueFullError) when it cannot wait, or with `signal`'s reason once aborted. */
  async run<T>(tenant: string, signal: AbortSignal, work: () => Promise<T>): Promise<T> {
    signal.throwIfAborted();
    this.seen.set(tenant, this.clock());
    if (this.mayStart(tenant)) this.take(tenant);
    else await this.wait(tenant, signal);
    try {
      return await work();
    } finally {
      this.release(tenant);
    }
  }

  /** A slot is free, and the tenant runs less than its share. */
  private mayStart(tenant: string): boolean {
    if (this.active >= this.limits.maxConcurrent) return false;
    const now = this.clock();
    let others = 0;
    for (const [other, at] of this.seen) {
      if (now - at > PRESENT_MS) this.seen.delete(other);
      else if (other !== tenant) others += 1;
    }
    return (this.running.get(tenant) ?? 0) < Math.ceil(this.limits.maxConcurrent / (others + 1));
  }

  private wait(tenant: string, signal: AbortSignal): Promise<void> {
    const queue = this.queues.get(tenant) ?? [];
    if (queue.length >= this.limits.maxQueuedPerTenant) return Promise.reject(new QueueFullError('tenant'));
    if (this.queued >= this.limits.maxQueued) return Promise.reject(new QueueFullError('store'));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          signal.removeEventListener('abort', abandon);
          this.take(tenant);
          resolve();
        },
      };
      const abandon = () => {
        this.leaveQueue(tenant, waiter);
        reject(signal.reason);
      };
      signal.addEventListener('abort', abandon, { once: true });
      queue.push(waiter);
      this.queues.set(tenant, queue);
      this.queued += 1;
    });
  }

  private take(tenant: string): void {
    this.active += 1;
    this.running.set(tenant, (this.running.get(tenant) ?? 0) + 1);
  }

  private release(tenant: string): void {
    this.active -= 1;
    const left = (this.running.get(tenant) ?? 1) - 1;
    if (left === 0) this.running.delete(tenant);
    else this.running.set(tenant, left);
    this.startNext();
  }

  private startNext(): void {
    while (this.queued > 0) {
      const tenant = this.nextTenant();
      if (tenant === undefined) return;
      const queue = this.queues.get(tenant) as Waiter[];
      const waiter = queue.shift() as Waiter;
      this.queued -= 1;
      // Its turn is over: it goes to the back of the order (or out of it, with nothing left waiting).
      this.queues.delete(tenant);
      if (queue.length > 0) this.queues.set(tenant, queue);
      waiter.start();
    }
  }

  /** Of the waiting tenants that may start a call, the one running the fewest; the first in turn order among equals. */
  private nextTenant(): string | undefined {
    let best: string | undefined;
    let fewest = Infinity;
    for (const tenant of this.queues.keys()) {
      const running = this.running.get(tenant) ?? 0;
      if (running < fewest && this.mayStart(tenant)) {
        best = tenant;
        fewest = running;
      }
    }
    return best;
  }

  private leaveQueue(tenant: string, waiter: Waiter): void {
    const queue = this.queues.get(tenant);
    const index = queue?.indexOf(waiter) ?? -1;
    if (!queue || index < 0) return;
    queue.splice(index, 1);
    this.queued -= 1;
    if (queue.length === 0) this.queues.delete(tenant);
    // A slot may be free that nobody else was waiting behind this one for.
    this.startNext();
  }
}
