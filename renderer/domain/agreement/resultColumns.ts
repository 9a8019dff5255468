/**
 * The large parts of an agreement result — a row per code and document, and every disagreeing
 * stretch (tens of thousands in a big corpus) — kept as columns of typed arrays: the worker
 * posts them back to the window in a few milliseconds where as many objects took hundreds.
 * The accessors below turn them into rows where a view or an export reads them.
 */
import type { Span } from '../span';
import type { CharacterTable } from './kappa';
import { cohensKappa, kappaUndefinedReason, percentAgreement } from './kappa';
import type { Runs } from './runs';
import { segmentPercent, type SegmentCounts } from './segmentMatch';

/** Per code and document: indices, then 8 counts per row (both, only A, only B, neither, segments A, segments B, matched A, matched B). */
export interface DocumentColumns {
  document: Int32Array;
  code: Int32Array;
  counts: Float64Array;
}

/** Per stretch: indices and span; the runs of A then B of row i are runs[offsets[2i] … offsets[2i+1]) and runs[offsets[2i+1] … offsets[2i+2]). */
export interface StretchColumns {
  document: Int32Array;
  code: Int32Array;
  start: Int32Array;
  end: Int32Array;
  runs: Int32Array;
  offsets: Int32Array;
}

/** The two-coder figures at character and segment level. */
export interface PairFigures {
  characters: CharacterTable;
  percent: number | null;
  kappa: number | null;
  /** Why kappa is undefined (null when it is defined). */
  kappaNote: string | null;
  segments: SegmentCounts;
  segmentPercent: number | null;
}

export function pairFigures(characters: CharacterTable, segments: SegmentCounts, names: readonly [string, string]): PairFigures {
  return {
    characters,
    percent: percentAgreement(characters),
    kappa: cohensKappa(characters),
    kappaNote: kappaUndefinedReason(characters, names[0], names[1]),
    segments,
    segmentPercent: segmentPercent(segments),
  };
}

export interface DocumentAgreement extends PairFigures {
  documentId: string;
  codeId: string;
}

/** A stretch of one code where the two compared coders differ: the runs each coder has in it. */
export interface Stretch extends Span {
  documentId: string;
  codeId: string;
  a: Runs;
  b: Runs;
}

/** Collects rows while the table is computed, then hands out the columns. */
export class ColumnsBuilder {
  private readonly documentRows: number[] = [];
  private readonly counts: number[] = [];
  private readonly stretchRows: number[] = []; // document, code, start, end
  private readonly runs: number[] = [];
  private readonly offsets: number[] = [0];

  addDocumentRow(document: number, code: number, t: CharacterTable, s: SegmentCounts): void {
    this.documentRows.push(document, code);
    this.counts.push(t.both, t.onlyA, t.onlyB, t.neither, s.segmentsA, s.segmentsB, s.matchedA, s.matchedB);
  }

  addStretch(document: number, code: number, start: number, end: number, a: Runs, b: Runs): void {
    this.stretchRows.push(document, code, start, end);
    for (const v of a) this.runs.push(v);
    this.offsets.push(this.runs.length);
    for (const v of b) this.runs.push(v);
    this.offsets.push(this.runs.length);
  }

  documents(): DocumentColumns {
    const rows = this.documentRows;
    return {
      document: Int32Array.from({ length: rows.length / 2 }, (_, i) => rows[2 * i]!),
      code: Int32Array.from({ length: rows.length / 2 }, (_, i) => rows[2 * i + 1]!),
      counts: Float64Array.from(this.counts),
    };
  }

  stretches(): StretchColumns {
    const rows = this.stretchRows;
    const column = (k: number) => Int32Array.from({ length: rows.length / 4 }, (_, i) => rows[4 * i + k]!);
    return { document: column(0), code: column(1), start: column(2), end: column(3), runs: Int32Array.from(this.runs), offsets: Int32Array.from(this.offsets) };
  }
}

interface Indexed {
  documentIds: readonly string[];
  codeIds: readonly string[];
}

/** Every row per code and document, figures included (names: the two compared coders). */
export function documentRows(result: Indexed & { byDocument: DocumentColumns }, names: readonly [string, string]): DocumentAgreement[] {
  const { document, code, counts } = result.byDocument;
  return Array.from(document, (d, i) => {
    const c = counts.subarray(8 * i, 8 * i + 8);
    const characters = { both: c[0]!, onlyA: c[1]!, onlyB: c[2]!, neither: c[3]! };
    const segments = { segmentsA: c[4]!, segmentsB: c[5]!, matchedA: c[6]!, matchedB: c[7]! };
    return { documentId: result.documentIds[d]!, codeId: result.codeIds[code[i]!]!, ...pairFigures(characters, segments, names) };
  });
}

export function stretchCount(result: { stretches: StretchColumns }): number {
  return result.stretches.document.length;
}

/** Every disagreeing stretch, in reading order (documents as compared, then position). */
export function stretchesOf(result: Indexed & { stretches: StretchColumns }): Stretch[] {
  const s = result.stretches;
  return Array.from(s.document, (d, i) => ({
    documentId: result.documentIds[d]!,
    codeId: result.codeIds[s.code[i]!]!,
    start: s.start[i]!,
    end: s.end[i]!,
    a: Array.from(s.runs.subarray(s.offsets[2 * i]!, s.offsets[2 * i + 1]!)),
    b: Array.from(s.runs.subarray(s.offsets[2 * i + 1]!, s.offsets[2 * i + 2]!)),
  }));
}
