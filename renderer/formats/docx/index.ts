/** Word document (.docx) as a document to add: converted off the main thread by converters/docx/. */
import type { FormatDefinition } from '../format';
import { headBytesAsText, isOfficeZip } from '../sniff';

export const docxDocument: FormatDefinition = {
  id: 'docx',
  label: 'Word document (.docx)',
  extensions: ['docx'],
  mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  looksLike: (head) => isOfficeZip(head) && headBytesAsText(head).includes('word/'),
  document: { hint: 'Paragraphs, headings, lists and tables (cells separated by tabs); footnotes and endnotes at the end.' },
};
