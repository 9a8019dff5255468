import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { randomText, seededRandom } from '../testing/randomText';
import { sha256Hex } from './sha256';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with node:crypto at every length around the padding boundaries', () => {
    // 55 bytes is the last length whose padding fits in one block; 56 needs two.
    for (let length = 0; length <= 200; length++) {
      const text = 'x'.repeat(length);
      expect(sha256Hex(text), `length ${length}`).toBe(nodeSha256(text));
    }
  });

  it('agrees with node:crypto on emoji, Arabic, combining marks, CRLF and lone surrogates', () => {
    for (const text of ['👩🏽‍💻 🇸🇦', 'التحالف الدولي', 'Cafe\u0301 q\u0307', 'a\r\nb\rc\n', '\uD800 lone \uDC00', '\uFEFFBOM']) {
      expect(sha256Hex(text), JSON.stringify(text)).toBe(nodeSha256(text));
    }
  });

  it('agrees with node:crypto on random mixed-script strings', () => {
    const random = seededRandom(1);
    for (let n = 0; n < 300; n++) {
      const text = randomText(random, Math.floor(random() * 400));
      expect(sha256Hex(text), JSON.stringify(text)).toBe(nodeSha256(text));
    }
  });

  it('agrees with node:crypto on a 5 MB string', () => {
    const text = randomText(seededRandom(2), 5 * 1024 * 1024);
    expect(sha256Hex(text)).toBe(nodeSha256(text));
  });
});
