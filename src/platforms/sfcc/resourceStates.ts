/**
 * The last `_resource_state` the gateway saw for each category (reads, levels answers, writes). PATCH and
 * DELETE send it back, so SFCC refuses a write over a change made elsewhere since (ResourceStateConflict →
 * CONFLICT) instead of silently overwriting it. Bounded: the oldest entries go first, and a category the
 * gateway holds no state for is written without one.
 */
export class ResourceStates {
  private readonly states = new Map<string, string>();

  constructor(private readonly capacity = 10_000) {}

  get(categoryId: string): string | undefined {
    return this.states.get(categoryId);
  }

  remember(categoryId: string, state: string | undefined): void {
    if (typeof state !== 'string' || state === '') return;
    // Re-inserting moves the entry to the end of the Map's order: the eviction order is least recently seen.
    this.states.delete(categoryId);
    this.states.set(categoryId, state);
    if (this.states.size > this.capacity) this.states.delete(this.states.keys().next().value as string);
  }

  forget(categoryId: string): void {
    this.states.delete(categoryId);
  }
}
