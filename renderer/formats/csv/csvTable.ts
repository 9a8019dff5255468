/**
 * The annotated CSV as a table (header + lazily built rows), before serialisation. Kept apart
 * from csv.ts so the one-shot and the chunked writer share the exact same rows.
 *
 * Speed matters (100,000 segments): everything per code or per document is computed once —
 * code paths and their Excel-safe cells, a code path rank for sorting, the document's title
 * cell and the positions of its surrogate pairs (for code point offsets) — so a row is one
 * array literal of a handful of reads.
 */
import type { Code, Segment } from '../../domain/model';
import { codePath, codesById, descendantIds, flattenTree } from '../../domain/codeTree';
import { codePointIndex } from '../../../common/text/codePoints';
import type { ProjectData, ProjectDocument } from '../projectData';

export type CsvShape = 'long' | 'wide';

export interface CsvOptions {
  /** 'long': one row per segment × code (default); 'wide': one row per segment, one 0/1 column per code. */
  shape?: CsvShape;
  /** Start with a UTF-8 byte order mark so Excel reads the file as UTF-8 (default true). */
  bom?: boolean;
  /** Neutralise cells that a spreadsheet would run as a formula (default true). */
  excelSafe?: boolean;
  /** Only these documents. */
  documentIds?: readonly string[];
  /** Only these codes … */
  codeIds?: readonly string[];
  /** … and the codes below them (default true). */
  includeDescendants?: boolean;
  /** Only segments by this coder. */
  coder?: string;
}

export const LONG_COLUMNS = [
  'segment_id',
  'document_id',
  'document_title',
  'document_date',
  'code',
  'code_path',
  'start',
  'end',
  'quote',
  'prefix',
  'suffix',
  'memo',
  'coder',
  'created_at',
  'updated_at',
] as const;

/** The wide shape's leading columns: the long ones minus code and code_path. */
export const SEGMENT_COLUMNS = LONG_COLUMNS.filter((c) => c !== 'code' && c !== 'code_path');

/**
 * Free-text columns, the only ones whose cells can start with = + - @ tab or CR, hence the only
 * ones the Excel-safe prefix can change (ids, dates, offsets and timestamps are machine-made).
 * In the wide shape the code columns' *headers* (code paths) are affected too.
 */
export const EXCEL_SAFE_COLUMNS = [
  'document_title',
  'code',
  'code_path',
  'quote',
  'prefix',
  'suffix',
  'memo',
  'coder',
] as const;

export type Cell = string | number;

export interface CsvTable {
  header: string[];
  rowCount: number;
  row(index: number): Cell[];
}

