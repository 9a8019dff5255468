/**
 * The common query, answered from the postings alone: one word (or a word with wildcards, or
 * a stem) matched as whole text words, with no punctuation around it, no case or diacritics
 * to check and no coded text bounding it. Each hit is then exactly one text word, so the hits
 * are its positions — written straight into the hit list, in the scope's document order,
 * without a span object per hit (a word like "the" has hundreds of thousands).
 */
import type { CompiledTerm } from './compileTerm';
import type { HitList } from './hits';
import type { Postings } from './postings';

/** Whether a compiled term's hits are whole text words, found by the postings alone. */
export function isWholeWordTerm(term: CompiledTerm): boolean {
  return term.words.length === 1 && (term.fits[0] === 'exact' || term.fits[0] === 'stem') && !term.lead && !term.trail && !term.exact;
}

/** The hits of the text words `ids` in the documents of `scope` (in that order). */
export function wholeWordHits(postings: Postings, ids: readonly number[], scope: readonly string[]): HitList {
  const positions = postings.positionsOf(ids);
  const { documents, bases } = postings;
  // Positions ascend, so each document's are one run: where it starts, and how long it is.
  const first = new Int32Array(documents.length).fill(-1);
  const counts = new Int32Array(documents.length);
  let slot = 0;
  for (let k = 0; k < positions.length; k++) {
    const at = positions[k]!;
    while (bases[slot + 1]! <= at) slot++;
    if (counts[slot] === 0) first[slot] = k;
    counts[slot]!++;
  }
  const slots: number[] = [];
  let total = 0;
  for (const id of scope) {
    const s = postings.slotOf(id);
    if (s === undefined || counts[s] === 0) continue;
    slots.push(s);
    total += counts[s]!;
  }
  const list: HitList = { documents: [], count: total, doc: new Int32Array(total), start: new Int32Array(total), end: new Int32Array(total) };
  let n = 0;
  for (const s of slots) {
    const doc = documents[s]!;
    const base = bases[s]!;
    const listed = list.documents.length;
    list.documents.push(doc.id);
    for (let k = first[s]!, stop = k + counts[s]!; k < stop; k++) {
      const word = positions[k]! - base;
      list.doc[n] = listed;
      list.start[n] = doc.starts[word]!;
      list.end[n++] = doc.ends[word]!;
    }
  }
  return list;
}
