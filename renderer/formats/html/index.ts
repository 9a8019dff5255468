/** Web page (.html) as a document to add: converted off the main thread by converters/html/. */
import type { FormatDefinition } from '../format';

export const htmlDocument: FormatDefinition = {
  id: 'html',
  label: 'Web page (.html)',
  extensions: ['html', 'htm', 'xhtml'],
  mimeType: 'text/html',
  document: { hint: 'Visible text only: scripts, styles and comments dropped, nothing loaded or run.' },
};
