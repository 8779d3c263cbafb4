/** An emulator's answer as a test reads it. */
export interface Answer {
  status: number;
  headers: Headers;
  /** The parsed JSON (or the text when it is none); `any` so tests can read wire documents freely. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface CallOptions {
  /** Sent as JSON, except a string (sent as it is, e.g. malformed JSON) or a Buffer (raw bytes, e.g. an image). */
  body?: unknown;
  headers?: Record<string, string>;
  /** The token (a bearer token unless the client says otherwise); null sends none. */
  token?: string | null;
}

export type EmulatorCall = (method: string, path: string, options?: CallOptions) => Promise<Answer>;

export interface ClientOptions {
  /** The header that carries the token as it is (e.g. BigCommerce's `X-Auth-Token`); `Authorization: Bearer` when absent. */
  tokenHeader?: string;
}

/** Calls an emulator over real HTTP, `path` relative to `prefix` (a store's or a catalog's URL), with `defaultToken` unless told. */
export function emulatorClient(prefix: string, defaultToken: string, client: ClientOptions = {}): EmulatorCall {
  const auth = (token: string): Record<string, string> => (client.tokenHeader ? { [client.tokenHeader]: token } : { authorization: `Bearer ${token}` });
  return async (method, path, options = {}) => {
    const token = options.token === undefined ? defaultToken : options.token;
    const raw = Buffer.isBuffer(options.body) || typeof options.body === 'string';
    const response = await fetch(`${prefix}${path}`, {
      method,
      headers: {
        ...(token === null ? {} : auth(token)),
        ...(options.body !== undefined && !Buffer.isBuffer(options.body) && { 'content-type': 'application/json' }),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? new Uint8Array(options.body) : raw ? (options.body as string) : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: parseOrText(text) };
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
