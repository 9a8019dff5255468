/**
 * What analysis is computed from, as plain data that can be posted to a worker: the listed
 * documents (with their attributes), each document's segments reduced to what counting needs,
 * and — once read — a profile of each text (its length, where its words and lines start).
 */
import type { Segment } from '../model';
import type { AttributeSource } from './attributes';

export interface AnalysisDocument extends AttributeSource {
  id: string;
  title: string;
}

/** A segment as analysis reads it (stored offsets; see README on re-anchoring). */
export interface AnalysisSegment {
  id: string;
  start: number;
  end: number;
  quote: string;
  memo: string;
  codings: ReadonlyArray<{ codeId: string; coder: string }>;
}

export function toAnalysisSegment(s: Segment): AnalysisSegment {
  return {
    id: s.id,
    start: s.start,
    end: s.end,
    quote: s.quote,
    memo: s.memo,
    codings: s.codings.map((c) => ({ codeId: c.codeId, coder: c.coder })),
  };
}

/** Where analysis narrows what it counts. Every field left out keeps everything. */
export interface Restriction {
  documents?: readonly string[];
  /** Attribute id → the values kept (NO_VALUE keeps documents without one). */
  attributes?: Readonly<Record<string, readonly string[]>>;
  /** Only these coders' codings count; a segment none of them coded is left out. */
  coders?: readonly string[];
  /** Only segments whose memo holds this text (case and accents ignored). Queries only. */
  memo?: string;
}

/** What a document's text adds to the counts: its size, its words and where its lines start. */
export interface TextProfile {
  length: number;
  words: number;
  /** UTF-16 offset where each line (a paragraph in the viewer) starts; the first is 0. */
  lineStarts: Int32Array;
  /** Bit i set: a word starts at offset i (a character that is not white space after one that is). */
  wordStarts: Uint32Array;
}
