/**
 * The pages of a PDF-born document a segment lies on. The page it starts on is the CSV's `page`
 * column (one rule: pageAt of the segment's start); the last page is added when it runs on.
 */
import { pageAt } from '../../../converters/pdf/pages';

export interface SegmentPages {
  first: number;
  last: number;
  /** How many pages the document has. */
  of: number;
}

export function segmentPages(pageStarts: readonly number[] | undefined, span: { start: number; end: number }): SegmentPages | null {
  if (!pageStarts || pageStarts.length === 0) return null;
  const first = pageAt(pageStarts, span.start);
  // The page of the segment's last character, not of the offset just after it.
  const last = pageAt(pageStarts, Math.max(span.start, span.end - 1));
  return { first, last, of: pageStarts.length };
}

/** "2 of 3", or "2–3 of 3" for a segment that runs onto later pages. */
export function pagesLabel({ first, last, of }: SegmentPages): string {
  return `${last > first ? `${first}–${last}` : first} of ${of}`;
}
