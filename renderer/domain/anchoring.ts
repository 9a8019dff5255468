/**
 * Finding a segment again in its document's current text. Stored offsets are trusted only if
 * they still cover the quote; otherwise the quote is searched for and candidates are ranked by
 * how well their surroundings match the stored prefix/suffix (W3C TextQuoteSelector). A segment
 * that cannot be found is reported 'unplaced' — never dropped — so no coding work is lost.
 */
import type { Placement, Segment } from './model';

type Selector = Pick<Segment, 'start' | 'end' | 'quote' | 'prefix' | 'suffix'>;

interface Candidate {
  start: number;
  end: number;
}

/** Length of the common ending of a and b. */
function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * The candidate whose context agrees most with the stored prefix (read backwards from the
 * quote) and suffix; ties go to the one nearest the old position.
 */
function bestCandidate(text: string, selector: Selector, candidates: Iterable<Candidate>): Candidate | null {
  let best: Candidate | null = null;
  let bestScore = -1;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const before = text.slice(Math.max(0, candidate.start - selector.prefix.length), candidate.start);
    const after = text.slice(candidate.end, candidate.end + selector.suffix.length);
    const score = commonSuffixLength(selector.prefix, before) + commonPrefixLength(selector.suffix, after);
    const distance = Math.abs(candidate.start - selector.start);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = candidate;
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best;
}

function* exactOccurrences(text: string, quote: string): Generator<Candidate> {
  if (!quote) return;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    yield { start: at, end: at + quote.length };
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Occurrences of the quote where any run of white space may have become any other run. */
function* whitespaceTolerantOccurrences(text: string, quote: string): Generator<Candidate> {
  const words = quote.split(/\s+/).filter(Boolean);
  if (!words.length) return;
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'g');
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    yield { start: match.index, end: match.index + match[0].length };
    pattern.lastIndex = match.index + 1;
  }
}

export function placeSegment(segment: Selector, text: string): Placement {
  const { start, end, quote } = segment;
  if (start < end && end <= text.length && text.slice(start, end) === quote) return { status: 'exact', start, end };
  const found =
    bestCandidate(text, segment, exactOccurrences(text, quote)) ??
    bestCandidate(text, segment, whitespaceTolerantOccurrences(text, quote));
  return found ? { status: 'moved', start: found.start, end: found.end } : { status: 'unplaced' };
}

export interface PlacedSegment<S extends Selector = Segment> {
  segment: S;
  start: number;
  end: number;
  /** True when the offsets differ from the stored ones (or the quote was found only loosely). */
  moved: boolean;
}

/** Places every segment of one document against its current text. */
export function reanchorAll<S extends Selector = Segment>(
  segments: readonly S[],
  text: string,
): { placed: Array<PlacedSegment<S>>; unplaced: S[] } {
  const placed: Array<PlacedSegment<S>> = [];
  const unplaced: S[] = [];
  for (const segment of segments) {
    const placement = placeSegment(segment, text);
    if (placement.status === 'unplaced') unplaced.push(segment);
    else placed.push({ segment, start: placement.start, end: placement.end, moved: placement.status === 'moved' });
  }
  return { placed, unplaced };
}
