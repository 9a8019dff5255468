/**
 * Base64 (RFC 4648, standard alphabet, padded): how binary files such as .qdpx archives travel
 * as strings between the renderer, the preload bridge and the main process. Plain TypeScript
 * rather than atob/btoa (binary strings, a call-size limit, and lenient about bad input) or
 * Buffer (Node only).
 */

/** 6-bit value → character code of the alphabet. */
const ALPHABET = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
const PAD = 0x3d; // '='

/** Character code → 6-bit value, or -1 for characters outside the alphabet. */
const SEXTET = new Int16Array(128).fill(-1);
ALPHABET.forEach((code, value) => (SEXTET[code] = value));

export function bytesToBase64(bytes: Uint8Array): string {
  const codes = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let out = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const triple = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    codes[out++] = ALPHABET[triple >>> 18]!;
    codes[out++] = ALPHABET[(triple >>> 12) & 63]!;
    codes[out++] = ALPHABET[(triple >>> 6) & 63]!;
    codes[out++] = ALPHABET[triple & 63]!;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const pair = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    codes[out++] = ALPHABET[pair >>> 18]!;
    codes[out++] = ALPHABET[(pair >>> 12) & 63]!;
    codes[out++] = rest === 2 ? ALPHABET[(pair >>> 6) & 63]! : PAD;
    codes[out++] = PAD;
  }
  // The codes are ASCII, which UTF-8 decodes one to one (and far faster than String.fromCharCode).
  return new TextDecoder().decode(codes);
}

/**
 * The bytes of padded base64. Anything else — white space, the URL-safe alphabet, missing
 * padding, bits after the padding — throws: a damaged export or import must fail loudly rather
 * than turn into different bytes.
 */
export function base64ToBytes(base64: string): Uint8Array {
  if (base64.length % 4 !== 0) throw new Error('not valid base64: the length is not a multiple of 4');
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((base64.length / 4) * 3 - padding);
  let out = 0;
  for (let i = 0; i < base64.length; i += 4) {
    const last = i + 4 === base64.length;
    const a = sextetAt(base64, i);
    const b = sextetAt(base64, i + 1);
    const c = last && padding === 2 ? 0 : sextetAt(base64, i + 2);
    const d = last && padding > 0 ? 0 : sextetAt(base64, i + 3);
    const quad = (a << 18) | (b << 12) | (c << 6) | d;
    bytes[out++] = quad >>> 16;
    if (out < bytes.length) bytes[out++] = (quad >>> 8) & 255;
    if (out < bytes.length) bytes[out++] = quad & 255;
    // The bits a padded group leaves unused must be zero, or two strings would decode alike.
    if (last && (padding === 2 ? quad & 0xffff : padding === 1 ? quad & 0xff : 0) !== 0) {
      throw new Error('not valid base64: non-zero bits before the padding');
    }
  }
  return bytes;
}

function sextetAt(base64: string, index: number): number {
  const code = base64.charCodeAt(index);
  const value = code < 128 ? SEXTET[code]! : -1;
  if (value < 0) throw new Error(`not valid base64: unexpected character at offset ${index}`);
  return value;
}
