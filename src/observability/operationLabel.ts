/** The label of operations without a name. */
export const ANONYMOUS = 'anonymous';
/** The label of every operation name not known from the config. */
export const OTHER_OPERATION = 'other';

/**
 * An operation's name where every distinct value costs (a metric series, a span name): clients choose
 * names, so only the names the config knows stand for themselves and every other is `other`.
 */
export function operationLabel(known: ReadonlySet<string>, name: string | null | undefined): string {
  if (!name || name === ANONYMOUS) return ANONYMOUS;
  return known.has(name) ? name : OTHER_OPERATION;
}
