/**
 * What every export and exchange format reads: the corpus documents (with their normalised
 * text, so offsets can be converted to code points) and the coding state.
 */
import type { Code, DocumentMemo, ImportedDocument, Segment, Settings } from '../domain/model';

export interface ProjectDocument {
  id: string;
  title: string;
  kind: string | null;
  place: string | null;
  date: string | null;
  sha256: string;
  /** Normalised text (BOM stripped, LF line ends, NFC): segment offsets index into it. */
  text: string;
}

export interface ProjectData {
  /** In corpus order; exports list documents in this order. */
  documents: ProjectDocument[];
  codes: Code[];
  segments: Segment[];
  memos: DocumentMemo[];
  settings: Settings;
  /** Documents that came in through an import; a backup carries them in full (they live only in IndexedDB). */
  importedDocuments?: ImportedDocument[];
}
