/**
 * How main/ converts a document (the corpus loader; the bench): as converters/convertDocument, but
 * Word and PDF files in the converter thread (converterThread.ts), so that pdf.js and mammoth
 * never load here. Plain text, Markdown and HTML take a moment and are converted on this thread:
 * a corpus of .txt files starts no thread at all.
 */
import type { ConvertedDocument, DocumentConverter } from '../../converters/convert';
import { convertHtml } from '../../converters/html/convertHtml';
import { documentKindOf, unknownKindRefusal, type DocumentKind } from '../../converters/kinds';
import { convertMarkdown } from '../../converters/md/convertMarkdown';
import { decodeTxt } from '../../converters/txt/decodeTxt';
import { ConverterThread } from './converterThread';

const ON_THIS_THREAD: Partial<Record<DocumentKind, DocumentConverter>> = { txt: decodeTxt, md: convertMarkdown, html: convertHtml };

let thread: ConverterThread | null = null;

/** Converts a file by its name's extension (refusalReason says why one is refused). Word and PDF bytes are handed over: their buffer is detached. */
export function convertDocument(fileName: string, bytes: Uint8Array): Promise<ConvertedDocument> {
  const kind = documentKindOf(fileName);
  if (!kind) return Promise.reject(unknownKindRefusal());
  const convertHere = ON_THIS_THREAD[kind];
  if (convertHere) return convertHere(bytes);
  thread ??= new ConverterThread();
  return thread.convert(fileName, bytes);
}
