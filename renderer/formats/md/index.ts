/** Markdown (.md) as a document to add: converted off the main thread by converters/md/. */
import type { FormatDefinition } from '../format';

export const mdDocument: FormatDefinition = {
  id: 'md',
  label: 'Markdown (.md)',
  extensions: ['md', 'markdown'],
  mimeType: 'text/markdown',
  document: { hint: 'The text as rendered: headings, paragraphs and list items as lines, markup removed.' },
};
