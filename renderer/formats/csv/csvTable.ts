/**
 * The annotated CSV as a table (header + lazily built rows), before serialisation. Kept apart
 * from csv.ts so the one-shot and the chunked writer share the exact same rows.
 *
 * Speed matters (100,000 segments): everything per code or per document is computed once —
 * code paths and their Excel-safe cells, a code path rank for sorting, the document's title
 * cell and the positions of its surrogate pairs (for code point offsets) — so a row is one
 * array literal of a handful of reads.
 */
import type { Code, Coding, Segment } from '../../domain/model';
import { codePath, codesById, descendantIds, flattenTree } from '../../domain/codeTree';
import { codePointIndex } from '../../../common/text/codePoints';
import { pageAt } from '../../../converters/pdf/pages';
import { placementOf, type PlacementStatus, type ProjectData, type ProjectDocument } from '../projectData';
import { CODERS_SEPARATOR, LONG_COLUMNS, SEGMENT_COLUMNS, excelSafeCell, type Cell } from './csvColumns';

export type CsvShape = 'long' | 'wide';

export interface CsvOptions {
  /** 'long': one row per coding (default); 'wide': one row per segment, one 0/1 column per code. */
  shape?: CsvShape;
  /** Start with a UTF-8 byte order mark so Excel reads the file as UTF-8 (default true). */
  bom?: boolean;
  /** Neutralise cells that a spreadsheet would run as a formula (default true). */
  excelSafe?: boolean;
  /** Only these documents. */
  documentIds?: readonly string[];
  /** Only codings of these codes … */
  codeIds?: readonly string[];
  /** … and of the codes below them (default true). */
  includeDescendants?: boolean;
  /** Only codings by this coder. */
  coder?: string;
}

