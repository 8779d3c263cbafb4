/** An attempt's abort signal and the timer behind it, to clear once the attempt has its whole answer. */
export interface AttemptSignal {
  signal: AbortSignal;
  clear(): void;
}

/**
 * One timer for a whole attempt, headers and body together (undici's `bodyTimeout` only bounds the gap
 * between chunks, so a trickling body would outlive it), aborting early with the request's deadline.
 * A plain timer rather than `AbortSignal.timeout`: Node may collect a timeout signal that only
 * `AbortSignal.any` refers to, and then it never fires.
 */
export function attemptSignal(deadline: AbortSignal, timeoutMs: number): AttemptSignal {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new DOMException('The upstream attempt timed out', 'TimeoutError')), timeoutMs);
  return { signal: AbortSignal.any([deadline, timeout.signal]), clear: () => clearTimeout(timer) };
}
