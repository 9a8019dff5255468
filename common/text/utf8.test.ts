import { describe, expect, it } from 'vitest';
import { randomBytes, randomText, seededRandom } from '../testing/randomText';
import { decodeStrictUtf8, decodeText, firstInvalidUtf8Offset } from './utf8';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + 2 * i, text.charCodeAt(i), littleEndian);
  return out;
}

const MIXED = 'Cafe\u0301 👩🏽‍💻\r\nالتحالف\rend\n';

describe('decodeStrictUtf8', () => {
  it('decodes emoji, Arabic, combining marks and CRLF as they are, keeping the BOM for normaliseText', () => {
    expect(decodeStrictUtf8(utf8(MIXED))).toEqual({ ok: true, text: MIXED });
    expect(decodeStrictUtf8(bytes(0xef, 0xbb, 0xbf, ...utf8('é👍')))).toEqual({ ok: true, text: '\uFEFFé👍' });
  });

  it('rejects Latin-1 bytes and says where', () => {
    const result = decodeStrictUtf8(bytes(0x61, 0x62, 0xe9, 0x63));
    expect(result).toEqual({ ok: false, message: 'not valid UTF-8 (first invalid byte at offset 2); re-save the file as UTF-8' });
  });

  it('round-trips random mixed-script text', () => {
    const random = seededRandom(7);
    for (let n = 0; n < 200; n++) {
      const text = randomText(random, Math.floor(random() * 300));
      expect(decodeStrictUtf8(utf8(text))).toEqual({ ok: true, text });
    }
  });
});

describe('firstInvalidUtf8Offset agrees with the fatal TextDecoder', () => {
  const cases: Array<[string, Uint8Array, number]> = [
    ['ascii', bytes(0x41, 0x42), -1],
    ['4-byte emoji', bytes(0xf0, 0x9f, 0x91, 0x8d), -1],
    ['Arabic', utf8('سلام'), -1],
    ['stray continuation', bytes(0x41, 0x80), 1],
    ['overlong 2-byte', bytes(0xc0, 0xaf), 0],
    ['overlong 3-byte', bytes(0xe0, 0x80, 0xaf), 0],
    ['UTF-16 surrogate', bytes(0x41, 0xed, 0xa0, 0x80), 1],
    ['above U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ['truncated at end', bytes(0x41, 0x42, 0xe2, 0x82), 2],
    ['emoji cut after its third byte', bytes(...utf8('ok '), 0xf0, 0x9f, 0x98, 0x41), 3],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      expect(firstInvalidUtf8Offset(input)).toBe(expected);
      expect(decodeStrictUtf8(input).ok).toBe(expected === -1);
    });
  }

  it('on random text with one random byte overwritten', () => {
    const random = seededRandom(11);
    const fatal = new TextDecoder('utf-8', { fatal: true });
    for (let n = 0; n < 500; n++) {
      const input = utf8(randomText(random, 1 + Math.floor(random() * 60)));
      input[Math.floor(random() * input.length)] = randomBytes(random, 1)[0]!;
      let valid = true;
      try {
        fatal.decode(input);
      } catch {
        valid = false;
      }
      const offset = firstInvalidUtf8Offset(input);
      expect(offset === -1, Array.from(input).join(',')).toBe(valid);
      // Everything before the reported offset is well-formed on its own.
      if (!valid) expect(() => fatal.decode(input.subarray(0, offset))).not.toThrow();
    }
  });
});

describe('decodeText (files inside exchange archives)', () => {
  it('drops a UTF-8 BOM and keeps everything else, CRLF included', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, ...utf8(MIXED)), 'a.txt')).toBe(MIXED);
    expect(decodeText(utf8(MIXED), 'a.txt')).toBe(MIXED);
    expect(decodeText(new Uint8Array(0), 'empty.txt')).toBe('');
  });

  it('reads UTF-16 little- and big-endian after their byte order marks', () => {
    expect(decodeText(utf16(MIXED, true), 'le.txt')).toBe(MIXED);
    expect(decodeText(utf16(MIXED, false), 'be.txt')).toBe(MIXED);
  });

  it('refuses bytes that are not UTF-8, naming the file and the offset', () => {
    expect(() => decodeText(bytes(0x61, 0xe9), 'project.qde')).toThrow(
      'project.qde is not valid UTF-8 (first invalid byte at offset 1); re-save the file as UTF-8.',
    );
  });
});