export interface CsvTable {
  header: string[];
  rowCount: number;
  row(index: number): Cell[];
  /** Segments in the table that could not be placed in the current text (written with empty offsets). */
  unplaced: number;
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

/** A segment and its codings that pass the filters (segments with none are left out). */
interface Selected {
  segment: Segment;
  codings: Coding[];
}

function selectCodings(data: ProjectData, options: CsvOptions, codeFilter: Set<string> | null): Selected[] {
  const documentFilter = options.documentIds ? new Set(options.documentIds) : null;
  const { coder } = options;
  const selected: Selected[] = [];
  for (const segment of data.segments) {
    if (documentFilter && !documentFilter.has(segment.documentId)) continue;
    const codings = segment.codings.filter(
      (c) => (coder === undefined || c.coder === coder) && (!codeFilter || codeFilter.has(c.codeId)),
    );
    if (codings.length) selected.push({ segment, codings });
  }
  return selected;
}

/** Per-document facts a row needs, computed once per document (cells already Excel-safe). */
interface DocumentFacts {
  order: number;
  title: string;
  date: string;
  idCell: string;
  toCodePoint: ((utf16: number) => number) | null;
  pageStarts: readonly number[] | null;
  /** The attribute columns' cells, in ProjectData.attributes order. */
  attributeCells: string[];
}

function documentFactsLookup(
  documents: readonly ProjectDocument[],
  attributes: readonly { id: string }[],
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
        date: text(doc?.date ?? ''),
        idCell: text(id),
        toCodePoint: doc ? codePointIndex(doc.text) : null,
        pageStarts: doc?.pageStarts ?? null,
        attributeCells: attributes.map((a) => text(doc?.attributes?.[a.id] ?? '')),
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

/** A selected segment with what its rows share: document facts and the position cells. */
interface SegmentRow extends Selected {
  facts: DocumentFacts;
  start: Cell;
  end: Cell;
  placement: PlacementStatus;
}

/**
 * Offsets in code points when the segment was placed in its document's current text; empty
 * when it was not (or its document is not in the export): never offsets that slice wrong.
 */
function segmentRows(data: ProjectData, selected: readonly Selected[], factsOf: (id: string) => DocumentFacts): SegmentRow[] {
  return selected.map(({ segment, codings }) => {
    const facts = factsOf(segment.documentId);
    const cp = facts.toCodePoint;
    const placement = cp ? placementOf(data, segment.id) : 'unplaced';
    const placed = placement !== 'unplaced';
    return { segment, codings, facts, placement, start: placed ? cp!(segment.start) : '', end: placed ? cp!(segment.end) : '' };
  });
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Corpus order, then position in the text, then id (stable for equal spans). */
function compareSegmentRows(a: SegmentRow, b: SegmentRow): number {
  return (
    a.facts.order - b.facts.order || a.segment.start - b.segment.start || a.segment.end - b.segment.end || byId(a.segment, b.segment)
  );
}

export function buildCsvTable(data: ProjectData, options: CsvOptions = {}): CsvTable {
  const safe = options.excelSafe ?? true;
  const text = safe ? excelSafeCell : (value: string) => value;
  const codeFilter = selectedCodeIds(data.codes, options);
  const attributes = data.attributes ?? [];
  const factsOf = documentFactsLookup(data.documents, attributes, text);
  // page: only when some document came from a PDF; then one column per attribute.
  const withPages = data.documents.some((d) => d.pageStarts !== undefined);
  const extraHeader = [...(withPages ? ['page'] : []), ...attributes.map((a) => `attr_${a.name}`)];
  const extraCells = (row: SegmentRow): Cell[] => {
    const cells: Cell[] = row.facts.attributeCells;
    if (!withPages) return cells;
    const page = row.facts.pageStarts && row.placement !== 'unplaced' ? pageAt(row.facts.pageStarts, row.segment.start) : '';
    return [page, ...cells];
  };
  const codeFacts = codeFactsLookup(data.codes, text);
  const segments = segmentRows(data, selectCodings(data, options, codeFilter), factsOf);
  const unplaced = segments.filter((s) => s.placement === 'unplaced').length;

  if ((options.shape ?? 'long') === 'long') {
    const entries: Array<{ row: SegmentRow; coding: Coding; code: CodeFacts }> = [];
    for (const row of segments) for (const coding of row.codings) entries.push({ row, coding, code: codeFacts(coding.codeId) });
    entries.sort(
      (a, b) =>
        compareSegmentRows(a.row, b.row) ||
        a.code.rank - b.code.rank ||
        a.coding.coder.localeCompare(b.coding.coder) ||
        a.coding.createdAt.localeCompare(b.coding.createdAt) ||
        byId(a.coding, b.coding),
    );
    return {
      header: [...LONG_COLUMNS, ...extraHeader],
      rowCount: entries.length,
      unplaced,
      row(i) {
        const { row, coding, code } = entries[i]!;
        const s = row.segment;
        // One array literal in column order (LONG_COLUMNS): no per-row temporaries.
        return [
          text(s.id),
          row.facts.idCell,
          row.facts.title,
          row.facts.date,
          code.nameCell,
          code.pathCell,
          row.start,
          row.end,
          row.placement,
          text(s.quote),
          text(s.prefix),
          text(s.suffix),
          text(s.memo),
          text(coding.coder),
          text(utcIso(coding.createdAt)),
          text(utcIso(s.updatedAt)),
          ...extraCells(row),
        ];
      },
    };
  }

  const columnCodes = flattenTree(data.codes)
    .map(({ code }) => code)
    .filter((c) => !codeFilter || codeFilter.has(c.id));
  const taken = new Set<string>([...SEGMENT_COLUMNS, ...extraHeader]);
  const codeHeaders = columnCodes.map((c) => {
    // A code path that repeats a fixed column or another code's path gets its id appended.
    let header = codeFacts(c.id).pathCell;
    if (taken.has(header)) header = `${header} [${c.id}]`;
    taken.add(header);
    return header;
  });
  const fixed = SEGMENT_COLUMNS.length + extraHeader.length;
  const columnOf = new Map<string, number>();
  columnCodes.forEach((c, k) => {
    if (!columnOf.has(c.id)) columnOf.set(c.id, fixed + k);
  });
  // A code listed twice (a malformed tree) has two columns; both read 1 when it is applied.
  const repeatedColumns = columnOf.size !== columnCodes.length;
  segments.sort(compareSegmentRows);
  const width = fixed + columnCodes.length;
  return {
    header: [...SEGMENT_COLUMNS, ...extraHeader, ...codeHeaders],
    rowCount: segments.length,
    unplaced,
    row(i) {
      const row = segments[i]!;
      const s = row.segment;
      const coders = [...new Set(row.codings.map((c) => c.coder))].sort((a, b) => a.localeCompare(b));
      const cells: Cell[] = new Array<Cell>(width);
      // SEGMENT_COLUMNS order.
      cells[0] = text(s.id);
      cells[1] = row.facts.idCell;
      cells[2] = row.facts.title;
      cells[3] = row.facts.date;
      cells[4] = row.start;
      cells[5] = row.end;
      cells[6] = row.placement;
      cells[7] = text(s.quote);
      cells[8] = text(s.prefix);
      cells[9] = text(s.suffix);
      cells[10] = text(s.memo);
      cells[11] = text(coders.join(CODERS_SEPARATOR));
      cells[12] = text(utcIso(s.createdAt));
      cells[13] = text(utcIso(s.updatedAt));
      extraCells(row).forEach((cell, k) => (cells[SEGMENT_COLUMNS.length + k] = cell));
      cells.fill(0, fixed);
      // A code counts when any of the selected codings has it.
      if (repeatedColumns) {
        const applied = new Set(row.codings.map((c) => c.codeId));
        columnCodes.forEach((c, k) => {
          if (applied.has(c.id)) cells[fixed + k] = 1;
        });
      } else {
        for (const coding of row.codings) {
          const k = columnOf.get(coding.codeId);
          if (k !== undefined) cells[k] = 1;
        }
      }
      return cells;
    },
  };
}
