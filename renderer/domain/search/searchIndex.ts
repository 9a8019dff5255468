/**
 * The corpus index: every document's words as vocabulary ids with their offsets (a forward
 * index), so a query compares integers word by word instead of reading 50 MB of text, and
 * the text itself is consulted only around a candidate. Documents are added and removed one
 * by one. Pure: runs in the search worker, or inline in Node tests.
 */
import { foldText, sourceOffset, type FoldedText, type FoldOptions } from '../textFold';
import type { Span } from '../span';
import { compileTerm, wordIds, type CompiledTerm } from './compileTerm';
import { HitListBuilder, inRegion, withoutOverlaps, type HitList, type RegionMode } from './hits';
import type { ParsedQuery, SearchOptions } from './query';
import { foldSeparator, sameSeparator } from './separators';
import { Postings, type IndexedDocument } from './postings';
import { compileRegex, foldKey, regexFold, regexHits } from './regexQuery';
import { FULL_FOLD, placesInWord, Vocabulary } from './vocabulary';
import { isWholeWordTerm, wholeWordHits } from './wordHits';
import { tokenize } from './words';

export type { IndexedDocument } from './postings';

/** Where to look: documents in the order hits are listed, and optionally only inside or outside some text. */
export interface SearchScope {
  documents: readonly string[];
  regions?: { mode: RegionMode; ranges: ReadonlyMap<string, Int32Array> } | null;
}

const NO_RANGES = new Int32Array(0);
const NO_HITS: Span[] = [];

export class SearchIndex {
  readonly vocabulary = new Vocabulary();
  private readonly documents = new Map<string, IndexedDocument>();
  private postingsBuilt: Postings | null = null;
  /**
   * Texts folded for regular expressions, by document, for one folding at a time (the last
   * asked for): folding 50 MB again for every regular expression typed would cost its answer
   * (~250 ms). A text that folding leaves as it is is the text itself (no copy); the offset map
   * exists only for a text whose folding changed its length (decomposed accents, harakat).
   */
  private readonly foldedTexts = new Map<string, FoldedText>();
  private foldedAs = '';

  get size(): number {
    return this.documents.size;
  }

  /** Words indexed (all documents). */
  get wordCount(): number {
    let n = 0;
    for (const d of this.documents.values()) n += d.ids.length;
    return n;
  }

  has(id: string): boolean {
    return this.documents.has(id);
  }

  document(id: string): IndexedDocument | undefined {
    return this.documents.get(id);
  }

  ids(): string[] {
    return [...this.documents.keys()];
  }

  /** Adds a document, replacing the one of that id. */
  add(id: string, text: string): void {
    this.remove(id);
    const tokens = tokenize(text);
    const ids = new Int32Array(tokens.count);
    const v = this.vocabulary;
    for (let i = 0; i < tokens.count; i++) {
      const word = v.idOfRaw(text.slice(tokens.starts[i], tokens.ends[i]));
      ids[i] = word;
      v.counts[word]!++;
    }
    this.documents.set(id, { id, text, ids, starts: tokens.starts, ends: tokens.ends });
    this.postingsBuilt = null;
    this.foldedTexts.delete(id);
  }

  remove(id: string): void {
    const d = this.documents.get(id);
    if (!d) return;
    for (let i = 0; i < d.ids.length; i++) this.vocabulary.counts[d.ids[i]!]!--;
    this.documents.delete(id);
    this.postingsBuilt = null;
    this.foldedTexts.delete(id);
  }

  search(query: ParsedQuery, options: SearchOptions, scope: SearchScope): HitList {
    const regions = scope.regions ?? null;
    if (query.kind === 'terms' && !regions) {
      const terms = query.terms.map((t) => compileTerm(t, options));
      if (terms.every(isWholeWordTerm)) {
        return wholeWordHits(this.postings(), terms.map((t) => wordIds(t, this.vocabulary)[0]!), query.mode === 'all', scope.documents);
      }
    }
    const out = new HitListBuilder();
    const inScope = new Set(scope.documents);
    const perTerm = query.kind === 'regex' ? null : query.terms.map((t) => this.termHits(compileTerm(t, options), inScope));
    const pattern = query.kind === 'regex' ? compileRegex(query.source, query.flags, options) : null;
    const fold = regexFold(options);
    for (const id of scope.documents) {
      const doc = this.documents.get(id);
      if (!doc) continue;
      const ranges = regions ? (regions.ranges.get(id) ?? NO_RANGES) : null;
      if (regions?.mode === 'inside' && ranges!.length === 0) continue;
      const keep = (hits: Span[]) => (ranges && regions ? hits.filter((h) => inRegion(ranges, h, regions.mode)) : hits);
      let hits: Span[];
      if (pattern) hits = keep(regexHits(doc.text, this.foldedText(doc, fold), pattern, options.wholeWord));
      else {
        const found = perTerm!.map((byDocument) => keep(byDocument.get(id) ?? NO_HITS));
        if (query.kind === 'terms' && query.mode === 'all' && found.some((h) => h.length === 0)) continue;
        hits = found.length === 1 ? found[0]! : found.flat();
      }
      if (hits.length) out.addDocument(id, withoutOverlaps(hits));
    }
    return out.build();
  }

