import { LRUCache } from 'lru-cache';

/**
 * The last `_resource_state` the gateway saw for each category (reads, levels answers, writes). PATCH and
 * DELETE send it back, so SFCC refuses a write over a change made elsewhere since (ResourceStateConflict →
 * CONFLICT) instead of silently overwriting it. Bounded: the least recently seen entries go first, and a
 * category the gateway holds no state for is written without one.
 */
export class ResourceStates {
  private readonly states: LRUCache<string, string>;

  constructor(capacity = 10_000) {
    this.states = new LRUCache({ max: capacity });
  }

  get(categoryId: string): string | undefined {
    return this.states.get(categoryId);
  }

  remember(categoryId: string, state: string | undefined): void {
    if (typeof state !== 'string' || state === '') return;
    this.states.set(categoryId, state);
  }

  forget(categoryId: string): void {
    this.states.delete(categoryId);
  }
}
