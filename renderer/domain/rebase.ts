/**
 * When a document's text changed since its segments were coded, re-anchored segments are
 * written back with their new offsets and context, so exports and later coding use offsets
 * valid in the current text. Unplaced segments are left exactly as they are.
 */
import type { PlacedSegment } from './anchoring';
import type { Change } from './change';
import { ChangeRecorder, type OpContext } from './context';
import type { Segment } from './model';
import { quoteSelector } from './segments';

export function rebaseSegments(
  placed: ReadonlyArray<PlacedSegment<Segment>>,
  text: string,
  documentHash: string,
  ctx: OpContext,
): Change {
  const rec = new ChangeRecorder();
  for (const p of placed) {
    if (!p.moved && p.segment.documentHash === documentHash) continue;
    const next: Segment = {
      ...p.segment,
      start: p.start,
      end: p.end,
      ...quoteSelector(text, p.start, p.end),
      documentHash,
      updatedAt: ctx.now,
    };
    rec.put('segments', next.id, p.segment, next);
  }
  return rec.build('Re-anchor segments to the changed text');
}
