/**
 * Bytes → text, strictly. Silently replacing bad bytes with U+FFFD would change the text analysts
 * quote, so a file that is not well-formed is refused with the place where it goes wrong.
 * Corpus files (main) must be UTF-8; files inside exchange archives (renderer) may also be
 * UTF-16 with a byte order mark, as some QDA tools write them.
 */

export type DecodeResult = { ok: true; text: string } | { ok: false; message: string };

/**
 * Decodes UTF-8 and refuses anything else. A leading BOM is kept: normaliseText strips it, so the
 * rule lives in one place.
 */
export function decodeStrictUtf8(bytes: Uint8Array): DecodeResult {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    return { ok: false, message: `not valid UTF-8 (first invalid byte at offset ${offset}); re-save the file as UTF-8` };
  }
}

/** Byte offset of the first byte that does not start a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i]!;
    if (b0 < 0x80) {
      i += 1;
      continue;
    }
    // Lead byte → sequence length and the allowed range of the second byte (RFC 3629 table),
    // which excludes overlong forms, UTF-16 surrogates and code points above U+10FFFF.
    let length: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf) length = 2;
    else if (b0 >= 0xe0 && b0 <= 0xef) {
      length = 3;
      if (b0 === 0xe0) lo = 0xa0;
      if (b0 === 0xed) hi = 0x9f;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      length = 4;
      if (b0 === 0xf0) lo = 0x90;
      if (b0 === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const b = bytes[i + k];
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (b === undefined || b < min || b > max) return i;
    }
    i += length;
  }
  return -1;
}

/**
 * Decodes a text file from an exchange archive: UTF-16 when it starts with a UTF-16 byte order
 * mark, strict UTF-8 otherwise (BOM optional). The BOM is removed; throws an Error naming the file.
 */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const decoded = decodeStrictUtf8(bytes);
  if (!decoded.ok) throw new Error(`${fileName} is ${decoded.message}.`);
  return decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
}
