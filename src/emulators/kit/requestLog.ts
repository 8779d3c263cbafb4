/** What an emulator received: tests count upstream requests from it. */
export interface LoggedRequest {
  method: string;
  /** Path without the query string, e.g. /api/v3/1003/categories/5. */
  path: string;
  query: Record<string, string>;
  status: number;
  /** Parsed JSON body of a write, when it had one. */
  body?: unknown;
  at: number;
}

export class RequestLog {
  private entries: LoggedRequest[] = [];

  record(entry: LoggedRequest): void {
    this.entries.push(entry);
  }

  all(): readonly LoggedRequest[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }

  count(filter: { method?: string; path?: string | RegExp } = {}): number {
    return this.entries.filter((entry) => {
      if (filter.method && entry.method !== filter.method.toUpperCase()) return false;
      if (filter.path === undefined) return true;
      return typeof filter.path === 'string' ? entry.path.includes(filter.path) : filter.path.test(entry.path);
    }).length;
  }
}
