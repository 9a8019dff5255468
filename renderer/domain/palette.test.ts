import { describe, expect, it } from 'vitest';
import {
  blend,
  childColour,
  colourOn,
  contrastRatio,
  hexToRgb,
  HIGHLIGHT_ALPHA,
  isReadableHighlight,
  nextColour,
  PALETTE,
  rgbToHex,
  themeColour,
} from './palette';

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

describe('colourOn: every code colour reads on both themes', () => {
  const backgrounds = { light: WHITE, dark: DARK } as const;
  // Every grey, and a coarse cube of colours: what an analyst might pick in a colour field.
  const greys = Array.from({ length: 256 }, (_, v) => rgbToHex([v, v, v]));
  const steps = [0, 0x33, 0x66, 0x99, 0xcc, 0xff];
  const cube = steps.flatMap((r) => steps.flatMap((g) => steps.map((b) => rgbToHex([r, g, b]))));

  it('the WCAG contrast formula: black on white is 21:1, a colour on itself 1:1', () => {
    expect(contrastRatio(hexToRgb('#000000'), WHITE)).toBeCloseTo(21, 5);
    expect(contrastRatio(DARK, DARK)).toBe(1);
  });

  it('keeps 3:1 against each theme’s background, and its highlight shows', () => {
    for (const colour of [...PALETTE, ...greys, ...cube, '#1f1f1f', '#fafafa']) {
      for (const theme of ['light', 'dark'] as const) {
        const drawn = hexToRgb(colourOn(colour, theme));
        const background = backgrounds[theme];
        expect(contrastRatio(drawn, background), `${colour} on ${theme}`).toBeGreaterThanOrEqual(3);
        expect(contrastRatio(blend(drawn, background, HIGHLIGHT_ALPHA), background), `${colour} highlight on ${theme}`).toBeGreaterThan(1.2);
      }
    }
  });

  it('lifts a near-black code in the dark theme and darkens a near-white one in the light theme, no further than needed', () => {
    const lifted = colourOn('#1f1f1f', 'dark');
    expect(contrastRatio(hexToRgb(lifted), DARK)).toBeLessThan(3.1);
    const darkened = colourOn('#fafafa', 'light');
    expect(contrastRatio(hexToRgb(darkened), WHITE)).toBeLessThan(3.1);
    // A blue stays blue: mixed with white, its blue channel still leads.
    const [r, g, b] = hexToRgb(colourOn('#000080', 'dark'));
    expect(b).toBeGreaterThan(r);
    expect(b).toBeGreaterThan(g);
  });

  it('leaves a colour that already reads as it is', () => {
    expect(colourOn('#E15759', 'light')).toBe('#e15759');
    expect(colourOn('#e15759', 'dark')).toBe('#e15759');
    expect(colourOn('#1f1f1f', 'light')).toBe('#1f1f1f');
  });

  it('themeColour gives the two as one CSS light-dark() colour; other CSS colours pass through', () => {
    expect(themeColour('#1f1f1f')).toBe(`light-dark(#1f1f1f, ${colourOn('#1f1f1f', 'dark')})`);
    expect(colourOn('rebeccapurple', 'dark')).toBe('rebeccapurple');
  });
});
