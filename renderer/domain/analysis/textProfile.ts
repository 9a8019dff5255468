/** A document text's size in characters and words, where its words start and where its lines start (paragraphs in the viewer). */
import { isWhiteSpace } from '../wordTokens';
import type { TextProfile } from './input';

export function profileText(text: string): TextProfile {
  const lineStarts = [0];
  const wordStarts = new Uint32Array((text.length >>> 5) + 1);
  let words = 0;
  let previousWhite = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) lineStarts.push(i + 1);
    const white = isWhiteSpace(c);
    if (!white && previousWhite) {
      words++;
      wordStarts[i >>> 5]! |= 1 << (i & 31);
    }
    previousWhite = white;
  }
  return { length: text.length, words, lineStarts: Int32Array.from(lineStarts), wordStarts };
}
