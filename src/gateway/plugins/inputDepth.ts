import type { FastifyRequest, preValidationAsyncHookHandler } from 'fastify';

/**
 * Deepest nesting of objects and arrays a request's JSON may have. The schema's inputs (and federation
 * representations) nest a few levels; far deeper is only hostile input, which would overflow the stack
 * of every recursive walk of it (JSON.stringify, variable coercion) and answer 500.
 */
export const MAX_INPUT_DEPTH = 64;

/** Refuses (400 BAD_REQUEST, through the error handler) a request whose body or GET `variables`/`extensions` nest past MAX_INPUT_DEPTH. */
export const refuseDeepInput: preValidationAsyncHookHandler = async (request) => {
  if (inputsOf(request).some((value) => nestsDeeperThan(value, MAX_INPUT_DEPTH))) {
    throw Object.assign(new Error(`The request's JSON (variables, extensions) may nest at most ${MAX_INPUT_DEPTH} levels deep`), { statusCode: 400 });
  }
};

function inputsOf(request: FastifyRequest): unknown[] {
  if (request.method !== 'GET') return [request.body];
  const search = request.query as Record<string, unknown>;
  return [search.variables, search.extensions].map((text) => {
    try {
      return typeof text === 'string' ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      // Apollo answers malformed JSON itself.
      return undefined;
    }
  });
}

/** Walked with a stack of its own: the value may be nested deeper than the call stack allows. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [current, depth] = next;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}
