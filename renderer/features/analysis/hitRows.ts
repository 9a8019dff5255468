/** Query hits with what the results list and their CSV show: the stored segment, its codes and coders under the restriction. */
import { codePath, codesById } from '../../domain/codeTree';
import type { Hit } from '../../domain/analysis/requests';
import type { Code, Segment } from '../../domain/model';
import type { SegmentTable } from '../../domain/segmentTable';
import type { CsvCell } from './tableCsv';

export interface HitRow {
  hit: Hit;
  segment: Segment;
  documentTitle: string;
  /** Code paths of the codings that count. */
  codes: string[];
  coders: string[];
}

export function hitRows(
  hits: readonly Hit[],
  segments: SegmentTable,
  codes: readonly Code[],
  titles: ReadonlyMap<string, string>,
  coders: readonly string[] | null,
): HitRow[] {
  const byId = codesById(codes);
  const byDocument = new Map<string, Map<string, Segment>>();
  const rows: HitRow[] = [];
  for (const hit of hits) {
    let inDocument = byDocument.get(hit.documentId);
    if (!inDocument) byDocument.set(hit.documentId, (inDocument = new Map(segments.inDocument(hit.documentId).map((s) => [s.id, s]))));
    const segment = inDocument.get(hit.segmentId);
    if (!segment) continue; // removed since the answer was computed; the next answer drops it
    const codings = segment.codings.filter((c) => byId.has(c.codeId) && (!coders || coders.includes(c.coder)));
    rows.push({
      hit,
      segment,
      documentTitle: titles.get(hit.documentId) ?? hit.documentId,
      codes: [...new Set(codings.map((c) => codePath(byId, c.codeId)))],
      coders: [...new Set(codings.map((c) => c.coder))],
    });
  }
  return rows;
}

export const HIT_CSV_HEADER = ['document_id', 'document_title', 'segment_id', 'start', 'end', 'quote', 'prefix', 'suffix', 'codes', 'coders', 'memo'];

export function hitCsvRows(rows: readonly HitRow[]): CsvCell[][] {
  return rows.map((r) => [
    r.hit.documentId,
    r.documentTitle,
    r.segment.id,
    r.hit.start,
    r.hit.end,
    r.segment.quote,
    r.segment.prefix,
    r.segment.suffix,
    r.codes.join('; '),
    r.coders.join('; '),
    r.segment.memo,
  ]);
}
