/**
 * What lies between words, compared loosely: folded like the words (’ is ', – is -) and any
 * run of white space equal to one space, so a phrase typed with one space finds it across a
 * line break or the double space after a full stop.
 */
import { foldQuery, foldText, sourceOffset } from '../textFold';
import { FULL_FOLD } from './vocabulary';

const WHITE_RUN = /\s+/g;

/** A query's separator or edge as compared (folded, white space collapsed). */
export function normaliseSeparator(text: string): string {
  return foldQuery(text, FULL_FOLD).replace(WHITE_RUN, ' ');
}

/** The folded, collapsed form of text[from, to) with, for each of its units, the source offset it came from (plus the end). */
export function foldSeparator(text: string, from: number, to: number): { text: string; from: number[] } {
  const raw = text.slice(from, to);
  if (raw === ' ') return { text: ' ', from: [from, to] };
  const folded = foldText(raw, FULL_FOLD);
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < folded.text.length; i++) {
    const ch = folded.text[i]!;
    if (/\s/.test(ch)) {
      if (out.endsWith(' ')) continue;
      out += ' ';
    } else out += ch;
    map.push(from + sourceOffset(folded, i));
  }
  map.push(to);
  return { text: out, from: map };
}

/** Whether text[from, to) separates two words as `separator` (normalised) does. */
export function sameSeparator(text: string, from: number, to: number, separator: string): boolean {
  if (to - from === 1 && separator.length === 1) {
    const unit = text.charCodeAt(from);
    if (unit === separator.charCodeAt(0)) return true;
    if (unit < 0x80 && separator !== ' ') return false;
  }
  return foldSeparator(text, from, to).text === separator;
}
