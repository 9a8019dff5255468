/**
 * Plain text in whatever encoding it came: UTF-8 (with or without a BOM), UTF-16 with a BOM, or
 * else a single-byte Western encoding, named in a warning so the analyst can check the accents.
 * Binary files (NUL bytes, or mostly control characters) are refused rather than shown as noise.
 */
import { decodeStrictUtf8 } from '../../common/text/utf8';
import { RefusedDocument, type ConvertedDocument } from '../convert';
import { documentText } from '../text';

/** Control characters other than tab, LF, FF and CR: a few happen in text, many mean binary. */
const STRAY_CONTROLS = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;
const MAX_STRAY_CONTROL_SHARE = 0.01;

export async function decodeTxt(bytes: Uint8Array): Promise<ConvertedDocument> {
  const { raw, warnings } = decodePlainText(bytes);
  return { text: documentText(raw), provenance: {}, warnings };
}

export function decodePlainText(bytes: Uint8Array): { raw: string; warnings: string[] } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(decodeUtf16(bytes.subarray(2), 'utf-16le'), []);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(decodeUtf16(bytes.subarray(2), 'utf-16be'), []);
  if (bytes.includes(0)) {
    throw new RefusedDocument('it contains NUL bytes: a binary file (or UTF-16 without a byte order mark), not text');
  }
  const utf8 = decodeStrictUtf8(bytes);
  if (utf8.ok) return checked(utf8.text, []);
  return checked(...decodeSingleByte(bytes));
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new RefusedDocument(`it starts as UTF-16 but is not valid ${encoding.toUpperCase()}`);
  }
}

/**
 * Not UTF-8: Windows-1252 when it uses 0x80–0x9F (curly quotes, dashes, €: printable there,
 * control codes in Latin-1), Latin-1 (ISO-8859-1) otherwise — the two agree on every other byte.
 */
function decodeSingleByte(bytes: Uint8Array): [string, string[]] {
  const usesWindowsRange = bytes.some((b) => b >= 0x80 && b <= 0x9f);
  if (usesWindowsRange) {
    return [singleByte(bytes, WINDOWS_1252_HIGH), ['not UTF-8: read as Windows-1252; check accented letters and quotes']];
  }
  return [singleByte(bytes, null), ['not UTF-8: read as Latin-1 (ISO-8859-1); check accented letters']];
}

/**
 * Windows-1252's characters for 0x80–0x9F (WHATWG's table; the five unassigned bytes stay C1
 * codes). Decoded by hand: Node's TextDecoder reads 'windows-1252' as Latin-1.
 */
const WINDOWS_1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** Each byte its code point (Latin-1), or from `high` for 0x80–0x9F. */
function singleByte(bytes: Uint8Array, high: string | null): string {
  const units = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    units[i] = high !== null && b >= 0x80 && b <= 0x9f ? high[b - 0x80]! : String.fromCharCode(b);
  }
  return units.join('');
}

function checked(raw: string, warnings: string[]): { raw: string; warnings: string[] } {
  const strays = raw.match(STRAY_CONTROLS)?.length ?? 0;
  if (raw.includes('\u0000') || strays > Math.max(1, raw.length * MAX_STRAY_CONTROL_SHARE)) {
    throw new RefusedDocument('it looks like a binary file (control characters), not text');
  }
  return { raw, warnings };
}
