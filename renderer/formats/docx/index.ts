/** Word document (.docx) as a document to add: converted off the main thread by converters/docx/. */
import type { FormatDefinition } from '../format';

export const docxDocument: FormatDefinition = {
  id: 'docx',
  label: 'Word document (.docx)',
  extensions: ['docx'],
  mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  document: { hint: 'Paragraphs, headings, lists and tables (cells separated by tabs); footnotes and endnotes at the end.' },
};
