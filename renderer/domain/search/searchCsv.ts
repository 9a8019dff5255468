/**
 * CSV of search results and word frequencies (RFC 4180, CRLF, UTF-8 BOM so Excel reads
 * accents). Offsets are Unicode code points, end exclusive, as in the annotated CSV export: in
 * Python text[start:end] == hit. Free-text cells that a spreadsheet would run as a formula
 * (=, +, -, @, tab, CR first) get a leading apostrophe.
 */
import { codePointIndex } from '../../../common/text/codePoints';
import type { WordFrequency } from './frequencies';
import type { KwicRow } from './kwic';

const BOM = '\uFEFF';
const NEWLINE = '\r\n';
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string | number, freeText: boolean): string {
  if (typeof value === 'number') return String(value);
  const safe = freeText && FORMULA_START.test(value) ? `'${value}` : value;
  return /[,"\r\n]/.test(safe) || safe.startsWith(' ') || safe.endsWith(' ') ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const HITS_CSV_HEADER = ['document_id', 'document_title', 'start', 'end', 'hit', 'left_context', 'right_context'] as const;

/** Converts UTF-16 offsets of one document's text to code points (built once per document). */
export class CodePointOffsets {
  private readonly byDocument = new Map<string, (offset: number) => number>();
  constructor(private readonly textOf: (documentId: string) => string) {}
  of(documentId: string, offset: number): number {
    let convert = this.byDocument.get(documentId);
    if (!convert) this.byDocument.set(documentId, (convert = codePointIndex(this.textOf(documentId))));
    return convert(offset);
  }
}

/** CSV lines (no line breaks between them yet) for rows of hits. */
export function hitLines(rows: readonly KwicRow[], titleOf: (documentId: string) => string, offsets: CodePointOffsets): string[] {
  return rows.map((r) =>
    [
      cell(r.documentId, false),
      cell(titleOf(r.documentId), true),
      cell(offsets.of(r.documentId, r.start), false),
      cell(offsets.of(r.documentId, r.end), false),
      cell(r.match, true),
      cell(r.left, true),
      cell(r.right, true),
    ].join(','),
  );
}

export function csvFile(header: readonly string[], lines: readonly string[]): string {
  return BOM + [header.join(','), ...lines].join(NEWLINE) + NEWLINE;
}

export const WORDS_CSV_HEADER = ['rank', 'word', 'count', 'documents'] as const;

export function frequencyCsv(words: readonly WordFrequency[]): string {
  return csvFile(
    WORDS_CSV_HEADER,
    words.map((w, i) => [cell(i + 1, false), cell(w.word, true), cell(w.count, false), cell(w.documents, false)].join(',')),
  );
}