/** OWASP CSV injection defence: a leading apostrophe makes spreadsheets treat the cell as text. */
export function excelSafeCell(value: string): string {
  // = + - @ tab CR (the same starts as /^[=+\-@\t\r]/, without a regex per cell).
  const c = value.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${value}` : value;
}

/** ISO 8601 in UTC with a Z; stored dates may carry another offset. */
function utcIso(value: string): string {
  if (value.length === 24 && value.charCodeAt(23) === 90 /* Z */) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

/** The codes the filter keeps, or null when there is no code filter. */
function selectedCodeIds(codes: readonly Code[], options: CsvOptions): Set<string> | null {
  if (!options.codeIds) return null;
  const selected = new Set(options.codeIds);
  if (options.includeDescendants ?? true) {
    for (const id of options.codeIds) for (const d of descendantIds(codes, id)) selected.add(d);
  }
  return selected;
}

function filterSegments(data: ProjectData, options: CsvOptions, codeFilter: Set<string> | null): Segment[] {
  const documentFilter = options.documentIds ? new Set(options.documentIds) : null;
  return data.segments.filter(
    (s) =>
      (!documentFilter || documentFilter.has(s.documentId)) &&
      (options.coder === undefined || s.coder === options.coder) &&
      (!codeFilter || s.codeIds.some((id) => codeFilter.has(id))),
  );
}

/** Per-document facts a row needs, computed once per document (cells already Excel-safe). */
interface DocumentFacts {
  order: number;
  title: string;
  date: string;
  toCodePoint: ((utf16: number) => number) | null;
}

function documentFactsLookup(
  documents: readonly ProjectDocument[],
  text: (value: string) => string,
): (id: string) => DocumentFacts {
  const order = new Map(documents.map((d, i) => [d.id, i]));
  const byId = new Map(documents.map((d) => [d.id, d]));
  const cache = new Map<string, DocumentFacts>();
  return (id) => {
    let facts = cache.get(id);
    if (!facts) {
      const doc = byId.get(id);
      // Segments of a document that is no longer in the corpus sort last and get empty offsets.
      facts = {
        order: order.get(id) ?? documents.length,
        title: text(doc?.title ?? ''),
        date: doc?.date ?? '',
        toCodePoint: doc ? codePointIndex(doc.text) : null,
      };
      cache.set(id, facts);
    }
    return facts;
  };
}

interface CodeFacts {
  path: string;
  rank: number;
  /** The name and path as cells (Excel-safe when asked). */
  nameCell: string;
  pathCell: string;
}

/** Facts of every code, and of dangling ids on demand (shown by their id rather than dropped). */
function codeFactsLookup(codes: readonly Code[], text: (value: string) => string): (id: string) => CodeFacts {
  const byId = codesById(codes);
  const withPaths = codes.map((c) => ({ id: c.id, name: c.name, path: codePath(byId, c.id) }));
  withPaths.sort((a, b) => a.path.localeCompare(b.path) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const facts = new Map<string, CodeFacts>(
    withPaths.map((c, rank) => [c.id, { path: c.path, rank, nameCell: text(c.name), pathCell: text(c.path) }]),
  );
  return (id) => {
    let f = facts.get(id);
    if (!f) {
      f = { path: id, rank: Number.MAX_SAFE_INTEGER, nameCell: text(id), pathCell: text(id) };
      facts.set(id, f);
    }
    return f;
  };
}

export function buildCsvTable(data: ProjectData, options: CsvOptions = {}): CsvTable {
  const safe = options.excelSafe ?? true;
  const text = safe ? excelSafeCell : (value: string) => value;
  const codeFilter = selectedCodeIds(data.codes, options);
  const segments = filterSegments(data, options, codeFilter);
  const factsOf = documentFactsLookup(data.documents, text);
  const codeFacts = codeFactsLookup(data.codes, text);

  if ((options.shape ?? 'long') === 'long') {
    const entries: Array<{ segment: Segment; facts: DocumentFacts; code: CodeFacts }> = [];
    for (const segment of segments) {
      const facts = factsOf(segment.documentId);
      for (const id of new Set(segment.codeIds)) {
        if (!codeFilter || codeFilter.has(id)) entries.push({ segment, facts, code: codeFacts(id) });
      }
    }
    entries.sort(
      (a, b) =>
        a.facts.order - b.facts.order ||
        a.segment.start - b.segment.start ||
        a.segment.end - b.segment.end ||
        a.code.rank - b.code.rank ||
        (a.segment.id < b.segment.id ? -1 : a.segment.id > b.segment.id ? 1 : 0),
    );
    return {
      header: [...LONG_COLUMNS],
      rowCount: entries.length,
      row(i) {
        const { segment: s, facts, code } = entries[i]!;
        const cp = facts.toCodePoint;
        // One array literal in column order (LONG_COLUMNS): no per-row temporaries.
        return [
          s.id,
          s.documentId,
          facts.title,
          facts.date,
          code.nameCell,
          code.pathCell,
          cp ? cp(s.start) : '',
          cp ? cp(s.end) : '',
          text(s.quote),
          text(s.prefix),
          text(s.suffix),
          text(s.memo),
          text(s.coder),
          utcIso(s.createdAt),
          utcIso(s.updatedAt),
        ];
      },
    };
  }

  const columnCodes = flattenTree(data.codes)
    .map(({ code }) => code)
    .filter((c) => !codeFilter || codeFilter.has(c.id));
  const taken = new Set<string>(SEGMENT_COLUMNS);
  const codeHeaders = columnCodes.map((c) => {
    // A code path that repeats a fixed column or another code's path gets its id appended.
    let header = codeFacts(c.id).pathCell;
    if (taken.has(header)) header = `${header} [${c.id}]`;
    taken.add(header);
    return header;
  });
  const fixed = SEGMENT_COLUMNS.length;
  const columnOf = new Map<string, number>();
  columnCodes.forEach((c, k) => {
    if (!columnOf.has(c.id)) columnOf.set(c.id, fixed + k);
  });
  // A code listed twice (a malformed tree) has two columns; both read 1 when it is applied.
  const repeatedColumns = columnOf.size !== columnCodes.length;
  const rows = segments.map((segment) => ({ segment, facts: factsOf(segment.documentId) }));
  rows.sort(
    (a, b) =>
      a.facts.order - b.facts.order ||
      a.segment.start - b.segment.start ||
      a.segment.end - b.segment.end ||
      (a.segment.id < b.segment.id ? -1 : a.segment.id > b.segment.id ? 1 : 0),
  );
  const width = fixed + columnCodes.length;
  return {
    header: [...SEGMENT_COLUMNS, ...codeHeaders],
    rowCount: rows.length,
    row(i) {
      const { segment: s, facts } = rows[i]!;
      const cp = facts.toCodePoint;
      const cells: Cell[] = new Array<Cell>(width);
      // SEGMENT_COLUMNS order.
      cells[0] = s.id;
      cells[1] = s.documentId;
      cells[2] = facts.title;
      cells[3] = facts.date;
      cells[4] = cp ? cp(s.start) : '';
      cells[5] = cp ? cp(s.end) : '';
      cells[6] = text(s.quote);
      cells[7] = text(s.prefix);
      cells[8] = text(s.suffix);
      cells[9] = text(s.memo);
      cells[10] = text(s.coder);
      cells[11] = utcIso(s.createdAt);
      cells[12] = utcIso(s.updatedAt);
      cells.fill(0, fixed);
      if (repeatedColumns) {
        const applied = new Set(s.codeIds);
        columnCodes.forEach((c, k) => {
          if (applied.has(c.id)) cells[fixed + k] = 1;
        });
      } else {
        for (const id of s.codeIds) {
          const k = columnOf.get(id);
          if (k !== undefined) cells[k] = 1;
        }
      }
      return cells;
    },
  };
}
