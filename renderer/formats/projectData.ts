/**
 * What every export and exchange format reads: the corpus documents (with their normalised
 * text, so offsets can be converted to code points) and the coding state.
 */
import type { Attribute, Code, DocumentInfo, DocumentMemo, ImportedDocument, Placement, SavedSearch, Segment, Settings } from '../domain/model';

/** exact: where it was coded; moved: re-anchored in a changed text; unplaced: not found in the current text. */
export type PlacementStatus = Placement['status'];

export interface ProjectDocument {
  id: string;
  title: string;
  kind: string | null;
  place: string | null;
  date: string | null;
  sha256: string;
  /** Normalised text (BOM stripped, LF line ends, NFC): segment offsets index into it. */
  text: string;
  /** A PDF's page starts (UTF-16 offsets into `text`): the CSV's page column. */
  pageStarts?: readonly number[];
  /** Attribute values by attribute id (see ProjectData.attributes). */
  attributes?: Readonly<Record<string, string>>;
}

/** A document attribute as exports name it (built-in kind/place/date first). */
export interface ExportedAttribute {
  id: string;
  name: string;
  /** How REFI-QDA types its values (absent: text). */
  type?: 'text' | 'number' | 'date' | 'category';
}

export interface ProjectData {
  /** In corpus order; exports list documents in this order. */
  documents: ProjectDocument[];
  codes: Code[];
  /**
   * Offsets, quote and context in the documents' current texts for placed segments (see
   * project/jobs/exportData.ts); an unplaced segment as stored, its offsets unknown.
   */
  segments: Segment[];
  /**
   * Where each segment stands in its document's current text. A segment without an entry
   * (a fixture, a synthetic project) is taken as exact: its stored offsets are valid.
   */
  placement?: ReadonlyMap<string, PlacementStatus>;
  memos: DocumentMemo[];
  settings: Settings;
  /** Document attributes, one CSV column each (absent: none). */
  attributes?: readonly ExportedAttribute[];
  /** The attribute rows and document rows as stored: a backup carries them (the project, not an export). */
  attributeRows?: Attribute[];
  documentInfo?: DocumentInfo[];
  /** Documents that came in through an import; a backup carries them in full (they live only in IndexedDB). */
  importedDocuments?: ImportedDocument[];
  /** Searches the analyst named: a backup carries them (absent: none). */
  savedSearches?: SavedSearch[];
}

/** Where the segment stands in its document's current text; only a placed one has offsets an export may write. */
export function placementOf(data: ProjectData, segmentId: string): PlacementStatus {
  return data.placement?.get(segmentId) ?? 'exact';
}
