/** .html/.htm: its visible text (see htmlToText). */
import type { ConvertedDocument } from '../convert';
import { documentText } from '../text';
import { decodePlainText } from '../txt/decodeTxt';
import { htmlToText } from './htmlToText';

export async function convertHtml(bytes: Uint8Array): Promise<ConvertedDocument> {
  const { raw, warnings } = decodePlainText(bytes);
  return { text: documentText(htmlToText(raw), 'it shows no text'), provenance: {}, warnings };
}
