import { describe, expect, it } from 'vitest';
import { decodeStrictUtf8, firstInvalidUtf8Offset, normaliseText, sha256Hex } from './normalise';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('normaliseText', () => {
  it('strips a leading BOM only', () => {
    expect(normaliseText('\uFEFFabc')).toBe('abc');
    expect(normaliseText('a\uFEFFb')).toBe('a\uFEFFb');
  });
  it('turns CRLF and lone CR into LF', () => {
    expect(normaliseText('a\r\nb\rc\n\r\nd\r')).toBe('a\nb\nc\n\nd\n');
  });
  it('composes to NFC', () => {
    const out = normaliseText('Caf' + 'e\u0301');
    expect(out).toBe('Café');
    expect(out.length).toBe(4);
  });
  it('leaves emoji, Arabic and already-composed text untouched', () => {
    const text = 'سلام 👩🏽‍💻 Daesh/ISIS — “quoted” 𝒜';
    expect(normaliseText(text)).toBe(text);
  });
});

describe('decodeStrictUtf8', () => {
  it('decodes valid UTF-8 and keeps the BOM for normaliseText to strip', () => {
    const result = decodeStrictUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('é👍')]));
    expect(result).toEqual({ ok: true, text: '\uFEFFé👍' });
  });
  it('rejects Latin-1 bytes and says where', () => {
    const result = decodeStrictUtf8(bytes(0x61, 0x62, 0xe9, 0x63));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/not valid UTF-8 \(first invalid byte at offset 2\)/);
  });
});

describe('firstInvalidUtf8Offset agrees with the fatal TextDecoder', () => {
  const cases: Array<[string, Uint8Array, number]> = [
    ['ascii', bytes(0x41, 0x42), -1],
    ['4-byte emoji', bytes(0xf0, 0x9f, 0x91, 0x8d), -1],
    ['stray continuation', bytes(0x41, 0x80), 1],
    ['overlong 2-byte', bytes(0xc0, 0xaf), 0],
    ['overlong 3-byte', bytes(0xe0, 0x80, 0xaf), 0],
    ['UTF-16 surrogate', bytes(0x41, 0xed, 0xa0, 0x80), 1],
    ['above U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ['truncated at end', bytes(0x41, 0x42, 0xe2, 0x82), 2],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      expect(firstInvalidUtf8Offset(input)).toBe(expected);
      expect(decodeStrictUtf8(input).ok).toBe(expected === -1);
    });
  }
});

describe('sha256Hex', () => {
  it('hashes the UTF-8 bytes as lower-case hex', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
