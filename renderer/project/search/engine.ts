/**
 * The search engine behind the Search view: the corpus index (domain/search/searchIndex.ts)
 * and the last results, answering requests — add and remove documents, search, page through
 * rows in a sort order, hand out all hits, count words. It runs in the search worker (see
 * search.worker.ts) or inline where there are no workers (Node tests); both speak the same
 * requests (see protocol.ts).
 */
import { wordFrequencies } from '../../domain/search/frequencies';
import type { HitList } from '../../domain/search/hits';
import { contextOf, type KwicRow, type KwicSort } from '../../domain/search/kwic';
import { SearchIndex, type SearchScope } from '../../domain/search/searchIndex';
import { tokenAtOrAfter } from '../../domain/search/words';
import type { EngineRequest, EngineResponse, WireScope } from './protocol';

/** Results kept for paging and sorting; older ones are dropped. */
const KEPT_RESULTS = 4;

interface Result {
  list: HitList;
  /** Hit numbers in the current sort order (null: document order). */
  order: Int32Array | null;
  sort: KwicSort;
}

const toScope = (scope: WireScope): SearchScope => ({
  documents: scope.documents,
  regions: scope.regions ? { mode: scope.regions.mode, ranges: new Map(scope.regions.ranges) } : null,
});

export class SearchEngine {
  readonly index = new SearchIndex();
  private readonly results = new Map<number, Result>();
  private nextResult = 1;

  handle(request: EngineRequest): EngineResponse {
    switch (request.method) {
      case 'add':
        for (const d of request.documents) this.index.add(d.id, d.text);
        return { method: 'add', indexed: this.index.size };
      case 'remove':
        for (const id of request.ids) this.index.remove(id);
        return { method: 'remove', indexed: this.index.size };
      case 'search':
        return { method: 'search', ...this.search(request) };
      case 'rows':
        return { method: 'rows', rows: this.rows(request.resultId, request.from, request.count, request.sort) };
      case 'hits': {
        const r = this.result(request.resultId);
        return { method: 'hits', documents: r.list.documents, doc: r.list.doc.slice(), start: r.list.start.slice(), end: r.list.end.slice() };
      }
      case 'frequencies':
        return { method: 'frequencies', table: wordFrequencies(this.index, toScope(request.scope), new Set(request.stopWords), request.limit) };
      case 'stats':
        return { method: 'stats', documents: this.index.size, words: this.index.wordCount, vocabulary: this.index.vocabulary.size };
      case 'prepare':
        this.index.prepare();
        return { method: 'prepare', documents: this.index.size, words: this.index.wordCount, vocabulary: this.index.vocabulary.size };
    }
  }

  private search(request: Extract<EngineRequest, { method: 'search' }>) {
    const started = performance.now();
    const list = this.index.search(request.query, request.options, toScope(request.scope));
    const resultId = this.nextResult++;
    this.results.set(resultId, { list, order: null, sort: { key: 'document', descending: false } });
    for (const id of this.results.keys()) if (this.results.size > KEPT_RESULTS) this.results.delete(id);
    const perDocument = list.documents.map((documentId) => ({ documentId, count: 0 }));
    for (let i = 0; i < list.count; i++) perDocument[list.doc[i]!]!.count++;
    const rows = this.rows(resultId, 0, request.rows, request.sort);
    return { resultId, total: list.count, perDocument, rows, ms: performance.now() - started };
  }

  private result(resultId: number): Result {
    const r = this.results.get(resultId);
    if (!r) throw new Error('These results are gone: search again.');
    return r;
  }

  private rows(resultId: number, from: number, count: number, sort: KwicSort): KwicRow[] {
    const r = this.result(resultId);
    if (r.sort.key !== sort.key || r.sort.descending !== sort.descending) {
      r.order = this.order(r.list, sort);
      r.sort = sort;
    }
    const rows: KwicRow[] = [];
    const end = Math.min(r.list.count, from + count);
    for (let k = Math.max(0, from); k < end; k++) {
      const hit = r.order ? r.order[k]! : k;
      const documentId = r.list.documents[r.list.doc[hit]!]!;
      const start = r.list.start[hit]!;
      const stop = r.list.end[hit]!;
      const text = this.index.document(documentId)?.text ?? '';
      rows.push({ hit, documentId, start, end: stop, ...contextOf(text, start, stop) });
    }
    return rows;
  }

  /** Hit numbers sorted by `sort` (ties: document order). */
  private order(list: HitList, sort: KwicSort): Int32Array | null {
    if (sort.key === 'document' && !sort.descending) return null;
    const n = list.count;
    const keys = new Float64Array(n);
    if (sort.key === 'document') for (let i = 0; i < n; i++) keys[i] = list.doc[i]!;
    else if (sort.key === 'position') for (let i = 0; i < n; i++) keys[i] = list.start[i]!;
    else {
      const rank = this.vocabularyRanks();
      for (let i = 0; i < n; i++) keys[i] = this.neighbourRank(list, i, sort.key === 'left', rank);
    }
    const order = Int32Array.from({ length: n }, (_, i) => i);
    const sign = sort.descending ? -1 : 1;
    order.sort((a, b) => sign * (keys[a]! - keys[b]!) || a - b);
    return order;
  }

  /** Each word's place in alphabetical order (folded words, compared by code units). */
  private vocabularyRanks(): Int32Array {
    const terms = this.index.vocabulary.terms;
    const ids = Int32Array.from({ length: terms.length }, (_, i) => i);
    ids.sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
    const rank = new Int32Array(terms.length);
    ids.forEach((id, r) => (rank[id] = r));
    return rank;
  }

  /** The rank of the word just before (or after) a hit; -1 when there is none. */
  private neighbourRank(list: HitList, i: number, before: boolean, rank: Int32Array): number {
    const doc = this.index.document(list.documents[list.doc[i]!]!);
    if (!doc) return -1;
    const tokens = { ends: doc.ends, count: doc.ids.length };
    if (before) {
      let t = tokenAtOrAfter(tokens, list.start[i]!) - 1;
      while (t >= 0 && doc.ends[t]! > list.start[i]!) t--;
      return t >= 0 ? rank[doc.ids[t]!]! : -1;
    }
    let t = tokenAtOrAfter(tokens, list.end[i]!);
    while (t < doc.ids.length && doc.starts[t]! < list.end[i]!) t++;
    return t < doc.ids.length ? rank[doc.ids[t]!]! : -1;
  }
}
