/**
 * Building the ProjectData every export reads, from what the app holds: the document listing
 * (corpus documents and imported ones), their texts, and the store snapshot.
 */
import type { ProjectData, ProjectDocument } from '../../formats/projectData';
import type { Code, DocumentMemo, ImportedDocument, Segment, Settings } from '../../domain/model';
import type { ExportFormat } from '../../formats/registry';
import type { ReadableDocument } from '../../ui/useCorpus';

/** A document as the Documents list knows it (see ui/useCorpus). */
export type ListedDocument = ReadableDocument;

export interface ProjectState {
  codes: readonly Code[];
  segments: readonly Segment[];
  memos: readonly DocumentMemo[];
  /** Imported documents (their text lives here). */
  documents: readonly ImportedDocument[];
  settings: Settings;
}

/**
 * The corpus documents whose text a format needs (imported ones carry their text already):
 * a backup and a codebook need none; CSV and annotations need the coded ones (to convert
 * offsets to code points); a .qdpx carries every document.
 */
export function corpusTextsNeeded(
  format: ExportFormat,
  documents: readonly ListedDocument[],
  segments: readonly Segment[],
): string[] {
  if (format === 'backup' || format === 'qdc') return [];
  const corpus = documents.filter((d) => d.origin === 'corpus');
  if (format === 'qdpx') return corpus.map((d) => d.id);
  const coded = new Set(segments.map((s) => s.documentId));
  return corpus.filter((d) => coded.has(d.id)).map((d) => d.id);
}

/**
 * ProjectData in listing order. Texts come from `texts` for corpus documents and from the
 * imported rows otherwise; a document whose text was not needed gets an empty text.
 */
export function buildProjectData(
  listing: readonly ListedDocument[],
  texts: ReadonlyMap<string, string>,
  state: ProjectState,
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
    };
  });
  return {
    documents,
    codes: [...state.codes],
    segments: [...state.segments],
    memos: [...state.memos],
    settings: state.settings,
    importedDocuments: [...state.documents],
  };
}

/** Distinct coders of the segments, sorted, for the coder filter. */
export function codersOf(segments: readonly Segment[]): string[] {
  return [...new Set(segments.map((s) => s.coder))].sort((a, b) => a.localeCompare(b));
}
