/**
 * One passage of the text emphasised at a time: the span of the stripe under the pointer (or
 * with focus), or the span a segment's handle is being dragged to. Registered only while there
 * is one, so it never adds to the ranges Chromium re-checks when a code highlight changes.
 */
import type { Span } from '../domain/span';
import { spanToRange } from './domOffsets';

/** The CSS highlight name (styled in stripes.css). */
const EMPHASIS = 'stripe-emphasis';

export function emphasise(blocks: readonly HTMLElement[], starts: readonly number[], span: Span | null): void {
  const range = span && spanToRange(blocks, starts, span);
  if (range) CSS.highlights.set(EMPHASIS, new Highlight(range));
  else CSS.highlights.delete(EMPHASIS);
}
