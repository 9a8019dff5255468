/**
 * Building the ProjectData every export reads, from what the project holds: the document
 * listing (corpus documents and imported ones), their texts, the store snapshot, and the
 * placements — so an export writes offsets valid in each document's current text, also for
 * a document whose text changed and that nobody opened since.
 */
import type { ExportDefinition } from '../../formats/format';
import type { PlacementStatus, ProjectData, ProjectDocument } from '../../formats/projectData';
import type { Attribute, Code, DocumentInfo, DocumentMemo, ImportedDocument, SavedSearch, Segment, Settings } from '../../domain/model';
import { allAttributes } from '../../domain/documents/attributes';
import type { SegmentTable } from '../../domain/segmentTable';
import type { ReadableDocument } from '../corpus';
import { exportPlacement, type Placements } from '../placements';

export interface ProjectState {
  codes: readonly Code[];
  segments: Pick<SegmentTable, 'all' | 'inDocument'>;
  memos: readonly DocumentMemo[];
  /** Imported documents (their text lives here). */
  documents: readonly ImportedDocument[];
  settings: Settings;
  /** Attributes the analyst defined (absent: none beyond kind, place and date). */
  attributes?: readonly Attribute[];
  documentInfo?: readonly DocumentInfo[];
  savedSearches?: readonly SavedSearch[];
}

/**
 * The corpus documents whose text an export reads (imported ones carry their text already):
 * see ExportDefinition.texts.
 */
export function corpusTextsNeeded(
  texts: ExportDefinition['texts'],
  documents: readonly ReadableDocument[],
  segments: readonly Segment[],
): string[] {
  if (texts === 'none') return [];
  const corpus = documents.filter((d) => d.origin === 'corpus');
  if (texts === 'all') return corpus.map((d) => d.id);
  const coded = new Set(segments.map((s) => s.documentId));
  return corpus.filter((d) => coded.has(d.id)).map((d) => d.id);
}

/**
 * ProjectData in listing order. Texts come from `texts` for corpus documents and from the
 * imported rows otherwise; a document whose text was not needed gets an empty text.
 *
 * With `placements` (the caller read the coded documents' texts), every coded document is
 * placed and its segments are written as placed: offsets, quote and context of the current
 * text, unplaced ones as stored; segments of a document not in the listing are unplaced.
 * Without (a backup, a codebook), the stored rows are written as they are.
 */
export function buildProjectData(
  listing: readonly ReadableDocument[],
  texts: ReadonlyMap<string, string>,
  state: ProjectState,
  placements?: Placements,
): ProjectData {
  const imported = new Map(state.documents.map((d) => [d.id, d]));
  const documents: ProjectDocument[] = listing.map((d) => {
    const local = d.origin === 'imported' ? imported.get(d.id) : undefined;
    return {
      id: d.id,
      title: d.title,
      kind: d.kind,
      place: d.place,
      date: d.date,
      sha256: d.sha256,
      text: local?.text ?? texts.get(d.id) ?? '',
      ...(d.pageStarts ? { pageStarts: d.pageStarts } : {}),
      ...(d.attributes ? { attributes: d.attributes } : {}),
    };
  });
  const data: ProjectData = {
    documents,
    codes: [...state.codes],
    segments: [...state.segments.all()],
    memos: [...state.memos],
    settings: state.settings,
    importedDocuments: [...state.documents],
    attributes: allAttributes(state.attributes ?? []).map(({ id, name, type }) => ({ id, name, type })),
    attributeRows: [...(state.attributes ?? [])],
    documentInfo: [...(state.documentInfo ?? [])],
    savedSearches: [...(state.savedSearches ?? [])],
  };
  return placements ? placed(data, state, placements) : data;
}

/** `data` with its segments as placed in the current texts, and where each one stands. */
function placed(data: ProjectData, state: ProjectState, placements: Placements): ProjectData {
  const placement = new Map<string, PlacementStatus>();
  const segments: Segment[] = [];
  const listed = new Set<string>();
  for (const doc of data.documents) {
    listed.add(doc.id);
    const stored = state.segments.inDocument(doc.id);
    if (stored.length === 0) continue;
    const exported = exportPlacement(placements.place(doc.id, stored, doc.text, doc.sha256), doc.text);
    segments.push(...exported.segments);
    for (const [id, status] of exported.status) placement.set(id, status);
  }
  for (const s of data.segments) {
    if (listed.has(s.documentId)) continue;
    segments.push(s);
    placement.set(s.id, 'unplaced');
  }
  return { ...data, segments, placement };
}
