/** A typed key of a RequestMemo: its description names what the value is. */
export class MemoKey<T> {
  /** Only to tie T to the key; never set. */
  declare readonly valueType?: T;

  constructor(readonly description: string) {}
}

/**
 * What an adapter keeps for one GraphQL request and one store, beyond a single call (Ecwid's category
 * index, Zaveit's listing): made by the request's store session, gone with the request.
 */
export class RequestMemo {
  private readonly values = new Map<MemoKey<unknown>, unknown>();

  get<T>(key: MemoKey<T>): T | undefined {
    return this.values.get(key) as T | undefined;
  }

  set<T>(key: MemoKey<T>, value: T): T {
    this.values.set(key, value);
    return value;
  }

  delete(key: MemoKey<unknown>): void {
    this.values.delete(key);
  }
}
