/**
 * Which converter reads a file, by its extension. The renderer's format registry names the same
 * converters (renderer/formats/{txt,md,html,docx,pdf}); main/ uses this table for --corpus folders.
 */
import { RefusedDocument, type ConvertedDocument, type DocumentConverter } from './convert';
import { convertDocx } from './docx/convertDocx';
import { convertHtml } from './html/convertHtml';
import { convertMarkdown } from './md/convertMarkdown';
import { convertPdf } from './pdf/convertPdf';
import { decodeTxt } from './txt/decodeTxt';

export type { ConvertedDocument, DocumentConverter, DocumentProvenance } from './convert';
export { RefusedDocument, refusalReason } from './convert';
export { pageAt } from './pdf/pages';

/**
 * The converters' output version: raise it whenever a converter gives another text, warnings or
 * page starts for the same file, so that conversions cached on disk (main/corpus) are made again.
 * 2: PDF text keeps the zero-width joiners of emoji sequences. 3: PDF text has Arabic letters for
 * presentation forms, and no U+0000. 4: right-to-left runs drawn a glyph at a time in reading order.
 */
export const CONVERTERS_VERSION = 4;

export type DocumentKind = 'txt' | 'md' | 'html' | 'docx' | 'pdf';

export const DOCUMENT_CONVERTERS: Readonly<Record<DocumentKind, { extensions: readonly string[]; convert: DocumentConverter }>> = {
  txt: { extensions: ['txt', 'text'], convert: decodeTxt },
  md: { extensions: ['md', 'markdown'], convert: convertMarkdown },
  html: { extensions: ['html', 'htm', 'xhtml'], convert: convertHtml },
  docx: { extensions: ['docx'], convert: convertDocx },
  pdf: { extensions: ['pdf'], convert: convertPdf },
};

const KINDS = Object.keys(DOCUMENT_CONVERTERS) as DocumentKind[];

/** The extension of a file name, lower-case, without the dot ('' when it has none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

export function documentKindOf(fileName: string): DocumentKind | null {
  const extension = extensionOf(fileName);
  return KINDS.find((kind) => DOCUMENT_CONVERTERS[kind].extensions.includes(extension)) ?? null;
}

/** Every extension a document can be added from. */
export const DOCUMENT_EXTENSIONS: readonly string[] = KINDS.flatMap((kind) => DOCUMENT_CONVERTERS[kind].extensions);

/** Converts a file by its name's extension; refuses one no converter reads. */
export function convertDocument(fileName: string, bytes: Uint8Array): Promise<ConvertedDocument> {
  const kind = documentKindOf(fileName);
  if (!kind) {
    return Promise.reject(
      new RefusedDocument(`its type is not one that can be added (${DOCUMENT_EXTENSIONS.map((e) => `.${e}`).join(', ')})`),
    );
  }
  return DOCUMENT_CONVERTERS[kind].convert(bytes);
}
