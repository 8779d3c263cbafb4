import type { Client } from '../auth/client';
import { ErrorCode } from '../domain/errorCode';
import { GatewayFault } from '../domain/gatewayFault';
import type { Store, StoreDirectory } from './store';
import { RequestDeadline, StoreSession } from './storeSession';

/**
 * The store sessions of one GraphQL request, made on first use, and the one way resolvers reach a
 * store: a store outside the request's client's stores is a FORBIDDEN fault on the field that asked.
 */
export class RequestSessions {
  private readonly sessions = new Map<string, StoreSession>();
  private walksCategoryTree = false;

  constructor(
    private readonly registry: StoreDirectory,
    private readonly deadline: RequestDeadline,
    /** Null when the gateway runs open (no `clients` configured). */
    private readonly client: Client | null,
  ) {}

  /**
   * The session of a store; a FORBIDDEN fault (with `field`) outside the client's stores, a
   * STORE_NOT_FOUND fault for an unknown store id.
   */
  forStore(storeId: string, field: string[] = ['storeId']): StoreSession {
    let session = this.sessions.get(storeId);
    if (!session) {
      this.authorize(storeId, field);
      const store = this.registry.get(storeId);
      if (!store) throw new GatewayFault(ErrorCode.STORE_NOT_FOUND, `Store "${storeId}" is not configured`, { field });
      session = new StoreSession(store, { ...this.deadline, walksCategoryTree: this.walksCategoryTree });
      this.sessions.set(storeId, session);
    }
    return session;
  }

  /** The entity-cache tags of everything the request's sessions read. */
  readTags(): string[] {
    return [...this.sessions.values()].flatMap((session) => session.readTags());
  }

  /** Told before execution that the operation reads across the category tree (see CallContext). */
  expectCategoryTreeWalk(): void {
    this.walksCategoryTree = true;
  }

  /** The configured stores the client may reach: all of them when the gateway runs open. */
  stores(): Store[] {
    return this.registry.all().filter((store) => this.mayReach(store.id));
  }

  /** A configured store, null for an unknown id, a FORBIDDEN fault outside the client's stores. */
  store(storeId: string, field: string[]): Store | null {
    this.authorize(storeId, field);
    return this.registry.get(storeId) ?? null;
  }

  has(storeId: string): boolean {
    return this.mayReach(storeId) && this.registry.get(storeId) !== undefined;
  }

  private mayReach(storeId: string): boolean {
    return this.client === null || this.client.mayReach(storeId);
  }

  /** Outside its stores a client learns nothing, not even whether the store exists: FORBIDDEN before STORE_NOT_FOUND. */
  private authorize(storeId: string, field: string[]): void {
    if (this.client && !this.client.mayReach(storeId)) {
      throw new GatewayFault(ErrorCode.FORBIDDEN, `Client "${this.client.name}" may not reach store "${storeId}"`, { field });
    }
  }
}
