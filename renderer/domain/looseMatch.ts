/**
 * Finding a quote whose words changed a little since it was coded — white space changed, a
 * word replaced, a few words inserted or dropped — in time linear in the text and the quote,
 * with a hard cap on the work. No regular expression is ever built from a quote: one of
 * 6,000 words overflowed V8's regex compiler and blanked the app on every start.
 *
 * Seed and extend: up to MAX_ANCHORS words spread over the quote are looked up in the text
 * around the stored position; from each hit the quote is aligned word by word forwards and
 * backwards. After a mismatch the alignment resumes at the cheapest skip of at most RESYNC
 * words on either side (a replaced word costs 1). An alignment is kept when at most 10% of the
 * quote's words are errors; the caller picks among the ones kept.
 */
import type { Span } from './span';
import { endsWithWord, sameWord, startsWithWord, tokenize, wordLength, type WordTokens } from './wordTokens';

export interface LooseMatch extends Span {
  /** Words replaced, inserted or dropped. */
  errors: number;
}

const MAX_ERROR_RATE = 0.1;
const MAX_ANCHORS = 16;
/** Longest run of words skipped on one side to get back in step after a mismatch. */
const RESYNC = 8;
/** The text searched reaches this far (or a quote's length, if longer) beyond the stored offsets. */
const MIN_SLACK = 20_000;
/** Word comparisons allowed: proportional to the words of text and quote, capped. */
const WORK_PER_WORD = 8;
const MIN_WORK = 100_000;
const MAX_WORK = 50_000_000;

class Budget {
  constructor(private left: number) {}
  spend(units: number): boolean {
    this.left -= units;
    return this.left >= 0;
  }
  get exhausted(): boolean {
    return this.left < 0;
  }
}

interface Alignment {
  q: WordTokens;
  t: WordTokens;
  budget: Budget;
  /** Per quote word: its anchor's number, or -1. */
  anchorSlot: Int32Array;
  /** Anchor hits an alignment already went through (slot × text words + text word): not seeded again. */
  visited: Set<number>;
}

/**
 * The quote's first and last words may be parts of words (a selection can start or end inside
 * a word), so they only need to end, respectively start, the text's word.
 */
function wordMatches({ q, t }: Alignment, i: number, j: number): boolean {
  if (i === 0) return endsWithWord(t, j, q, 0);
  if (i === q.count - 1) return startsWithWord(t, j, q, i);
  return sameWord(q, i, t, j);
}

function noteVisit(a: Alignment, i: number, j: number): void {
  const slot = a.anchorSlot[i]!;
  if (slot >= 0) a.visited.add(slot * a.t.count + j);
}

/** Whether, past `skipT` text words and `skipQ` quote words, the next two words agree again (or the quote ends). */
function resumesAfter(a: Alignment, i: number, j: number, dir: 1 | -1, skipT: number, skipQ: number): boolean {
  const { q, t } = a;
  const qi = i + dir * skipQ;
  const tj = j + dir * skipT;
  if (qi < 0 || qi >= q.count) return tj >= -1 && tj <= t.count; // the quote ends; the skipped text words exist
  if (tj < 0 || tj >= t.count) return false;
  a.budget.spend(1);
  if (!wordMatches(a, qi, tj)) return false;
  const qn = qi + dir;
  const tn = tj + dir;
  return qn < 0 || qn >= q.count || tn < 0 || tn >= t.count || wordMatches(a, qn, tn);
}

/** The cheapest [text words, quote words] to skip after a mismatch; a replaced word when nothing resumes. */
function resync(a: Alignment, i: number, j: number, dir: 1 | -1): [number, number] {
  for (let cost = 1; cost <= RESYNC; cost++) {
    if (resumesAfter(a, i, j, dir, cost, cost)) return [cost, cost];
    for (let k = cost - 1; k >= 0; k--) {
      if (resumesAfter(a, i, j, dir, cost, k)) return [cost, k];
      if (resumesAfter(a, i, j, dir, k, cost)) return [k, cost];
    }
  }
  return [1, 1];
}

/**
 * Aligns the quote from the anchor hit (quote word i0 = text word j0) towards its end (dir 1) or
 * its start (dir -1). Returns the errors and the text offset where the span ends (or starts),
 * or null when more than `allowed` errors were needed or the budget ran out.
 */
