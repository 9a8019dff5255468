import { describe, expect, it } from 'vitest';
import { blend, childColour, contrastRatio, hexToRgb, HIGHLIGHT_ALPHA, isReadableHighlight, nextColour, PALETTE } from './palette';

const WHITE = hexToRgb('#ffffff');
const DARK = hexToRgb('#1e1e1e');
const DARK_TEXT = hexToRgb('#1e1e1e');
const LIGHT_TEXT = hexToRgb('#d4d4d4');

describe('PALETTE', () => {
  it('has at least 24 distinct #RRGGBB colours, far enough apart to tell codes apart', () => {
    expect(PALETTE.length).toBeGreaterThanOrEqual(24);
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
  it('takes the first colour no code uses (case-insensitively): no repeat until all are used', () => {
    expect(nextColour([])).toBe(PALETTE[0]);
    expect(nextColour([{ colour: PALETTE[0]!.toUpperCase() }, { colour: PALETTE[2]! }])).toBe(PALETTE[1]);
    const taken: Array<{ colour: string }> = [{ colour: '#000000' }];
    for (let i = 0; i < PALETTE.length; i++) taken.push({ colour: nextColour(taken) });
    expect(new Set(taken.slice(1).map((c) => c.colour)).size).toBe(PALETTE.length);
  });

  it('then uses each colour a second time before any a third time, earliest first', () => {
    const all = PALETTE.map((colour) => ({ colour }));
    expect(nextColour(all)).toBe(PALETTE[0]);
    expect(nextColour([...all, { colour: PALETTE[0]! }, { colour: PALETTE[0]! }])).toBe(PALETTE[1]);
  });
});

describe('isReadableHighlight', () => {
  it('accepts the palette and refuses colours too light, too dark or invisible', () => {
    for (const colour of PALETTE) expect(isReadableHighlight(colour), colour).toBe(true);
    expect(isReadableHighlight('#ffffff')).toBe(false); // nothing shows on white
    expect(isReadableHighlight('#000000')).toBe(false); // dark text unreadable on it
    expect(isReadableHighlight('#1e1e1e')).toBe(false); // nothing shows on the dark background
  });
});

describe('childColour', () => {
  type Row = { id: string; colour: string; parentId: string | null };
  const parent: Row = { id: 'p', colour: PALETTE[1]!, parentId: null };

  it('gives each child a different readable shade of its parent, near the parent in hue', () => {
    const codes: Row[] = [parent];
    for (let i = 0; i < 3; i++) codes.push({ id: `c${i}`, colour: childColour(codes, 'p'), parentId: 'p' });
    const shades = codes.slice(1).map((c) => c.colour);
    expect(new Set([parent.colour, ...shades]).size).toBe(4);
    for (const shade of shades) {
      expect(isReadableHighlight(shade), shade).toBe(true);
      expect(PALETTE).not.toContain(shade);
      // A shade mixes the parent with white or black: its channels keep the parent's order (blue stays blue).
      const [r, g, b] = hexToRgb(shade);
      expect(b).toBeGreaterThan(r);
      expect(b).toBeGreaterThan(g);
    }
  });

  it('falls back to the palette when no readable shade is left, or the parent is unknown', () => {
    expect(childColour([], 'missing')).toBe(PALETTE[0]);
    const codes: Row[] = [parent];
    for (let i = 0; i < 12; i++) codes.push({ id: `c${i}`, colour: childColour(codes, 'p'), parentId: 'p' });
    expect(PALETTE).toContain(codes.at(-1)!.colour);
  });
});