  /**
   * Gets ready for queries once documents are in: builds where each word occurs and runs a few
   * searches (a word, a phrase, a word start) whose answers are dropped — the engine compiles
   * its hot code on them instead of on the analyst's first query.
   */
  prepare(): void {
    const postings = this.postings();
    const first = postings.documents[0];
    if (!first || first.ids.length < 2) return;
    const word = (i: number) => this.vocabulary.terms[first.ids[i]!]!;
    const scope = { documents: this.ids() };
    const options = { mode: 'phrase' as const, matchCase: false, matchDiacritics: false, wholeWord: true };
    for (const text of [word(0), `${word(0)} ${word(1)}`, `${word(1).slice(0, 2)}*`]) {
      this.search({ kind: 'terms', mode: 'phrase', terms: [{ text, hasWildcard: text.includes('*') }] }, options, scope);
    }
  }

  /** A document's text folded as `fold` says, with its offset map (cached: see foldedTexts). */
  private foldedText(doc: IndexedDocument, fold: FoldOptions): FoldedText {
    const key = foldKey(fold);
    if (key !== this.foldedAs) {
      this.foldedTexts.clear();
      this.foldedAs = key;
    }
    let folded = this.foldedTexts.get(doc.id);
    if (folded === undefined) {
      folded = foldText(doc.text, fold);
      if (folded.text === doc.text) folded = { text: doc.text, from: null };
      this.foldedTexts.set(doc.id, folded);
    }
    return folded;
  }

  /** Where each word occurs (rebuilt after documents came or went). */
  private postings(): Postings {
    this.postingsBuilt ??= Postings.build([...this.documents.values()], this.vocabulary.size);
    return this.postingsBuilt;
  }

  /** The hits of one term in the documents of `scope`, by document (overlaps possible, in text order). */
  private termHits(term: CompiledTerm, scope: ReadonlySet<string>): Map<string, Span[]> {
    const out = new Map<string, Span[]>();
    let lastDocument: IndexedDocument | null = null;
    let lastList: Span[] = [];
    const hitsOf = (doc: IndexedDocument) => {
      if (doc === lastDocument) return lastList;
      lastDocument = doc;
      lastList = out.get(doc.id) ?? [];
      out.set(doc.id, lastList);
      return lastList;
    };
    if (term.words.length === 0) {
      for (const id of scope) {
        const doc = this.documents.get(id);
        if (doc) out.set(id, scanFor(doc.text, term));
      }
      return out;
    }
    const postings = this.postings();
    const fitting = wordIds(term, this.vocabulary);
    // Anchor on the query word with the fewest occurrences; check the others around it.
    let anchor = 0;
    let fewest = Infinity;
    fitting.forEach((ids, j) => {
      let n = 0;
      for (const id of ids) n += postings.count(id);
      if (n < fewest) [fewest, anchor] = [n, j];
    });
    if (fewest === 0) return out;
    const flags = fitting.map((ids) => {
      const f = new Uint8Array(this.vocabulary.size);
      for (const id of ids) f[id] = 1;
      return f;
    });
    const m = term.words.length;
    /** Whether the words from `first` on are the term's words (the anchor's is known to be). */
    const fits = (ids: Int32Array, first: number) => {
      if (first < 0 || first + m > ids.length) return false;
      for (let j = 0; j < m; j++) if (j !== anchor && flags[j]![ids[first + j]!] !== 1) return false;
      return true;
    };
    if (fewest > postings.size / 8) {
      // So common that reading every word is cheaper than sorting its positions.
      const anchorFlags = flags[anchor]!;
      for (const id of scope) {
        const doc = this.documents.get(id);
        if (!doc) continue;
        const { ids } = doc;
        for (let i = 0; i < ids.length; i++) if (anchorFlags[ids[i]!] === 1 && fits(ids, i - anchor)) this.placeHits(doc, i - anchor, term, hitsOf(doc));
      }
      return out;
    }
    const positions = postings.positionsOf(fitting[anchor]!);
    const { documents, bases } = postings;
    const searched = Uint8Array.from(documents, (d) => (scope.has(d.id) ? 1 : 0));
    let slot = 0;
    for (let k = 0; k < positions.length; k++) {
      const at = positions[k]!;
      while (bases[slot + 1]! <= at) slot++;
      if (searched[slot] !== 1) continue;
      const doc = documents[slot]!;
      const first = at - bases[slot]! - anchor;
      if (fits(doc.ids, first)) this.placeHits(doc, first, term, hitsOf(doc));
    }
    return out;
  }

