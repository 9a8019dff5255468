/**
 * The project's coded segments as the UI reads them: grouped by document, with counts per
 * document and per code. A change costs in proportion to the documents it touches, not to
 * the project: measured in a project of 100,000 segments, recomputing the counts and copying
 * the whole list on every change made one coding take ~80 ms; the open document's list is
 * all a coding needs to touch.
 *
 * Immutable: `apply` returns a new table and keeps every untouched document's list (the same
 * array), so views over one document re-render only when that document changes.
 */
import type { Segment } from './model';

/** Rows by segment id; null = the segment does not exist (removed, or not yet created). */
export type SegmentRows = Readonly<Record<string, Segment | null>>;

const NONE: readonly Segment[] = Object.freeze([]);
/** No rows (without a prototype: see rowsById). */
const NO_ROWS: SegmentRows = Object.freeze(Object.create(null) as SegmentRows);
/** Up to this many rows a change is applied row by row (see applyFew), beyond it document by document. */
const FEW_ROWS = 16;

/** Codings per code and per coder. */
interface Counts {
  byCode: Map<string, number>;
  byCoder: Map<string, number>;
}

function bump(counts: Map<string, number>, key: string, by: 1 | -1): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n > 0) counts.set(key, n);
  else counts.delete(key);
}

function tally(counts: Counts, segment: Segment, by: 1 | -1): void {
  for (const coding of segment.codings) {
    bump(counts.byCode, coding.codeId, by);
    bump(counts.byCoder, coding.coder, by);
  }
}

const copyCounts = (table: SegmentTable): Counts => ({ byCode: new Map(table.codeCounts), byCoder: new Map(table.coderCounts) });

/** A row of `rows` by id, undefined when absent — never an inherited property ("constructor" is an id like any other). */
const rowOf = (rows: SegmentRows, id: string): Segment | null | undefined => (Object.hasOwn(rows, id) ? rows[id] : undefined);

export class SegmentTable {
  static readonly empty = new SegmentTable(new Map(), { byCode: new Map(), byCoder: new Map() }, 0);
  private everything: readonly Segment[] | null = null;
  /** How many codings each code has (codes with none are absent). */
  readonly codeCounts: ReadonlyMap<string, number>;
  /** How many codings each coder made (coders with none are absent). */
  readonly coderCounts: ReadonlyMap<string, number>;

  private constructor(
    private readonly byDocument: ReadonlyMap<string, readonly Segment[]>,
    counts: Counts,
    /** How many segments the project holds. */
    readonly size: number,
  ) {
    this.codeCounts = counts.byCode;
    this.coderCounts = counts.byCoder;
  }

  static of(segments: readonly Segment[]): SegmentTable {
    const byDocument = new Map<string, Segment[]>();
    const counts: Counts = { byCode: new Map(), byCoder: new Map() };
    for (const s of segments) {
      const list = byDocument.get(s.documentId);
      if (list) list.push(s);
      else byDocument.set(s.documentId, [s]);
      tally(counts, s, 1);
    }
    return new SegmentTable(byDocument, counts, segments.length);
  }

  /** The segments of one document, in the order they were stored (the same array until it changes). */
  inDocument(documentId: string): readonly Segment[] {
    return this.byDocument.get(documentId) ?? NONE;
  }

  countInDocument(documentId: string): number {
    return this.byDocument.get(documentId)?.length ?? 0;
  }

  find(id: string, documentId?: string): Segment | undefined {
    if (documentId !== undefined) return this.inDocument(documentId).find((s) => s.id === id);
    for (const list of this.byDocument.values()) {
      const hit = list.find((s) => s.id === id);
      if (hit) return hit;
    }
    return undefined;
  }

  /** Every segment, document by document (built on first use, then kept). */
  all(): readonly Segment[] {
    this.everything ??= [...this.byDocument.values()].flat();
    return this.everything;
  }

