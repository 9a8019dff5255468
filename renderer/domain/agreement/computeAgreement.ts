/**
 * The whole agreement table in one pass over the codings: per code (the corpus figure, each
 * document weighing by its length: the document tables are summed, so every character counts
 * once), per code and document, overall, and the stretches where the two compared coders
 * differ. Pure and plain-data in and out, so it runs in a Web Worker (see
 * project/agreement/offThread.ts) or inline in Node tests. Characters are UTF-16 code units of
 * the normalised text, as segment offsets are stored.
 */
import type { Span } from '../span';
import { addTable, characterTable, emptyTable } from './kappa';
import { Coincidences } from './krippendorff';
import { clipRuns, runsOf, sameRuns, unionRuns, type Runs } from './runs';
import { ColumnsBuilder, pairFigures, type DocumentColumns, type PairFigures, type StretchColumns } from './resultColumns';
import { addSegmentCounts, brennanPrediger, emptySegmentCounts, segmentCounts } from './segmentMatch';
import { addBinary, binaryAlpha, binaryCoincidences, cuAlphaPart, emptyBinary, uncodedBinary, type BinaryCoincidences } from './unitized';

/** Codings as parallel arrays (cheap to post to a worker): indices into documents, codeIds and coders. */
export interface CodingColumns {
  document: Int32Array;
  code: Int32Array;
  coder: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

export interface AgreementInput {
  documents: readonly { id: string; length: number }[];
  codeIds: readonly string[];
  /** Coder names; two or more. */
  coders: readonly string[];
  /**
   * present[d × coders + c] = 1 when coder c coded anything (any code) in document d. A coder
   * who coded nothing in a document did not code it: for alpha their values there are missing.
   */
  present: Uint8Array;
  /** The compared codes' codings by the compared coders, placed in the current texts. */
  codings: CodingColumns;
  /** The two coders (indices into coders) compared by kappa, segment agreement and the disagreement list. */
  pair: readonly [number, number];
  /** Segment agreement: the overlap share (0–1] at which two segments match. */
  overlap: number;
}

export interface CodeAgreement extends PairFigures {
  codeId: string;
  kappaBP: number | null;
  /** Binary alpha (coded / not coded with this code) over every compared coder. */
  binary: BinaryCoincidences;
  alpha: number | null;
}

export interface OverallAgreement extends PairFigures {
  kappaBP: number | null;
  binary: BinaryCoincidences;
  alpha: number | null;
  /** cu-α over the compared codes (see unitized.ts), its pairable values, and characters left out as ambiguous. */
  cuAlpha: number | null;
  cuPairable: number;
  ambiguous: number;
}

export interface AgreementResult {
  /** The compared documents' and codes' ids, as the columns index them. */
  documentIds: readonly string[];
  codeIds: readonly string[];
  byCode: CodeAgreement[];
  /** One row per code and document where either compared coder used the code (see documentRows). */
  byDocument: DocumentColumns;
  overall: OverallAgreement;
  /** Where the two compared coders differ (see stretchesOf). */
  stretches: StretchColumns;
  /** Characters compared (the compared documents' lengths summed). */
  characters: number;
}

/** Coding indices bucketed by document × code. */
function bucket(input: AgreementInput): Map<number, number[]> {
  const { codings, codeIds } = input;
  const out = new Map<number, number[]>();
  for (let i = 0; i < codings.document.length; i++) {
    const key = codings.document[i]! * codeIds.length + codings.code[i]!;
    const list = out.get(key);
    if (list) list.push(i);
    else out.set(key, [i]);
  }
  return out;
}

export function computeAgreement(input: AgreementInput): AgreementResult {
  const { documents, codeIds, coders, present, codings, pair, overlap } = input;
  const [pa, pb] = pair;
  const names = [coders[pa]!, coders[pb]!] as const;
  const buckets = bucket(input);
  const presentIn = (d: number) => {
    const out: number[] = [];
    for (let c = 0; c < coders.length; c++) if (present[d * coders.length + c]) out.push(c);
    return out;
  };

  // Every document starts as uncoded with every code; coded (document, code) pairs replace that below.
  let characters = 0;
  let uncodedPairable = 0;
  const presentByDocument = documents.map((doc, d) => {
    const here = presentIn(d);
    characters += doc.length;
    uncodedPairable += uncodedBinary(doc.length, here.length).uncoded;
    return here;
  });
  const perCode = codeIds.map(() => ({
    characters: { ...emptyTable(), neither: characters },
    segments: emptySegmentCounts(),
    binary: { ...emptyBinary(), uncoded: uncodedPairable },
  }));

  const columns = new ColumnsBuilder();
  const cu = new Coincidences();
  let ambiguous = 0;

  documents.forEach((doc, d) => {
    const here = presentByDocument[d]!;
    const runsByCode: Runs[][] = [];
    const codeKeys: string[] = [];
    const stretches: StretchRow[] = [];
    codeIds.forEach((codeId, code) => {
      const list = buckets.get(d * codeIds.length + code);
      if (!list) return;
      const spans: Span[][] = coders.map(() => []);
      for (const i of list) spans[codings.coder[i]!]!.push({ start: codings.start[i]!, end: codings.end[i]! });
      const runs = spans.map(runsOf);
      runsByCode.push(runs);
      codeKeys.push(String(code));

      const sums = perCode[code]!;
      const table = characterTable(runs[pa]!, runs[pb]!, doc.length);
      sums.characters.neither -= doc.length;
      addTable(sums.characters, table);
      const segments = segmentCounts(spans[pa]!, spans[pb]!, overlap);
      addSegmentCounts(sums.segments, segments);
      sums.binary.uncoded -= uncodedBinary(doc.length, here.length).uncoded;
      addBinary(sums.binary, binaryCoincidences(here.map((c) => runs[c]!), doc.length));
      if (runs[pa]!.length || runs[pb]!.length) {
        columns.addDocumentRow(d, code, table, segments);
        collectStretches(stretches, code, runs[pa]!, runs[pb]!);
      }
    });
    stretches.sort((x, y) => x.start - y.start || x.end - y.end);
    for (const st of stretches) columns.addStretch(d, st.code, st.start, st.end, st.a, st.b);
    if (runsByCode.length) {
      const part = cuAlphaPart(runsByCode, codeKeys);
      cu.addAll(part.coincidences);
      ambiguous += part.ambiguous;
    }
  });

  const codeCount = codeIds.length;
  const overallCharacters = emptyTable();
  const overallSegments = emptySegmentCounts();
  const overallBinary = emptyBinary();
  const byCode: CodeAgreement[] = codeIds.map((codeId, code) => {
    const sums = perCode[code]!;
    addTable(overallCharacters, sums.characters);
    addSegmentCounts(overallSegments, sums.segments);
    addBinary(overallBinary, sums.binary);
    return {
      codeId,
      ...pairFigures(sums.characters, sums.segments, names),
      kappaBP: brennanPrediger(sums.segments, codeCount),
      binary: sums.binary,
      alpha: binaryAlpha(sums.binary),
    };
  });
  return {
    documentIds: documents.map((doc) => doc.id),
    codeIds,
    byCode,
    byDocument: columns.documents(),
    overall: {
      ...pairFigures(overallCharacters, overallSegments, names),
      kappaBP: brennanPrediger(overallSegments, codeCount),
      binary: overallBinary,
      alpha: binaryAlpha(overallBinary),
      cuAlpha: cu.nominalAlpha(),
      cuPairable: cu.total(),
      ambiguous,
    },
    stretches: columns.stretches(),
    characters,
  };
}

interface StretchRow {
  code: number;
  start: number;
  end: number;
  a: Runs;
  b: Runs;
}

/** Each maximal stretch one of the two coders covered, where their runs differ. */
function collectStretches(out: StretchRow[], code: number, a: Runs, b: Runs): void {
  const either = unionRuns(a, b);
  for (let i = 0; i < either.length; i += 2) {
    const start = either[i]!;
    const end = either[i + 1]!;
    const inA = clipRuns(a, start, end);
    const inB = clipRuns(b, start, end);
    if (!sameRuns(inA, inB)) out.push({ code, start, end, a: inA, b: inB });
  }
}
