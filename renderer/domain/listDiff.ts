/**
 * What differs between two versions of a list whose unchanged items are the same objects (as
 * SegmentTable keeps them): the middle left after the common head and tail. One coding changes
 * a row or two, so comparing references finds them without hashing ten thousand rows.
 * Not minimal for reordered lists, but always sufficient: removing `removed` from the old
 * list's set and then adding `added` gives the new one's.
 */
export function changedMiddle<T>(previous: readonly T[], next: readonly T[]): { removed: T[]; added: T[] } {
  const shorter = Math.min(previous.length, next.length);
  let head = 0;
  while (head < shorter && previous[head] === next[head]) head++;
  let tail = 0;
  while (tail < shorter - head && previous[previous.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  return { removed: previous.slice(head, previous.length - tail), added: next.slice(head, next.length - tail) };
}
