import { describe, expect, it } from 'vitest';
import { randomText, seededRandom } from '../testing/randomText';
import { normaliseText } from './normalise';

describe('normaliseText (the one rule behind every offset)', () => {
  it('strips the BOM, turns CRLF and CR into LF, composes to NFC', () => {
    expect(normaliseText('\uFEFFCafe\u0301 🙂\r\nالتحالف\rend\n')).toBe('Café 🙂\nالتحالف\nend\n');
  });
  it('strips a leading BOM only', () => {
    expect(normaliseText('\uFEFFabc')).toBe('abc');
    expect(normaliseText('a\uFEFFb')).toBe('a\uFEFFb');
  });
  it('turns every CRLF and lone CR into one LF, keeping blank lines', () => {
    expect(normaliseText('a\r\nb\rc\n\r\nd\r')).toBe('a\nb\nc\n\nd\n');
    expect(normaliseText('\r\r\n\n')).toBe('\n\n\n');
  });
  it('composes combining marks where a precomposed character exists, and only there', () => {
    const out = normaliseText('Cafe\u0301');
    expect([out, out.length]).toEqual(['Café', 4]);
    // q + combining dot above has no precomposed form: it stays two code units.
    expect(normaliseText('q\u0307')).toBe('q\u0307');
  });
  it('leaves emoji, Arabic and already-composed text untouched', () => {
    const text = 'سلام 👩🏽‍💻 Daesh/ISIS — “quoted” 𝒜 🇸🇦';
    expect(normaliseText(text)).toBe(text);
  });
  it('is idempotent on random mixed-script text', () => {
    const random = seededRandom(3);
    for (let n = 0; n < 200; n++) {
      // Only one BOM is stripped: a text starting with two would lose the second on a second pass.
      const once = normaliseText(randomText(random, 200).replace(/^\uFEFF+/, ''));
      expect(normaliseText(once)).toBe(once);
    }
  });
});
