import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './bytes';
import { randomBytes, randomText, seededRandom } from './testing/randomText';

const nodeBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('bytesToBase64 and base64ToBytes', () => {
  it('match the RFC 4648 test vectors', () => {
    const vectors: Array<[string, string]> = [
      ['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy'],
    ];
    for (const [text, base64] of vectors) {
      const bytes = new TextEncoder().encode(text);
      expect(bytesToBase64(bytes)).toBe(base64);
      expect(base64ToBytes(base64)).toEqual(bytes);
    }
  });

  it('agree with Node on random bytes of every length up to 300, both ways', () => {
    const random = seededRandom(5);
    for (let length = 0; length <= 300; length++) {
      const bytes = randomBytes(random, length);
      const base64 = bytesToBase64(bytes);
      expect(base64).toBe(nodeBase64(bytes));
      expect(base64ToBytes(base64)).toEqual(bytes);
    }
  });

  it('carry UTF-8 text with emoji, Arabic, combining marks and CRLF unchanged', () => {
    const text = `Cafe\u0301 👩🏽‍💻\r\nالتحالف\r${randomText(seededRandom(9), 500)}`;
    const bytes = new TextEncoder().encode(text);
    expect(new TextDecoder().decode(base64ToBytes(bytesToBase64(bytes)))).toBe(text);
  });

  it('round-trip 10 MB of random bytes', () => {
    const bytes = randomBytes(seededRandom(6), 10 * 1024 * 1024 + 1);
    const base64 = bytesToBase64(bytes);
    expect(base64).toBe(nodeBase64(bytes));
    // Buffer.compare: an element-by-element toEqual takes minutes on 10 MB.
    expect(Buffer.compare(base64ToBytes(base64), bytes)).toBe(0);
  });

  it('refuse malformed base64 instead of decoding it to other bytes', () => {
    for (const bad of ['Zg', 'Zg=', 'Zm9v\n', 'Zm 9', 'Zm9v====', 'Z===', '=Zm9', 'Zm=v', 'Zh==', 'Zm9-', 'Zm9_', 'Zm9é', '😀😀']) {
      expect(() => base64ToBytes(bad), JSON.stringify(bad)).toThrow(/not valid base64/);
    }
  });
});
