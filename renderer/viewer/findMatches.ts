/** Case-insensitive matches of a query in the normalised text, as document offsets. */
import type { Span } from '../domain/span';

export function findMatches(text: string, query: string, limit = 10_000): Span[] {
  const q = query.toLocaleLowerCase();
  if (!q) return [];
  const haystack = text.toLocaleLowerCase();
  // Lower-casing can change lengths for a few scripts; then fall back to exact-case search.
  const sameLength = haystack.length === text.length;
  const source = sameLength ? haystack : text;
  const needle = sameLength ? q : query;
  const out: Span[] = [];
  for (let at = source.indexOf(needle); at >= 0 && out.length < limit; at = source.indexOf(needle, at + 1)) {
    out.push({ start: at, end: at + needle.length });
  }
  return out;
}