  /** The hits of `term` whose words are the document's words from `first` on. */
  private placeHits(doc: IndexedDocument, first: number, term: CompiledTerm, out: Span[]): void {
    const { text, starts, ends, ids } = doc;
    const last = first + term.words.length - 1;
    for (let j = 1; j < term.words.length; j++) {
      if (!sameSeparator(text, ends[first + j - 1]!, starts[first + j]!, term.separators[j]!)) return;
    }
    let start = starts[first]!;
    let end = ends[last]!;
    if (term.lead) {
      const before = foldSeparator(text, first > 0 ? ends[first - 1]! : 0, start);
      if (!before.text.endsWith(term.lead)) return;
      start = before.from[before.text.length - term.lead.length]!;
    }
    if (term.trail) {
      const after = foldSeparator(text, end, last + 1 < ids.length ? starts[last + 1]! : text.length);
      if (!after.text.startsWith(term.trail)) return;
      end = after.from[term.trail.length]!;
    }
    const words = this.vocabulary.terms;
    const firstFit = term.fits[0]!;
    const lastFit = term.fits[term.words.length - 1]!;
    if (firstFit === 'part') {
      // One query word inside one text word: every place it occurs there.
      for (const [from, to] of placesInWord(words[ids[first]!]!, term.words[0]!, 'part')) {
        const span = inWord(text, starts[first]!, ends[first]!, words[ids[first]!]!, from, to);
        if (span) this.keep(text, span, term, out);
      }
      return;
    }
    if (firstFit === 'suffix') {
      const [from] = placesInWord(words[ids[first]!]!, term.words[0]!, 'suffix')[0] ?? [];
      const span = from === undefined ? null : inWord(text, starts[first]!, ends[first]!, words[ids[first]!]!, from, words[ids[first]!]!.length);
      if (!span) return;
      start = span.start;
    }
    if (lastFit === 'prefix') {
      const [, to] = placesInWord(words[ids[last]!]!, term.words[term.words.length - 1]!, 'prefix')[0] ?? [];
      const span = to === undefined ? null : inWord(text, starts[last]!, ends[last]!, words[ids[last]!]!, 0, to);
      if (!span) return;
      end = span.end;
    }
    this.keep(text, { start, end }, term, out);
  }

  private keep(text: string, span: Span, term: CompiledTerm, out: Span[]): void {
    if (term.exact && !term.exact(text.slice(span.start, span.end))) return;
    out.push(span);
  }
}

/**
 * Offsets in the text of [from, to) of a folded text word, or null when that would cut a
 * character the folding turned into several (İ → i̇).
 */
function inWord(text: string, wordStart: number, wordEnd: number, folded: string, from: number, to: number): Span | null {
  const raw = text.slice(wordStart, wordEnd);
  if (raw.length === folded.length && isAscii(raw)) return { start: wordStart + from, end: wordStart + to };
  const map = foldText(raw, FULL_FOLD);
  const cuts = (i: number) => i > 0 && i < map.text.length && sourceOffset(map, i) === sourceOffset(map, i - 1);
  if (cuts(from) || cuts(to)) return null;
  return { start: wordStart + sourceOffset(map, from), end: wordStart + sourceOffset(map, to) };
}

const isAscii = (s: string) => /^[\0-\x7f]*$/.test(s);

/** A query of punctuation alone (no word to look up): the folded text is scanned. */
function scanFor(text: string, term: CompiledTerm): Span[] {
  const needle = term.normalised.trim();
  if (!needle) return [];
  const folded = foldText(text, FULL_FOLD);
  const pattern = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'), 'gu');
  const out: Span[] = [];
  for (let m = pattern.exec(folded.text); m; m = pattern.exec(folded.text)) {
    pattern.lastIndex = m.index + 1; // overlapping places too, like the word matches
    const span = { start: sourceOffset(folded, m.index), end: sourceOffset(folded, m.index + m[0].length) };
    if (span.end > span.start && (!term.exact || term.exact(text.slice(span.start, span.end)))) out.push(span);
  }
  return out;
}