  /**
   * Applies stored rows. `before` names where the changed rows were (a change's backward
   * patch: the rows as they were before `after` was written); without it, the documents
   * holding those ids are searched. Updated rows keep their place in their document's list,
   * new ones are appended, null removes.
   */
  apply(after: SegmentRows, before: SegmentRows = NO_ROWS): SegmentTable {
    const ids = Object.keys(after);
    if (ids.length === 0) return this;
    return ids.length <= FEW_ROWS ? this.applyFew(ids, after, before) : this.applyMany(ids, after, before);
  }

  /**
   * A coding's change (a row or two): each row is found where it was (by identity, else by id)
   * and edited in a copy of its document's list, so the cost is a copy, not a rebuild.
   */
  private applyFew(ids: readonly string[], after: SegmentRows, before: SegmentRows): SegmentTable {
    const byDocument = new Map(this.byDocument);
    const counts = copyCounts(this);
    let size = this.size;
    const copies = new Map<string, Segment[]>();
    const edit = (documentId: string): Segment[] => {
      let list = copies.get(documentId);
      if (!list) {
        list = [...this.inDocument(documentId)];
        copies.set(documentId, list);
        byDocument.set(documentId, list);
      }
      return list;
    };
    for (const id of ids) {
      const next = rowOf(after, id) ?? null;
      const known = rowOf(before, id);
      const old = known !== undefined ? known : (this.find(id) ?? null);
      let replaced = false;
      for (const documentId of new Set([old?.documentId, next?.documentId])) {
        if (documentId === undefined) continue;
        const list = edit(documentId);
        // `old` null: the row did not exist (a new segment), nothing to look for.
        let at = old && old.documentId === documentId ? list.indexOf(old) : -1;
        if (at < 0 && old) at = list.findIndex((s) => s.id === id);
        if (at < 0) continue;
        tally(counts, list[at]!, -1);
        size--;
        if (next && next.documentId === documentId) {
          list[at] = next;
          tally(counts, next, 1);
          size++;
          replaced = true;
        } else list.splice(at, 1);
      }
      if (next && !replaced) {
        edit(next.documentId).push(next);
        tally(counts, next, 1);
        size++;
      }
    }
    for (const [documentId, list] of copies) if (list.length === 0) byDocument.delete(documentId);
    return new SegmentTable(byDocument, counts, size);
  }

  /**
   * Applies a change again over a table read from storage meanwhile, which may already hold
   * some of its rows although `before` says they did not exist: every touched document is
   * rebuilt, so no row is doubled.
   */
  reapply(after: SegmentRows, before: SegmentRows): SegmentTable {
    const ids = Object.keys(after);
    return ids.length === 0 ? this : this.applyMany(ids, after, before);
  }

  /** Many rows at once (a document read ahead, an import): one pass over each touched document. */
  private applyMany(ids: readonly string[], after: SegmentRows, before: SegmentRows): SegmentTable {
    const touched = new Set<string>();
    for (const id of ids) {
      const known = rowOf(before, id);
      const old = known !== undefined ? known : this.find(id);
      if (old) touched.add(old.documentId);
      const next = rowOf(after, id);
      if (next) touched.add(next.documentId);
    }
    const byDocument = new Map(this.byDocument);
    const counts = copyCounts(this);
    let size = this.size;
    const placed = new Set<string>();
    for (const documentId of touched) {
      const list: Segment[] = [];
      for (const row of this.inDocument(documentId)) {
        if (!Object.hasOwn(after, row.id)) {
          list.push(row);
          continue;
        }
        tally(counts, row, -1);
        size--;
        const next = rowOf(after, row.id);
        if (next && next.documentId === documentId && !placed.has(row.id)) {
          list.push(next);
          tally(counts, next, 1);
          size++;
          placed.add(row.id);
        }
      }
      byDocument.set(documentId, list);
    }
    for (const id of ids) {
      const next = rowOf(after, id);
      if (!next || placed.has(id)) continue;
      (byDocument.get(next.documentId) as Segment[]).push(next);
      tally(counts, next, 1);
      size++;
    }
    for (const documentId of touched) if (byDocument.get(documentId)!.length === 0) byDocument.delete(documentId);
    return new SegmentTable(byDocument, counts, size);
  }
}
