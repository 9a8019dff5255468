/** Plain text (.txt) as a document to add: converted off the main thread by converters/txt/. */
import type { FormatDefinition } from '../format';

export const txtDocument: FormatDefinition = {
  id: 'txt',
  label: 'Plain text (.txt)',
  extensions: ['txt', 'text'],
  mimeType: 'text/plain',
  document: { hint: 'UTF-8, UTF-16 with a byte order mark, or a Western single-byte encoding (named when used).' },
};
