/**
 * Where each document's segments stand in its current text, asked by anyone who needs offsets:
 * the reader, exports, search, analysis. Placing is cached per document and keyed by the text's
 * hash, so a document placed once (opened, or exported) is not placed again until its rows or
 * its text change, and a coding re-places only the rows it changed (see domain/placement.ts).
 */
import { placeDocumentSegments, type DocumentPlacement } from '../domain/placement';
import type { Segment } from '../domain/model';
import type { PlacementStatus } from '../formats/projectData';
import { quoteSelector } from '../domain/segments';


export interface ExportPlacement {
  /**
   * The document's segments as exports must write them: offsets, quote and context taken in
   * the current text (so `text[start:end] === quote`); unplaced ones as stored.
   */
  segments: Segment[];
  status: ReadonlyMap<string, PlacementStatus>;
}

export class Placements {
  private readonly byDocument = new Map<string, DocumentPlacement>();

  /** The document's segments placed in `text` (whose sha256 is `documentHash`). */
  place(documentId: string, segments: readonly Segment[], text: string, documentHash: string): DocumentPlacement {
    const previous = this.byDocument.get(documentId);
    const from = previous?.from;
    if (previous && from!.segments === segments && from!.documentHash === documentHash && from!.text === text) return previous;
    const placement = placeDocumentSegments(segments, text, documentHash, previous);
    this.byDocument.set(documentId, placement);
    return placement;
  }

  /** Forgets a document (e.g. removed): its next placing starts afresh. */
  forget(documentId: string): void {
    this.byDocument.delete(documentId);
  }
}

/** Turns a document's placement into rows an export can write (see ExportPlacement). */
export function exportPlacement(placement: DocumentPlacement, text: string): ExportPlacement {
  const status = new Map<string, PlacementStatus>();
  const segments: Segment[] = [];
  const moved = new Set(placement.stale.filter((p) => p.moved).map((p) => p.segment.id));
  for (const s of placement.placed) {
    if (moved.has(s.id)) {
      segments.push({ ...s, ...quoteSelector(text, s.start, s.end) });
      status.set(s.id, 'moved');
    } else {
      segments.push(s);
      status.set(s.id, 'exact');
    }
  }
  for (const s of placement.unplaced) {
    segments.push(s);
    status.set(s.id, 'unplaced');
  }
  return { segments, status };
}
