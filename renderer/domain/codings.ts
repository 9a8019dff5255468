/**
 * Reading a segment's codings: which codes it carries, by whom. Counts, filters and exports
 * work on codings (segment × code × coder), never on segments alone.
 */
import type { Coding, Segment } from './model';

/** The distinct codes on a segment, in the order they were first applied. */
export function codeIdsOf(segment: Segment): string[] {
  const ids: string[] = [];
  for (const c of segment.codings) if (!ids.includes(c.codeId)) ids.push(c.codeId);
  return ids;
}

export function hasCode(segment: Segment, codeId: string): boolean {
  return segment.codings.some((c) => c.codeId === codeId);
}

export function findCoding(segment: Segment, codeId: string, coder: string): Coding | undefined {
  return segment.codings.find((c) => c.codeId === codeId && c.coder === coder);
}

/** The distinct coders of a segment's codings. */
export function codersOf(segment: Segment): string[] {
  return [...new Set(segment.codings.map((c) => c.coder))];
}

/** Distinct coders over many segments, sorted (for coder filters). */
export function codersOfAll(segments: Iterable<Segment>): string[] {
  const coders = new Set<string>();
  for (const s of segments) for (const c of s.codings) coders.add(c.coder);
  return [...coders].sort((a, b) => a.localeCompare(b));
}

/** The segment's codings that pass a coder filter (all of them without one). */
export function codingsBy(segment: Segment, coder?: string): Coding[] {
  return coder === undefined ? segment.codings : segment.codings.filter((c) => c.coder === coder);
}
