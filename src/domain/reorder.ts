/**
 * The contract's move: the item leaves its place and lands at `position` among the others, which keep
 * their relative order; at or past the end it goes last (A,B,C,D with A to 2 gives B,C,A,D).
 */
export function moveToPosition<T>(list: readonly T[], item: T, position: number): T[] {
  const others = list.filter((candidate) => candidate !== item);
  const index = Math.min(Math.max(0, position), others.length);
  return [...others.slice(0, index), item, ...others.slice(index)];
}
