/**
 * Which converter reads a file, by its extension. The renderer's format registry names the same
 * converters (renderer/formats/{txt,md,html,docx,pdf}). Importing this loads pdf.js and mammoth: main/
 * asks converters/kinds.ts and converts in a worker (main/conversion).
 */
import type { ConvertedDocument, DocumentConverter } from './convert';
import { convertDocx } from './docx/convertDocx';
import { convertHtml } from './html/convertHtml';
import { DOCUMENT_KIND_EXTENSIONS, documentKindOf, unknownKindRefusal, type DocumentKind } from './kinds';
import { convertMarkdown } from './md/convertMarkdown';
import { convertPdf } from './pdf/convertPdf';
import { decodeTxt } from './txt/decodeTxt';

export type { ConvertedDocument, DocumentConverter, DocumentProvenance } from './convert';
export { RefusedDocument, refusalReason } from './convert';
export { CONVERTERS_VERSION, DOCUMENT_EXTENSIONS, documentKindOf, extensionOf, type DocumentKind } from './kinds';
export { pageAt } from './pdf/pages';

type Converters = Readonly<Record<DocumentKind, { extensions: readonly string[]; convert: DocumentConverter }>>;

export const DOCUMENT_CONVERTERS: Converters = {
  txt: { extensions: DOCUMENT_KIND_EXTENSIONS.txt, convert: decodeTxt },
  md: { extensions: DOCUMENT_KIND_EXTENSIONS.md, convert: convertMarkdown },
  html: { extensions: DOCUMENT_KIND_EXTENSIONS.html, convert: convertHtml },
  docx: { extensions: DOCUMENT_KIND_EXTENSIONS.docx, convert: convertDocx },
  pdf: { extensions: DOCUMENT_KIND_EXTENSIONS.pdf, convert: convertPdf },
};

/** Converts a file by its name's extension; refuses one no converter reads. */
export function convertDocument(fileName: string, bytes: Uint8Array): Promise<ConvertedDocument> {
  const kind = documentKindOf(fileName);
  if (!kind) return Promise.reject(unknownKindRefusal());
  return DOCUMENT_CONVERTERS[kind].convert(bytes);
}
