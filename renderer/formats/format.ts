/**
 * What an exchange format is to the app: how the dialogs offer it (label, hint, file names)
 * and how a job runs it (export: ProjectData → file content; import: file bytes → what comes
 * in). Each format's folder exports its FormatDefinition(s); registry.ts lists them, and the
 * Export and Import dialogs are generated from that list.
 */
import type { Attribute, Code, DocumentInfo, DocumentMemo, ImportedDocument, Segment } from '../domain/model';
import type { Backup } from './backup/backup';
import type { CsvOptions } from './csv/csvTable';
import type { ProjectData } from './projectData';

export interface ExportOptions {
  now: Date;
  /** The analyst (REFI-QDA creating user). */
  userName: string;
  /** The corpus name, for labels inside the file. */
  projectName?: string;
  /** The filters and settings of the CSV options panel (the format sets the shape). */
  csv?: Omit<CsvOptions, 'shape'>;
  onProgress?: (done: number, total: number) => void;
  /** Checked while writing; when it returns true the export stops with ExportCancelled. */
  cancelled?: () => boolean;
}

export interface ProducedExport {
  content: string;
  encoding: 'utf8' | 'base64';
  /** Data rows written (CSV). */
  rows?: number;
  /** Segments written without offsets: their passage was not found in the current text (CSV, W3C). */
  unplaced?: number;
  /** Segments not written at all: the format needs positions they lack (.qdpx). */
  leftOut?: number;
}

export interface ExportDefinition {
  hint: string;
  /** Appended to "marginalia-coding-YYYY-MM-DD". */
  fileSuffix: string;
  /**
   * The corpus texts the export reads. 'none': it writes the stored rows as they are (a backup
   * is the project, not an export of it); 'coded': the coded documents' texts, to place their
   * segments and count code points; 'all': it carries every document.
   */
  texts: 'none' | 'coded' | 'all';
  /** The options panel the dialog shows with it: the document/code/coder filters and CSV settings. */
  options?: 'csv';
  /** Why there is nothing to export (shown before trying), or null. */
  unavailable?: (project: { codes: readonly Code[] }) => string | null;
  write(data: ProjectData, options: ExportOptions): Promise<ProducedExport>;
}

/** Documents, codes, segments and memos a file adds to the project, and what it could not represent. */
export interface Additions {
  documents: ImportedDocument[];
  codes: Code[];
  segments: Segment[];
  memos: DocumentMemo[];
  report: string[];
  /** Document attributes the file defines beyond kind, place and date (REFI-QDA variables), and each document's values. */
  attributes?: Attribute[];
  documentInfo?: DocumentInfo[];
}

/** What an imported file brings, by what it may do to the project. */
export type Incoming =
  /** A whole Marginalia project: it replaces the current one or merges into it (the analyst chooses); `report` says what was changed on the way in. */
  | { kind: 'project'; backup: Backup; report: string[] }
  /** Merged in: codes matched by path, documents already in the corpus not copied. */
  | { kind: 'additions'; additions: Additions }
  /** Codes merged into the codebook. */
  | { kind: 'codebook'; codes: Code[]; report: string[] };

export interface ImportFileInfo {
  name: string;
  now: string;
  /** Aborted when the analyst gives up on the import (closes the Import dialog). */
  signal?: AbortSignal;
}

/** A file of a folder the analyst picked: its path inside that folder ('/'-separated, without the folder's own name). */
export interface FolderFile {
  path: string;
  blob: Blob;
}

/** A format read from one file the analyst picks. */
export interface FileImportDefinition {
  picks: 'file';
  hint: string;
  /**
   * Reads and checks the file; throws an Error whose message tells the analyst what is wrong
   * with it, or ImportCancelled once `signal` is aborted (its worker is stopped then).
   */
  read(bytes: Uint8Array, file: ImportFileInfo): Promise<Incoming>;
}

/** A format read from a folder the analyst picks (a Marginalia project folder). */
export interface FolderImportDefinition {
  picks: 'folder';
  hint: string;
  /** What to pick, said next to the chooser: the folder picker shows folders only. */
  pickHint: string;
  /**
   * Reads and checks the folder's files (`file.name` is the folder's name); throws as `read` of
   * a file does. Files it has no use for are never read.
   */
  read(files: readonly FolderFile[], file: ImportFileInfo): Promise<Incoming>;
}

export type ImportDefinition = FileImportDefinition | FolderImportDefinition;

/**
 * A file that becomes a document of the project (txt, md, html, docx, pdf). The conversion itself
 * is converters/ (shared with main/'s --corpus folder), run off the main thread by
 * formats/documents/; the definition only says how the Add documents dialog offers it.
 */
export interface DocumentDefinition {
  hint: string;
}

export interface FormatDefinition {
  id: string;
  /** How the dialogs name it (tests and assistive technology find it by this name). */
  label: string;
  /** File name extensions without the dot, offered by the file chooser on import. */
  extensions: readonly string[];
  mimeType: string;
  /**
   * Whether a file's first bytes (at most SNIFF_BYTES, see sniff.ts) look like this format: lets
   * the Import dialog read a file as what it is, whichever format was selected. Looks, never parses.
   */
  looksLike?: (head: Uint8Array) => boolean;
  export?: ExportDefinition;
  import?: ImportDefinition;
  document?: DocumentDefinition;
}

export class ExportCancelled extends Error {
  override name = 'ExportCancelled';
}

export class ImportCancelled extends Error {
  override name = 'ImportCancelled';
}

/** One turn of the event loop (and a frame in a browser), so a busy state can paint. */
export const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
