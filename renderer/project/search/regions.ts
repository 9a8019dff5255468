/**
 * The text coded with some codes, per document, as the search engine bounds a search with it:
 * each document's segments carrying one of the codes (any coder), placed in the current text,
 * merged into ranges. A segment coded in this very text needs no placing; a document whose
 * text changed since it was coded is read and placed (the project's placements, cached).
 */
import type { Segment } from '../../domain/model';
import { mergeRanges } from '../../domain/search/hits';
import type { SegmentTable } from '../../domain/segmentTable';
import type { Placements } from '../placements';

export interface RegionSource {
  segments: Pick<SegmentTable, 'inDocument'>;
  placements: Placements;
  /** The current text of a document (only asked when its segments need placing). */
  loadText: (documentId: string) => Promise<string>;
  /** sha256 of each listed document's current text. */
  hashOf: (documentId: string) => string | undefined;
}

const carries = (codeIds: ReadonlySet<string>) => (s: Segment) => s.codings.some((c) => codeIds.has(c.codeId));

export async function codedRanges(documents: readonly string[], codeIds: ReadonlySet<string>, source: RegionSource): Promise<Array<[string, Int32Array]>> {
  const out: Array<[string, Int32Array]> = [];
  const coded = carries(codeIds);
  for (const id of documents) {
    const all = source.segments.inDocument(id);
    const mine = all.filter(coded);
    if (mine.length === 0) continue;
    const hash = source.hashOf(id);
    let spans: readonly Segment[] = mine;
    if (hash === undefined || mine.some((s) => s.documentHash !== hash)) {
      const text = await source.loadText(id);
      spans = source.placements.place(id, all, text, hash ?? '').placed.filter(coded);
    }
    out.push([id, mergeRanges(spans)]);
  }
  return out;
}
