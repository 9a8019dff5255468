/**
 * What "Code all hits" codes for a hit: the hit itself, its sentence, its paragraph (line) or
 * the hit with N characters each side. Sentences end at . ! ? … (Arabic ؟ too) followed by
 * white space, closing quotes or brackets allowed in between; a full stop after an initial
 * ("U.S.", "J. Smith") or a known abbreviation ("Mr.", "e.g.", "No.") does not end one, nor
 * does one followed by a lower-case word.
 */
import { snapToCharacters, trimSpan } from '../segments';
import type { Span } from '../span';

export const HIT_SPANS = ['hit', 'sentence', 'paragraph', 'around'] as const;
export type HitSpanRule = (typeof HIT_SPANS)[number];

export interface HitSpanChoice {
  rule: HitSpanRule;
  /** Characters each side, for 'around'. */
  around: number;
}

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof st jr sr rev gen col lt sgt capt cmdr adm gov sen rep pres amb hon ' +
    'e.g i.e cf vs al approx ca no nos vol fig p pp ed eds dept est inc ltd co corp ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mt ft art para'
  ).split(' '),
);

const TERMINATORS = '.!?\u2026\u061f\u06d4\u3002\uff01\uff1f';
const CLOSERS = '"\')]}\u2019\u201d\u00bb\u203a';
const LINE_BREAK = '\n';
const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

/** The line around [start, end): from after the line break before to the one after. */
export function paragraphOf(text: string, start: number, end: number): Span {
  const from = text.lastIndexOf(LINE_BREAK, start - 1) + 1;
  const next = text.indexOf(LINE_BREAK, Math.max(end, from));
  return { start: from, end: next < 0 ? text.length : next };
}

/** The word (letters and inner full stops) that ends just before `offset`. */
function wordBefore(text: string, offset: number, floor: number): string {
  let i = offset;
  while (i > floor && /[\p{L}\p{M}.]/u.test(text[i - 1]!)) i--;
  return text.slice(i, offset);
}

/** Whether the terminator at `at` (its closers passed, `next` is after them) ends a sentence. */
function endsSentence(text: string, at: number, next: number, lineEnd: number, lineStart: number): boolean {
  if (next < lineEnd && !isSpace(text[next])) return false;
  if (text[at] !== '.') return true;
  let k = next;
  while (k < lineEnd && isSpace(text[k])) k++;
  if (k < lineEnd && /[\p{Ll}]/u.test(text[k]!)) return false; // "approx. five", "etc. and"
  const word = wordBefore(text, at, lineStart);
  if (word === '') return true;
  if (word.includes('.')) return false; // U.S. — an abbreviation with inner full stops
  if ([...word].length === 1 && /\p{Lu}/u.test(word)) return false; // an initial
  return !ABBREVIATIONS.has(word.toLowerCase());
}

/** The sentence around [start, end) within its line; a hit across sentences gets all of them. */
export function sentenceOf(text: string, start: number, end: number): Span {
  const line = paragraphOf(text, start, end);
  let sentenceStart = line.start;
  let sentenceEnd = line.end;
  for (let i = line.start; i < line.end; i++) {
    if (!TERMINATORS.includes(text[i]!)) continue;
    let next = i + 1;
    while (next < line.end && (TERMINATORS.includes(text[next]!) || CLOSERS.includes(text[next]!))) next++;
    if (!endsSentence(text, i, next, line.end, line.start)) {
      i = next - 1;
      continue;
    }
    if (next <= start) sentenceStart = next;
    else if (next >= end) {
      sentenceEnd = next;
      break;
    }
    i = next - 1;
  }
  return { start: sentenceStart, end: sentenceEnd };
}

/** The span to code for a hit, snapped to whole characters and trimmed of white space (null: nothing left). */
export function spanForHit(text: string, hit: Span, choice: HitSpanChoice): Span | null {
  let span: Span;
  switch (choice.rule) {
    case 'sentence':
      span = sentenceOf(text, hit.start, hit.end);
      break;
    case 'paragraph':
      span = paragraphOf(text, hit.start, hit.end);
      break;
    case 'around': {
      const n = Math.max(0, Math.floor(choice.around));
      span = { start: Math.max(0, hit.start - n), end: Math.min(text.length, hit.end + n) };
      break;
    }
    default:
      span = hit;
  }
  const snapped = snapToCharacters(text, span.start, span.end);
  return trimSpan(text, snapped.start, snapped.end);
}
