/**
 * A REFI-QDA source's text as Marginalia keeps it (the rule of ../../normaliseText.ts, done here
 * step by step because the positions are mapped through each step) and the
 * conversion of its selection positions — code points of the ORIGINAL text — to UTF-16
 * offsets into the normalised text.
 *
 * Tools disagree on line ends: the standard counts every code point (CRLF = 2), some tools
 * count CRLF as one character. When the text has CRLFs, both readings are tried and the one
 * under which the selections look right wins (quotes matching selection names, boundaries at
 * word edges, nothing beyond the end or between CR and LF); a tie goes to the standard.
 */

import { codePointWidth } from '../../../common/text/codePoints';
import type { Span } from '../../domain/span';

export type LineEndConvention = 'crlf-as-two' | 'crlf-as-one';

/** A selection as the .qdpx gives it: code points of the original text. */
export interface SourceSelection extends Span {
  /** The selection's name, which many tools set to the quoted text. */
  name?: string;
}

/**
 * cpToLf[k] = UTF-16 offset in the LF text (before NFC) of code point boundary k under a
 * convention. A boundary between CR and LF maps before the line break.
 */
function boundaryTable(raw: string, convention: LineEndConvention): Uint32Array {
  const table: number[] = [];
  let lf = 0;
  for (let i = 0; i < raw.length; ) {
    const c = raw.charCodeAt(i);
    if (c === 0x0d) {
      const pair = raw.charCodeAt(i + 1) === 0x0a;
      table.push(lf);
      if (pair && convention === 'crlf-as-two') table.push(lf);
      lf += 1;
      i += pair ? 2 : 1;
      continue;
    }
    table.push(lf);
    const width = codePointWidth(raw, i);
    lf += width;
    i += width;
  }
  table.push(lf);
  return Uint32Array.from(table);
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
const isWordAt = (text: string, i: number) => i >= 0 && i < text.length && WORD.test(text[i]!);

function score(lfText: string, table: Uint32Array, spans: readonly SourceSelection[]): number {
  let total = 0;
  const last = table.length - 1;
  for (const { start, end, name } of spans) {
    if (start < 0 || end > last || start > end) {
      total -= 1000;
      continue;
    }
    const s = table[start]!;
    const e = table[end]!;
    // Both boundaries of a CRLF map to one LF offset: a boundary inside a CRLF is suspicious.
    if (start > 0 && table[start - 1] === s) total -= 5;
    if (end > 0 && table[end - 1] === e) total -= 5;
    if (!(isWordAt(lfText, s) && isWordAt(lfText, s - 1))) total += 1;
    if (!(isWordAt(lfText, e) && isWordAt(lfText, e - 1))) total += 1;
    if (name) {
      const quote = lfText.slice(s, e);
      const wanted = name.replace(/\r\n?/g, '\n');
      const stem = wanted.endsWith('…') ? wanted.slice(0, -1) : wanted;
      if (quote === wanted || (stem.length > 0 && stem !== wanted && quote.startsWith(stem))) total += 20;
    }
  }
  return total;
}

/** Maps LF-text offsets to NFC-text offsets, assuming NFC does not join across the given offsets. */
function nfcMapper(lfText: string, offsets: readonly number[]): (offset: number) => number {
  if (lfText.normalize('NFC') === lfText) return (o) => o;
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const mapped = new Map<number, number>();
  let previous = 0;
  let length = 0;
  for (const o of sorted) {
    length += lfText.slice(previous, o).normalize('NFC').length;
    mapped.set(o, length);
    previous = o;
  }
  return (o) => mapped.get(o) ?? lfText.slice(0, o).normalize('NFC').length;
}

export interface ConvertedSource {
  text: string;
  convention: LineEndConvention;
  /** Whether the original had CRLFs, i.e. whether the convention mattered. */
  hadCrlf: boolean;
  /** UTF-16 offsets into `text`, or null when the span lies outside the text. */
  spans: Array<Span | null>;
}

export function convertSource(raw: string, spans: readonly SourceSelection[]): ConvertedSource {
  const original = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const lfText = original.replace(/\r\n?/g, '\n');
  const text = lfText.normalize('NFC');
  const hadCrlf = original.includes('\r\n');
  let convention: LineEndConvention = 'crlf-as-two';
  let table = boundaryTable(original, convention);
  if (hadCrlf) {
    const asOne = boundaryTable(original, 'crlf-as-one');
    if (score(lfText, asOne, spans) > score(lfText, table, spans)) {
      convention = 'crlf-as-one';
      table = asOne;
    }
  }
  const last = table.length - 1;
  const lfSpans = spans.map(({ start, end }) =>
    Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= last && start <= end
      ? { start: table[start]!, end: table[end]! }
      : null,
  );
  const toNfc = nfcMapper(lfText, lfSpans.flatMap((s) => (s ? [s.start, s.end] : [])));
  return {
    text,
    convention,
    hadCrlf,
    spans: lfSpans.map((s) => (s ? { start: Math.min(text.length, toNfc(s.start)), end: Math.min(text.length, toNfc(s.end)) } : null)),
  };
}
