/** PDF (.pdf) as a document to add: converted off the main thread by converters/pdf/. */
import type { FormatDefinition } from '../format';
import { startsWith } from '../sniff';

export const pdfDocument: FormatDefinition = {
  id: 'pdf',
  label: 'PDF (.pdf)',
  extensions: ['pdf'],
  mimeType: 'application/pdf',
  looksLike: (head) => startsWith(head, [...'%PDF-'].map((c) => c.charCodeAt(0))),
  document: { hint: 'The text layer, page by page (codings report their page); scanned pages have no text.' },
};
