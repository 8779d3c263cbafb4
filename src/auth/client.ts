import type { Scope } from './scopes';

/**
 * An authenticated caller of the gateway (one entry of the config's `clients`): what it may reach and
 * do. Requests carry it in their context; the gateway runs open (no Client at all) without `clients`.
 */
export class Client {
  constructor(
    readonly name: string,
    /** '*' for every configured store. */
    private readonly stores: ReadonlySet<string> | '*',
    private readonly scopes: ReadonlySet<Scope>,
  ) {}

  mayReach(storeId: string): boolean {
    return this.stores === '*' || this.stores.has(storeId);
  }

  /** True for a client whose stores are '*': it may learn about every store (e.g. from /metrics). */
  get reachesEveryStore(): boolean {
    return this.stores === '*';
  }

  has(scope: Scope): boolean {
    return this.scopes.has(scope);
  }
}
