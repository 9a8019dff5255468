import { describe, expect, it } from 'vitest';
import { blend, contrastRatio, hexToRgb, HIGHLIGHT_ALPHA, nextColour, PALETTE } from './palette';

const WHITE = hexToRgb('#ffffff');
const DARK = hexToRgb('#1e1e1e');
const DARK_TEXT = hexToRgb('#1e1e1e');
const LIGHT_TEXT = hexToRgb('#d4d4d4');

describe('PALETTE', () => {
  it('has at least 12 distinct #RRGGBB colours, far enough apart to tell codes apart', () => {
    expect(PALETTE.length).toBeGreaterThanOrEqual(12);
    for (const colour of PALETTE) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(PALETTE).size).toBe(PALETTE.length);
    for (const [i, a] of PALETTE.entries()) {
      for (const b of PALETTE.slice(i + 1)) {
        const [x, y] = [hexToRgb(a), hexToRgb(b)];
        const distance = Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
        expect(distance, `${a} vs ${b}`).toBeGreaterThan(40);
      }
    }
  });

  it.each(PALETTE)('%s is a visible, readable translucent highlight on white and on #1e1e1e', (colour) => {
    const onWhite = blend(hexToRgb(colour), WHITE, HIGHLIGHT_ALPHA);
    const onDark = blend(hexToRgb(colour), DARK, HIGHLIGHT_ALPHA);
    expect(contrastRatio(onWhite, WHITE)).toBeGreaterThan(1.2); // the highlight shows
    expect(contrastRatio(onWhite, DARK_TEXT)).toBeGreaterThanOrEqual(7); // WCAG AAA for the text on it
    expect(contrastRatio(onDark, DARK)).toBeGreaterThan(1.4);
    expect(contrastRatio(onDark, LIGHT_TEXT)).toBeGreaterThanOrEqual(4.5); // WCAG AA
  });
});

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio(hexToRgb('#000000'), hexToRgb('#ffffff'))).toBeCloseTo(21, 5);
    expect(contrastRatio(hexToRgb('#777777'), hexToRgb('#ffffff'))).toBeCloseTo(4.48, 2);
    expect(() => hexToRgb('red')).toThrow();
  });
});

describe('nextColour', () => {
  it('takes the first colour no code uses (case-insensitively), then cycles', () => {
    expect(nextColour([])).toBe(PALETTE[0]);
    expect(nextColour([{ colour: PALETTE[0]!.toUpperCase() }, { colour: PALETTE[2]! }])).toBe(PALETTE[1]);
    const all = PALETTE.map((colour) => ({ colour }));
    expect(nextColour(all)).toBe(PALETTE[PALETTE.length % PALETTE.length]);
    expect(nextColour([...all, { colour: '#000000' }])).toBe(PALETTE[1]);
  });
});
