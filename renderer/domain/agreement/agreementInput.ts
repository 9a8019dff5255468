/**
 * From segments (placed in their documents' current texts) to what computeAgreement reads:
 * the compared codes' codings by the compared coders as parallel arrays, and who coded
 * anything at all in each document.
 */
import type { Segment } from '../model';
import { DEFAULT_OVERLAP } from './segmentMatch';
import type { AgreementInput } from './computeAgreement';

export interface ComparedDocument {
  id: string;
  /** The text's length in UTF-16 code units. */
  length: number;
  /** The document's segments with offsets in its current text. */
  segments: readonly Segment[];
}

export interface Comparison {
  documents: readonly ComparedDocument[];
  codeIds: readonly string[];
  coders: readonly string[];
  /** The two coders compared pairwise (names, both in `coders`); default: the first two. */
  pair?: readonly [string, string];
  overlap?: number;
}

export function agreementInput(c: Comparison): AgreementInput {
  const codeIndex = new Map(c.codeIds.map((id, i) => [id, i]));
  const coderIndex = new Map(c.coders.map((name, i) => [name, i]));
  const present = new Uint8Array(c.documents.length * c.coders.length);
  let capacity = 0;
  for (const doc of c.documents) for (const s of doc.segments) capacity += s.codings.length;
  const columns = { document: new Int32Array(capacity), code: new Int32Array(capacity), coder: new Int32Array(capacity), start: new Int32Array(capacity), end: new Int32Array(capacity) };
  let n = 0;
  c.documents.forEach((doc, d) => {
    for (const s of doc.segments) {
      const start = Math.max(0, Math.min(s.start, doc.length));
      const end = Math.max(start, Math.min(s.end, doc.length));
      for (const coding of s.codings) {
        const coder = coderIndex.get(coding.coder);
        if (coder === undefined) continue;
        present[d * c.coders.length + coder] = 1;
        const code = codeIndex.get(coding.codeId);
        if (code === undefined || end === start) continue;
        columns.document[n] = d;
        columns.code[n] = code;
        columns.coder[n] = coder;
        columns.start[n] = start;
        columns.end[n] = end;
        n++;
      }
    }
  });
  const pair = c.pair ?? [c.coders[0]!, c.coders[1]!];
  return {
    documents: c.documents.map(({ id, length }) => ({ id, length })),
    codeIds: c.codeIds,
    coders: c.coders,
    present,
    codings: {
      document: columns.document.slice(0, n),
      code: columns.code.slice(0, n),
      coder: columns.coder.slice(0, n),
      start: columns.start.slice(0, n),
      end: columns.end.slice(0, n),
    },
    pair: [coderIndex.get(pair[0]) ?? 0, coderIndex.get(pair[1]) ?? 1],
    overlap: c.overlap ?? DEFAULT_OVERLAP,
  };
}
