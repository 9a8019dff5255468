/**
 * Text decoding and normalisation for corpus documents. Every offset in the app is taken in
 * the text this module produces, so the rules live here once: strict UTF-8, leading BOM
 * stripped, CRLF/CR → LF, Unicode NFC. Pure Node (crypto only), no Electron.
 */
import { createHash } from 'node:crypto';

export type DecodeResult = { ok: true; text: string } | { ok: false; message: string };

/**
 * Decodes bytes as UTF-8 and refuses anything else: silently replacing bad bytes with U+FFFD
 * would change the text analysts quote, so the file is rejected with the place it goes wrong.
 */
export function decodeStrictUtf8(bytes: Uint8Array): DecodeResult {
  try {
    // ignoreBOM keeps a BOM in the output; normaliseText strips it so the rule lives in one place.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text };
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    return {
      ok: false,
      message: `not valid UTF-8 (first invalid byte at offset ${offset}); re-save the file as UTF-8`,
    };
  }
}

/** Byte offset of the first byte that does not start a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i] as number;
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

/** Strips a leading BOM, turns CRLF and lone CR into LF, and composes to NFC (one rule for every host). */
export { normaliseText } from '../../common/text/normalise';

/** Lower-case hex sha256 of the text's UTF-8 bytes: the document's identity for segments. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
