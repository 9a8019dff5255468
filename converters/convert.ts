/**
 * Document converters: a file's bytes → the normalised text the app codes, with provenance (PDF
 * page starts) and warnings worth telling the analyst. Pure (no DOM, Node or Electron), so the
 * renderer runs them in a Web Worker and main/ runs the same ones for a --corpus folder.
 */
export interface DocumentProvenance {
  /** PDF: where each page's text starts (UTF-16 offsets into the normalised text), page 1 first. */
  pageStarts?: number[];
}

export interface ConvertedDocument {
  /** Normalised (common/text/normalise.ts): the text every offset is taken in. */
  text: string;
  provenance: DocumentProvenance;
  /** Things the analyst should know, e.g. "read as Windows-1252". */
  warnings: string[];
}

/** A file that cannot become a document, with the reason in the analyst's words. */
export class RefusedDocument extends Error {
  override name = 'RefusedDocument';
}

export type DocumentConverter = (bytes: Uint8Array) => Promise<ConvertedDocument>;

/** The reason to show for whatever a converter threw. */
export function refusalReason(error: unknown): string {
  if (error instanceof RefusedDocument) return error.message;
  return `it could not be read (${error instanceof Error ? error.message : String(error)})`;
}
