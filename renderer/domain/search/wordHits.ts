/**
 * The common query, answered from the postings alone: words (with wildcards, or stems) matched
 * as whole text words — one, or any or all of several — with no punctuation around them, no
 * case or diacritics to check and no coded text bounding them. Each hit is then exactly one
 * text word, so the hits are positions — written straight into the hit list, in the scope's
 * document order, without a span object per hit (a word like "the" has hundreds of thousands).
 * A text word two query words fit is one hit, as in the general search.
 */
import type { CompiledTerm } from './compileTerm';
import type { HitList } from './hits';
import type { Postings } from './postings';

/** Whether a compiled term's hits are whole single text words, found by the postings alone. */
export function isWholeWordTerm(term: CompiledTerm): boolean {
  return term.words.length === 1 && (term.fits[0] === 'exact' || term.fits[0] === 'stem') && !term.lead && !term.trail && !term.exact;
}

/**
 * The hits of the query words (each as the text word ids it fits) in the documents of `scope`,
 * in that order; with `all`, only in documents where every query word occurs.
 */
export function wholeWordHits(postings: Postings, idsPerWord: ReadonlyArray<readonly number[]>, all: boolean, scope: readonly string[]): HitList {
  if (all && idsPerWord.length > 1) {
    const present = idsPerWord.map((ids) => documentsWith(postings, ids));
    scope = scope.filter((id) => {
      const slot = postings.slotOf(id);
      return slot !== undefined && present.every((p) => p[slot] === 1);
    });
  }
  return hitsOf(postings, [...new Set(idsPerWord.flat())], scope);
}

/** 1 for each document (slot) where one of the text words `ids` occurs. */
function documentsWith(postings: Postings, ids: readonly number[]): Uint8Array {
  const out = new Uint8Array(postings.documents.length);
  const { bases } = postings;
  for (const id of ids) {
    const positions = postings.positionsOf([id]);
    let slot = 0;
    for (let k = 0; k < positions.length; k++) {
      while (bases[slot + 1]! <= positions[k]!) slot++;
      out[slot] = 1;
    }
  }
  return out;
}

function hitsOf(postings: Postings, ids: readonly number[], scope: readonly string[]): HitList {
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
