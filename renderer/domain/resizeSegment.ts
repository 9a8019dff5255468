/**
 * Adjusting a segment's span: its ends move, its codings and memo stay. The new span follows
 * the rules of a new coding (whole characters, no surrounding white space, not empty), and the
 * quote and context are taken again from the text, so re-anchoring and exports see the new span.
 */
import { DomainError, type Change } from './change';
import { ChangeRecorder, type OpContext } from './context';
import type { Segment } from './model';
import { quoteSelector, snapToCharacters, trimSpan } from './segments';
import type { Span } from './span';

export interface ResizeOptions {
  /** sha256 of `text`, stamped on the row (its offsets are now offsets in this text). */
  documentHash?: string;
  /** The document's other segments (placed in `text`): a span may not become identical to one of theirs. */
  others?: readonly Segment[];
}

/** The span a segment would get for [start, end): snapped, trimmed, inside the text; null if nothing is left. */
export function resizedSpan(text: string, start: number, end: number): Span | null {
  const snapped = snapToCharacters(text, Math.min(start, end), Math.max(start, end));
  return trimSpan(text, snapped.start, snapped.end);
}

/**
 * Moves a segment's ends to [start, end) of `text` (the segment's document, its offsets placed
 * in it). Unchanged after snapping and trimming: an empty change. Refused when nothing would be
 * left, or when another segment of the document already has exactly that span (its codes belong
 * together: code that segment instead).
 */
export function resizeSegment(segment: Segment, text: string, start: number, end: number, ctx: OpContext, options: ResizeOptions = {}): Change {
  const rec = new ChangeRecorder();
  const label = 'Adjust segment';
  const span = resizedSpan(text, start, end);
  if (!span) throw new DomainError('A segment must keep some text: to remove it, delete the segment');
  const hash = options.documentHash ?? segment.documentHash;
  if (span.start === segment.start && span.end === segment.end && hash === segment.documentHash) return rec.build(label);
  const twin = options.others?.find(
    (o) => o.start === span.start && o.end === span.end && o.id !== segment.id && o.documentId === segment.documentId,
  );
  if (twin) throw new DomainError('Another segment already spans exactly this passage: add the codes to that one instead');
  const after: Segment = { ...segment, ...span, ...quoteSelector(text, span.start, span.end), documentHash: hash, updatedAt: ctx.now };
  rec.put('segments', segment.id, segment, after);
  return rec.build(label);
}

export type StepUnit = 'character' | 'word';
export type StepDirection = 'forward' | 'backward';
/** Which end of a span moves. */
export type SpanEnd = 'start' | 'end';

/** How much text around an offset the segmenters look at (a word or a grapheme is far shorter). */
const CONTEXT = 256;

function segmentsNear(text: string, offset: number, granularity: 'grapheme' | 'word') {
  const from = Math.max(0, offset - CONTEXT);
  const slice = text.slice(from, Math.min(text.length, offset + CONTEXT));
  const out: { start: number; end: number; wordLike: boolean }[] = [];
  for (const s of new Intl.Segmenter(undefined, { granularity }).segment(slice)) {
    out.push({ start: from + s.index, end: from + s.index + s.segment.length, wordLike: s.isWordLike ?? !/^\s+$/u.test(s.segment) });
  }
  return out;
}

const isSpaceAt = (text: string, offset: number) => offset >= 0 && offset < text.length && /\s/u.test(text[offset]!);

/**
 * Where one end of a span goes when moved one character (a grapheme: an emoji sequence or a
 * letter with its marks) or one word. The end moving forward skips white space first and the
 * start moving backward likewise, so a step always takes in more text rather than a space the
 * trim would drop again; moving inwards the trim does that. Unmoved at the text's edges.
 */
export function stepBoundary(text: string, offset: number, which: SpanEnd, direction: StepDirection, unit: StepUnit): number {
  let at = offset;
  if (which === 'end' && direction === 'forward') while (isSpaceAt(text, at)) at++;
  if (which === 'start' && direction === 'backward') while (isSpaceAt(text, at - 1)) at--;
  if (unit === 'character') {
    const pieces = segmentsNear(text, at, 'grapheme');
    if (direction === 'forward') return pieces.find((p) => p.end > at)?.end ?? text.length;
    return pieces.findLast((p) => p.start < at)?.start ?? 0;
  }
  const words = segmentsNear(text, at, 'word').filter((w) => w.wordLike);
  if (which === 'end') {
    if (direction === 'forward') return words.find((w) => w.end > at)?.end ?? text.length;
    return words.findLast((w) => w.end < at)?.end ?? offset;
  }
  if (direction === 'backward') return words.findLast((w) => w.start < at)?.start ?? 0;
  return words.find((w) => w.start > at)?.start ?? offset;
}
