/** What can be asked of analysis and what it answers: plain data, so it can cross to a worker. */
import type { Restriction } from './input';
import type { Distance, Query } from './query';
import type { Measure } from './tally';

export type AnalysisRequest =
  | { kind: 'frequencies'; restriction: Restriction }
  | { kind: 'codeByDocument'; restriction: Restriction; measure: Measure }
  | { kind: 'codeByAttribute'; restriction: Restriction; measure: Measure; attribute: string }
  | { kind: 'cooccurrence'; restriction: Restriction; within: Distance }
  | { kind: 'query'; restriction: Restriction; query: Query };

interface Answer {
  /** Codes in row order (the codebook's tree order). */
  codes: string[];
  /** Documents counted (after the restriction). */
  documents: number;
  /** Of those, documents whose text is not read yet (their characters and words are not known). */
  textsMissing: number;
  /** Time the engine spent, for the benchmark. */
  computeMs: number;
}

/** Every array is [level × codes + code]; level 0 = own, 1 = with sub-codes. */
export interface FrequencyAnswer extends Answer {
  kind: 'frequencies';
  codings: Int32Array;
  segments: Int32Array;
  /** Documents where the code has a segment. */
  documentsWith: Int32Array;
  chars: Int32Array;
  words: Int32Array;
  /** Characters and words of the counted documents' texts (null while some are not read). */
  textChars: number | null;
  textWords: number | null;
  coders: Array<{ coder: string; codings: Int32Array; segments: Int32Array }>;
}

export interface MatrixAnswer extends Answer {
  kind: 'codeByDocument' | 'codeByAttribute';
  measure: Measure;
  /** Document ids, or attribute values. */
  columns: string[];
  /** [(level × codes + code) × columns + column] */
  values: Int32Array;
}

export interface CooccurrenceAnswer extends Answer {
  kind: 'cooccurrence';
  /**
   * Co-occurrences: pairs of a segment coded a and a segment coded b that co-occur, a segment
   * carrying both being one (see cooccurrence.ts). [level × codes² + a × codes + b], symmetric;
   * the diagonal holds each code's segments.
   */
  pairs: Int32Array;
  /** Segments taking part in an a–b co-occurrence (those a cell lists), same layout. */
  involved: Int32Array;
  /** Segments carrying both codes, same layout. */
  same: Int32Array;
  segments: Int32Array;
}

export interface Hit {
  segmentId: string;
  documentId: string;
  start: number;
  end: number;
}

export interface QueryAnswer extends Answer {
  kind: 'query';
  hits: Hit[];
}

export type AnalysisAnswer = FrequencyAnswer | MatrixAnswer | CooccurrenceAnswer | QueryAnswer;
/** The answer a request gets (for a union of requests, the union of their answers). */
export type AnswerOf<R extends AnalysisRequest> = R extends { kind: 'frequencies' }
  ? FrequencyAnswer
  : R extends { kind: 'codeByDocument' | 'codeByAttribute' }
    ? MatrixAnswer
    : R extends { kind: 'cooccurrence' }
      ? CooccurrenceAnswer
      : QueryAnswer;

/** The typed arrays of an answer, to hand over to the main thread without copying. */
export function transferablesOf(answer: AnalysisAnswer): ArrayBuffer[] {
  const arrays = Object.values(answer).filter((v): v is Int32Array => v instanceof Int32Array);
  if (answer.kind === 'frequencies') for (const c of answer.coders) arrays.push(c.codings, c.segments);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