function extend(a: Alignment, i0: number, j0: number, dir: 1 | -1, allowed: number): { errors: number; boundary: number } | null {
  const { q, t, budget } = a;
  const edge = dir === 1 ? q.count - 1 : 0;
  let i = i0 + dir;
  let j = j0 + dir;
  let lastJ = j0;
  let edgeMatched = i0 === edge;
  let errors = 0;
  while (i >= 0 && i < q.count) {
    if (!budget.spend(1)) return null;
    if (j < 0 || j >= t.count) {
      errors += dir === 1 ? q.count - i : i + 1; // the text ends before the quote does
      break;
    }
    if (wordMatches(a, i, j)) {
      noteVisit(a, i, j);
      lastJ = j;
      edgeMatched = i === edge;
      i += dir;
      j += dir;
      continue;
    }
    const [skipT, skipQ] = resync(a, i, j, dir);
    errors += Math.max(skipT, skipQ);
    if (errors > allowed) return null;
    if (skipT > 0) {
      lastJ = j + dir * (skipT - 1);
      edgeMatched = false;
    }
    i += dir * skipQ;
    j += dir * skipT;
  }
  if (errors > allowed) return null;
  const edgeLength = wordLength(q, edge);
  const boundary =
    dir === 1
      ? edgeMatched ? t.starts[lastJ]! + edgeLength : t.ends[lastJ]!
      : edgeMatched ? t.ends[lastJ]! - edgeLength : t.starts[lastJ]!;
  return { errors, boundary };
}

/** Quote words to seed from: spread over the inner words (the outer ones may be parts of words). */
function anchorWords(q: WordTokens): number[] {
  if (q.count === 2) return [0];
  const inner = q.count - 2;
  const n = Math.min(MAX_ANCHORS, inner);
  return Array.from({ length: n }, (_, k) => 1 + Math.floor((k * inner) / n));
}

/** Where each anchor word occurs in the searched text, in one pass over it. */
function anchorHits(q: WordTokens, t: WordTokens, anchors: number[]): number[][] {
  const slotsByHash = new Map<number, number[]>();
  anchors.forEach((i, slot) => {
    const hash = q.hashes[i]!;
    slotsByHash.set(hash, [...(slotsByHash.get(hash) ?? []), slot]);
  });
  const hits = anchors.map((): number[] => []);
  for (let j = 0; j < t.count; j++) {
    for (const slot of slotsByHash.get(t.hashes[j]!) ?? []) if (sameWord(q, anchors[slot]!, t, j)) hits[slot]!.push(j);
  }
  return hits;
}

/**
 * Spans of `text` near `near` that read as `quote` with few words changed. A quote of one word
 * has no looser reading than its exact occurrences; nothing is found once the budget is spent.
 */
export function looseMatches(quote: string, text: string, near: Span): LooseMatch[] {
  const q = tokenize(quote);
  if (q.count < 2) return [];
  const slack = Math.max(MIN_SLACK, quote.length);
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const t = tokenize(text, clamp(near.start - slack), clamp(Math.max(near.start, near.end) + slack));
  const budget = new Budget(Math.min(MAX_WORK, MIN_WORK + WORK_PER_WORD * (q.count + t.count)));
  const anchors = anchorWords(q);
  const anchorSlot = new Int32Array(q.count).fill(-1);
  anchors.forEach((i, slot) => (anchorSlot[i] = slot));
  const a: Alignment = { q, t, budget, anchorSlot, visited: new Set() };
  const allowed = Math.floor(q.count * MAX_ERROR_RATE);
  const hits = anchorHits(q, t, anchors);
  // Rare anchors first: their few hits are the likeliest places, and they leave common ones little to do.
  const order = anchors.map((_, slot) => slot).sort((x, y) => hits[x]!.length - hits[y]!.length);
  const found: LooseMatch[] = [];
  for (const slot of order) {
    const i = anchors[slot]!;
    for (const j of hits[slot]!) {
      if (budget.exhausted) return found;
      if (a.visited.has(slot * t.count + j)) continue;
      noteVisit(a, i, j);
      const forward = extend(a, i, j, 1, allowed);
      const backward = forward && extend(a, i, j, -1, allowed - forward.errors);
      if (forward && backward) found.push({ start: backward.boundary, end: forward.boundary, errors: forward.errors + backward.errors });
    }
  }
  return found;
}
