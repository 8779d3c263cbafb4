import type { RunningEmulator } from '../../src/emulators/kit';
import { SFCC_DEFAULT_CATALOG_ID, SFCC_DEFAULT_TOKEN, SfccCatalog } from '../../src/emulators/sfcc';

export interface Answer {
  status: number;
  headers: Headers;
  /** The parsed JSON (or the text when it is none); `any` so tests can read wire documents freely. */
  body: any;
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  token?: string | null;
}

/** Calls the emulator over real HTTP; `path` is relative to the catalog, e.g. `/categories/root`. */
export function catalogClient(emulator: RunningEmulator<SfccCatalog>, catalogId = SFCC_DEFAULT_CATALOG_ID) {
  return async (method: string, path: string, options: CallOptions = {}): Promise<Answer> => {
    const token = options.token === undefined ? SFCC_DEFAULT_TOKEN : options.token;
    const response = await fetch(`${emulator.baseUrl}/catalogs/${catalogId}${path}`, {
      method,
      headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), 'content-type': 'application/json', ...options.headers },
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: parseOrText(text) };
  };
}

/** The search body the contract assumes the gateway sends. */
export function searchBody(categoryId: string, start = 0, count = 200): unknown {
  return {
    query: { term_query: { fields: ['category_id'], operator: 'is', values: [categoryId] } },
    sorts: [{ field: 'position', sort_order: 'asc' }],
    start,
    count,
  };
}

function parseOrText(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
