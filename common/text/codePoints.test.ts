import { describe, expect, it } from 'vitest';
import { randomText, seededRandom } from '../testing/randomText';
import { codePointIndex, codePointWidth, isHighSurrogate, isLowSurrogate, splitsSurrogatePair } from './codePoints';

/** The text has a pair at 1–2 (😀), a lone high surrogate at 4 and a lone low one at 6. */
const TRICKY = 'a😀b\uD800c\uDC00e';

describe('surrogate helpers', () => {
  it('classify UTF-16 units', () => {
    expect([0xd7ff, 0xd800, 0xdbff, 0xdc00].map(isHighSurrogate)).toEqual([false, true, true, false]);
    expect([0xdbff, 0xdc00, 0xdfff, 0xe000].map(isLowSurrogate)).toEqual([false, true, true, false]);
  });

  it('splitsSurrogatePair is true only between the halves of a real pair', () => {
    const splits = Array.from({ length: TRICKY.length + 2 }, (_, o) => splitsSurrogatePair(TRICKY, o - 1));
    // Offsets -1 … 9: only offset 2 (inside 😀) splits; a lone surrogate has no other half.
    expect(splits.map((s, i) => (s ? i - 1 : null)).filter((o) => o !== null)).toEqual([2]);
  });

  it('codePointWidth counts a pair as 2 and everything else, lone surrogates included, as 1', () => {
    expect(Array.from({ length: TRICKY.length }, (_, i) => codePointWidth(TRICKY, i))).toEqual([1, 2, 1, 1, 1, 1, 1, 1]);
  });

  it('walking by codePointWidth visits exactly the code points, in text with emoji, Arabic, marks and CRLF', () => {
    const random = seededRandom(4);
    for (let n = 0; n < 100; n++) {
      const text = randomText(random, 120);
      const walked: string[] = [];
      const boundaries = new Set([text.length]);
      for (let i = 0; i < text.length; i += codePointWidth(text, i)) {
        walked.push(text.slice(i, i + codePointWidth(text, i)));
        boundaries.add(i);
      }
      expect(walked).toEqual(Array.from(text));
      for (let o = 0; o <= text.length; o++) expect(splitsSurrogatePair(text, o), `offset ${o}`).toBe(!boundaries.has(o));
    }
  });
});

describe('codePointIndex', () => {
  it('counts code points before each UTF-16 offset, rounding up inside a pair', () => {
    const toCp = codePointIndex(TRICKY);
    expect(Array.from({ length: TRICKY.length + 1 }, (_, o) => toCp(o))).toEqual([0, 1, 2, 2, 3, 4, 5, 6, 7]);
  });

  it('clamps out-of-range offsets and gives the total for non-integers', () => {
    const toCp = codePointIndex('😀x');
    expect([toCp(-5), toCp(99), toCp(1.5), toCp(Number.NaN)]).toEqual([0, 2, 2, 2]);
  });

  it('agrees with Array.from at every code point boundary of random mixed-script text', () => {
    const random = seededRandom(8);
    for (let n = 0; n < 50; n++) {
      const text = randomText(random, 300);
      const toCp = codePointIndex(text);
      let utf16 = 0;
      Array.from(text).forEach((cp, index) => {
        expect(toCp(utf16)).toBe(index);
        utf16 += cp.length;
      });
      expect(toCp(text.length)).toBe(Array.from(text).length);
    }
  });
});
