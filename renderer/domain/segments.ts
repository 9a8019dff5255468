/**
 * Coding passages of one document: applying and removing codes, segment and document memos.
 * Offsets are UTF-16 code units into the normalised text; every operation returns a Change.
 */
import { splitsSurrogatePair as splitsPair } from '../../common/text/codePoints';
import { DomainError, type Change } from './change';
import { ChangeRecorder, type OpContext } from './context';
import { findCoding } from './codings';
import { CONTEXT_LENGTH, type Coding, type DocumentMemo, type Segment } from './model';
import type { Span } from './span';

const COMBINING_MARK = /^\p{M}/u;

const isMarkAt = (text: string, offset: number) => offset < text.length && COMBINING_MARK.test(text.slice(offset, offset + 2));

/** Start of the code point that ends just before `offset`. */
const previousCodePoint = (text: string, offset: number) => (splitsPair(text, offset - 1) ? offset - 2 : offset - 1);

/**
 * Widens a span to whole characters: never half of a surrogate pair (emoji), and never a
 * combining mark cut from its base letter (e + U+0301 with no precomposed form after NFC).
 */
export function snapToCharacters(text: string, start: number, end: number): Span {
  let s = Math.max(0, Math.min(text.length, start));
  let e = Math.max(s, Math.min(text.length, end));
  if (splitsPair(text, s)) s--;
  if (splitsPair(text, e)) e++;
  while (s > 0 && isMarkAt(text, s)) s = previousCodePoint(text, s);
  while (isMarkAt(text, e)) e += text.codePointAt(e)! > 0xffff ? 2 : 1;
  return { start: s, end: e };
}

/** Drops surrounding white space (spaces, newlines, NBSP …); null when nothing is left. */
export function trimSpan(text: string, start: number, end: number): Span | null {
  let s = Math.max(0, Math.min(text.length, start));
  let e = Math.max(s, Math.min(text.length, end));
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return s < e ? { start: s, end: e } : null;
}

/**
 * The W3C TextQuoteSelector of a span: the quote and up to CONTEXT_LENGTH code units of
 * context each side, shortened rather than cutting a surrogate pair in half.
 */
export function quoteSelector(text: string, start: number, end: number): { quote: string; prefix: string; suffix: string } {
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsPair(text, prefixStart)) prefixStart++;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsPair(text, suffixEnd)) suffixEnd--;
  return { quote: text.slice(start, end), prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) };
}

export interface CodingTarget {
  documentId: string;
  /** sha256 of `text`, stamped on new segments. */
  documentHash: string;
  /** The normalised document text. */
  text: string;
  start: number;
  end: number;
}

/**
 * Codes a selection for one coder. The same (trimmed) span as an existing segment gains a
 * coding; any other span — overlapping or nested ones included — becomes a new segment.
 * Another coder's coding with the same code stays: each coder's coding is a row of its own.
 * `docSegments` must carry offsets in the current text (placed ones, see placement.ts).
 */
export function applyCode(
  docSegments: readonly Segment[],
  target: CodingTarget,
  codeId: string,
  coder: string,
  ctx: OpContext,
  codeName?: string,
): { change: Change; segment: Segment } {
  const { text, documentId } = target;
  const snapped = snapToCharacters(text, target.start, target.end);
  const span = trimSpan(text, snapped.start, snapped.end);
  if (!span) throw new DomainError('Select some text to code');
  const selector = quoteSelector(text, span.start, span.end);
  const label = codeName ? `Apply code ${codeName}` : 'Apply code';
  const rec = new ChangeRecorder();
  const same = docSegments.find(
    // Offsets first: they rule out all but a few of a long document's segments.
    (s) => s.start === span.start && s.end === span.end && s.documentId === documentId && s.quote === selector.quote,
  );
  if (same && findCoding(same, codeId, coder)) {
    throw new DomainError(codeName ? `You already coded this passage “${codeName}”` : 'You already coded this passage with that code');
  }
  const segment = withCoding(same, { documentId, documentHash: target.documentHash, ...span, ...selector }, codeId, coder, ctx);
  rec.put('segments', segment.id, same ?? null, segment);
  return { change: rec.build(label), segment };
}

/** Where a new segment would be: its document, the text's hash, the span and its quote selector. */
export interface SegmentPlace extends Span {
  documentId: string;
  documentHash: string;
  quote: string;
  prefix: string;
  suffix: string;
}

/**
 * The row one coding writes: `same` (the segment with exactly this span) gains the coding, or a
 * new segment at `place` holds it. Callers deal first with a code the coder already put on `same`.
 */
export function withCoding(same: Segment | undefined, place: SegmentPlace, codeId: string, coder: string, ctx: OpContext): Segment {
  const newCoding = (): Coding => ({ id: ctx.newId(), codeId, coder, createdAt: ctx.now });
  if (same) return { ...same, codings: [...same.codings, newCoding()], updatedAt: ctx.now };
  const id = ctx.newId();
  return { id, ...place, codings: [newCoding()], memo: '', createdAt: ctx.now, updatedAt: ctx.now };
}

/** Takes one coding off a segment; a segment losing its last coding is deleted (no uncoded segments). */
export function removeCoding(segment: Segment, codingId: string, ctx: OpContext, codeName?: string): Change {
  if (!segment.codings.some((c) => c.id === codingId)) throw new DomainError('This passage does not have that coding');
  const codings = segment.codings.filter((c) => c.id !== codingId);
  const rec = new ChangeRecorder();
  rec.put('segments', segment.id, segment, codings.length ? { ...segment, codings, updatedAt: ctx.now } : null);
  return rec.build(codeName ? `Remove code ${codeName}` : 'Remove code');
}

export function setSegmentMemo(segment: Segment, memo: string, ctx: OpContext): Change {
  const rec = new ChangeRecorder();
  if (memo !== segment.memo) rec.put('segments', segment.id, segment, { ...segment, memo, updatedAt: ctx.now });
  return rec.build('Edit segment memo');
}

export function deleteSegment(segment: Segment): Change {
  const rec = new ChangeRecorder();
  rec.put('segments', segment.id, segment, null);
  return rec.build('Delete segment');
}

/** Writes a document memo; a blank memo removes the row rather than storing empty text. */
export function setDocumentMemo(existing: DocumentMemo | null, documentId: string, text: string, ctx: OpContext): Change {
  const rec = new ChangeRecorder();
  if (text.trim() === '') {
    if (existing) rec.put('memos', documentId, existing, null);
  } else if (!existing || existing.text !== text) {
    rec.put('memos', documentId, existing, { documentId, text, updatedAt: ctx.now });
  }
  return rec.build('Edit document memo');
}
