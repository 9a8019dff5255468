/** The requests the search engine answers, the same in the worker and inline (see engine.ts). */
import type { FrequencyTable } from '../../domain/search/frequencies';
import type { RegionMode } from '../../domain/search/hits';
import type { KwicRow, KwicSort } from '../../domain/search/kwic';
import type { ParsedQuery, SearchOptions } from '../../domain/search/query';

/** A scope as it crosses to the worker: ranges as [document id, [start, end, …]] pairs. */
export interface WireScope {
  documents: string[];
  regions: { mode: RegionMode; ranges: Array<[string, Int32Array]> } | null;
}

export type EngineRequest =
  | { method: 'add'; documents: Array<{ id: string; text: string }> }
  | { method: 'remove'; ids: string[] }
  | { method: 'search'; query: ParsedQuery; options: SearchOptions; scope: WireScope; rows: number; sort: KwicSort }
  | { method: 'rows'; resultId: number; from: number; count: number; sort: KwicSort }
  | { method: 'hits'; resultId: number }
  | { method: 'frequencies'; scope: WireScope; stopWords: string[]; limit: number }
  | { method: 'stats' }
  /** Once indexing is done: where each word occurs, and the query code compiled by a few searches, so the first real query is fast. */
  | { method: 'prepare' };

export interface SearchSummary {
  resultId: number;
  total: number;
  /** Hits per document, documents in scope order (only those with hits). */
  perDocument: Array<{ documentId: string; count: number }>;
  /** The first rows in the requested order. */
  rows: KwicRow[];
  /** Time the engine took. */
  ms: number;
}

export type EngineResponse =
  | { method: 'add' | 'remove'; indexed: number }
  | ({ method: 'search' } & SearchSummary)
  | { method: 'rows'; rows: KwicRow[] }
  | { method: 'hits'; documents: string[]; doc: Int32Array; start: Int32Array; end: Int32Array }
  | { method: 'frequencies'; table: FrequencyTable }
  | { method: 'stats' | 'prepare'; documents: number; words: number; vocabulary: number };

export type ResponseTo<M extends EngineRequest['method']> = Extract<
  EngineResponse,
  { method: M extends 'add' | 'remove' ? 'add' | 'remove' : M extends 'stats' | 'prepare' ? 'stats' | 'prepare' : M }
>;
