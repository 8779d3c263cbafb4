/**
 * localStorage for GraphiQL with request headers left out of everything it writes. Headers often carry
 * API keys: shouldPersistHeaders keeps them out of the tabs, but the history plugin stores each run's
 * headers with its query. GraphiQL writes JSON (or plain strings, kept as they are).
 */
export const headerFreeStorage: Storage = {
  get length() {
    return localStorage.length;
  },
  key: (index) => localStorage.key(index),
  getItem: (key) => localStorage.getItem(key),
  setItem: (key, value) => localStorage.setItem(key, withoutHeaders(value)),
  removeItem: (key) => localStorage.removeItem(key),
  clear: () => localStorage.clear(),
};

function withoutHeaders(value: string): string {
  try {
    return JSON.stringify(JSON.parse(value), (key, field: unknown) => (key === 'headers' ? undefined : field));
  } catch {
    return value;
  }
}
