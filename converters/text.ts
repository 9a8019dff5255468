/** The last step of every converter: one normalisation, and a document must hold some text. */
import { normaliseText } from '../common/text/normalise';
import { RefusedDocument } from './convert';

/** Normalises, and refuses a text with nothing but white space in it. */
export function documentText(raw: string, emptyReason = 'it holds no text'): string {
  const text = normaliseText(raw);
  if (text.trim() === '') throw new RefusedDocument(emptyReason);
  return text;
}
