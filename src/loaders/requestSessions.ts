import { ErrorCode } from '../domain/errorCode';
import { PlatformFault } from '../domain/platformFault';
import type { StoreRegistry } from '../platforms/storeRegistry';
import { RequestDeadline, StoreSession } from './storeSession';

/** The store sessions of one GraphQL request, made on first use. */
export class RequestSessions {
  private readonly sessions = new Map<string, StoreSession>();

  constructor(
    private readonly registry: StoreRegistry,
    private readonly deadline: RequestDeadline,
  ) {}

  /** The session of a store, or a STORE_NOT_FOUND fault (with `field`) for an unknown store id. */
  forStore(storeId: string, field: string[] = ['storeId']): StoreSession {
    let session = this.sessions.get(storeId);
    if (!session) {
      const store = this.registry.get(storeId);
      if (!store) throw new PlatformFault(ErrorCode.STORE_NOT_FOUND, `Store "${storeId}" is not configured`, { field });
      session = new StoreSession(store, this.deadline);
      this.sessions.set(storeId, session);
    }
    return session;
  }

  has(storeId: string): boolean {
    return this.registry.get(storeId) !== undefined;
  }
}
