/**
 * Which kind of document a file is, by its extension, without loading any converter: main/ asks
 * this on its own thread, while the converters that bring pdf.js and mammoth run in a worker
 * (main/conversion). converters/index.ts pairs each kind with its converter.
 */
import { RefusedDocument } from './convert';

/**
 * The converters' output version: raise it whenever a converter gives another text, warnings or
 * page starts for the same file, so that conversions cached on disk (main/corpus) are made again.
 * 2: PDF text keeps the zero-width joiners of emoji sequences. 3: PDF text has Arabic letters for
 * presentation forms, and no U+0000. 4: right-to-left runs drawn a glyph at a time in reading order.
 */
export const CONVERTERS_VERSION = 4;

export type DocumentKind = 'txt' | 'md' | 'html' | 'docx' | 'pdf';

export const DOCUMENT_KIND_EXTENSIONS: Readonly<Record<DocumentKind, readonly string[]>> = {
  txt: ['txt', 'text'],
  md: ['md', 'markdown'],
  html: ['html', 'htm', 'xhtml'],
  docx: ['docx'],
  pdf: ['pdf'],
};

const KINDS = Object.keys(DOCUMENT_KIND_EXTENSIONS) as DocumentKind[];

/** The extension of a file name, lower-case, without the dot ('' when it has none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

export function documentKindOf(fileName: string): DocumentKind | null {
  const extension = extensionOf(fileName);
  return KINDS.find((kind) => DOCUMENT_KIND_EXTENSIONS[kind].includes(extension)) ?? null;
}

/** Every extension a document can be added from. */
export const DOCUMENT_EXTENSIONS: readonly string[] = KINDS.flatMap((kind) => DOCUMENT_KIND_EXTENSIONS[kind]);

/** The refusal of a file whose extension no converter reads. */
export function unknownKindRefusal(): RefusedDocument {
  return new RefusedDocument(`its type is not one that can be added (${DOCUMENT_EXTENSIONS.map((e) => `.${e}`).join(', ')})`);
}
