/**
 * Finding a segment again in its document's current text. Stored offsets are trusted only if
 * they still cover the quote; otherwise the quote is searched for exactly, candidates ranked by
 * how well their surroundings match the stored prefix/suffix (W3C TextQuoteSelector), and
 * failing that loosely, word by word (see looseMatch.ts). A segment that cannot be found is
 * reported 'unplaced' — never dropped — so no coding work is lost.
 */
import { looseMatches, type LooseMatch } from './looseMatch';
import type { Placement, Segment } from './model';

type Selector = Pick<Segment, 'start' | 'end' | 'quote' | 'prefix' | 'suffix'>;

/**
 * Exact occurrences looked at, at most: each may cost a quote's length to find (in a repetitive
 * text) plus its context to score, and the count must stay bounded for any quote.
 */
const EXACT_SEARCH_WORK = 20_000_000;

/** How many characters of the stored prefix (read backwards) and suffix agree with the text around [start, end). */
function contextScore(text: string, selector: Selector, start: number, end: number): number {
  const { prefix, suffix } = selector;
  let p = 0;
  while (p < prefix.length && p < start && text.charCodeAt(start - 1 - p) === prefix.charCodeAt(prefix.length - 1 - p)) p++;
  let s = 0;
  while (s < suffix.length && end + s < text.length && text.charCodeAt(end + s) === suffix.charCodeAt(s)) s++;
  return p + s;
}

/**
 * The exact occurrence of the quote whose context agrees most with the stored prefix and
 * suffix; ties go to the one nearest the old position. Occurrences are visited from the old
 * position outwards, so the search stops at the first one with its whole context intact.
 */
function bestExactOccurrence(text: string, selector: Selector): number | null {
  const { quote } = selector;
  if (!quote) return null;
  const from = Math.max(0, Math.min(text.length, selector.start));
  const perfect = selector.prefix.length + selector.suffix.length;
  let budget = Math.max(1, Math.floor(EXACT_SEARCH_WORK / (quote.length + perfect + 1)));
  let ahead = text.indexOf(quote, from);
  let behind = from > 0 ? text.lastIndexOf(quote, from - 1) : -1;
  let best: number | null = null;
  let bestScore = -1;
  while ((ahead !== -1 || behind !== -1) && budget-- > 0) {
    let at: number;
    if (behind !== -1 && (ahead === -1 || from - behind <= ahead - from)) {
      at = behind;
      behind = at > 0 ? text.lastIndexOf(quote, at - 1) : -1;
    } else {
      at = ahead;
      ahead = text.indexOf(quote, at + 1);
    }
    const score = contextScore(text, selector, at, at + quote.length);
    if (score > bestScore) {
      best = at;
      bestScore = score;
      if (score === perfect) break; // anything further is no better and farther away
    }
  }
  return best;
}

/** The loose match with fewest changed words, then the best context, then nearest the old position. */
function bestLooseMatch(text: string, selector: Selector): LooseMatch | null {
  const rank = (m: LooseMatch) => ({ errors: m.errors, context: contextScore(text, selector, m.start, m.end), distance: Math.abs(m.start - selector.start) });
  let best: LooseMatch | null = null;
  let bestRank = { errors: Infinity, context: 0, distance: Infinity };
  for (const match of looseMatches(selector.quote, text, selector)) {
    const r = rank(match);
    const better = r.errors - bestRank.errors || bestRank.context - r.context || r.distance - bestRank.distance;
    if (better < 0) {
      best = match;
      bestRank = r;
    }
  }
  return best;
}

/** Never throws and never does unbounded work: a segment that cannot be found in time is unplaced. */
export function placeSegment(segment: Selector, text: string): Placement {
  const { start, end, quote } = segment;
  if (start < end && end <= text.length && end - start === quote.length && text.startsWith(quote, start)) return { status: 'exact', start, end };
  const at = bestExactOccurrence(text, segment);
  if (at !== null) return { status: 'moved', start: at, end: at + quote.length };
  const loose = bestLooseMatch(text, segment);
  return loose ? { status: 'moved', start: loose.start, end: loose.end } : { status: 'unplaced' };
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
