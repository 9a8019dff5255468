/**
 * Code colours. Chosen so that each, painted as a translucent highlight (HIGHLIGHT_ALPHA) over
 * white or over a dark editor background (#1e1e1e), stays visible and leaves the text on it
 * readable; palette.test.ts checks this with WCAG contrast ratios.
 */
import type { Code } from './model';

export const PALETTE: readonly string[] = [
  '#e15759', // red
  '#4e79a7', // blue
  '#f28e2b', // orange
  '#59a14f', // green
  '#b07aa1', // mauve
  '#d4a017', // mustard
  '#76b7b2', // teal
  '#ff9da7', // pink
  '#9c755f', // brown
  '#17becf', // cyan
  '#7fb800', // lime
  '#8c6bb1', // purple
  '#e377c2', // magenta
  '#7f7f7f', // grey
  // Picked by farthest distance (OKLab) from the colours above among those that pass the
  // readability checks of palette.test.ts.
  '#4e5ffb', // indigo
  '#c143ec', // violet
  '#9ea4ff', // periwinkle
  '#ee1c99', // rose
  '#2adb94', // mint
  '#647520', // olive
  '#209af7', // azure
  '#8d76fa', // lavender
  '#f698fe', // orchid
  '#4ade12', // bright green
];

/** The highlight opacity the palette was checked at. */
export const HIGHLIGHT_ALPHA = 0.35;

/**
 * The palette colour fewest codes use, the earliest on a tie: every colour is used once before
 * any repeats, and after that they stay evenly spread.
 */
export function nextColour(codes: readonly Pick<Code, 'colour'>[]): string {
  return new ColourCounter(codes).next();
}

/**
 * nextColour for many codes in a row (an import): counts the palette's uses once, then each
 * colour given out or used is counted as it goes, so n codes cost O(n), not O(n²).
 */
export class ColourCounter {
  private readonly uses = new Map(PALETTE.map((colour) => [colour, 0]));

  constructor(codes: readonly Pick<Code, 'colour'>[] = []) {
    for (const { colour } of codes) this.use(colour);
  }

  use(colour: string): void {
    const key = colour.toLowerCase();
    const n = this.uses.get(key);
    if (n !== undefined) this.uses.set(key, n + 1);
  }

  /** The colour nextColour would give; not counted until used. */
  next(): string {
    let best = PALETTE[0]!;
    for (const colour of PALETTE) if (this.uses.get(colour)! < this.uses.get(best)!) best = colour;
    return best;
  }
}

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
/** The dark theme's background and text (styles.css), and the text on light backgrounds. */
const DARK_BACKGROUND: Rgb = [0x1e, 0x1e, 0x1e];
const DARK_THEME_TEXT: Rgb = [0xd4, 0xd4, 0xd4];
const LIGHT_THEME_TEXT: Rgb = DARK_BACKGROUND;

/** Shades of a parent's colour: mixed towards white (+) or black (−) by these amounts. */
const SHADE_MIXES = Array.from({ length: 13 }, (_, i) => 0.1 + i * 0.05).flatMap((t) => [t, -t]);
/** Below this distance (RGB) two shades are too alike to tell siblings apart. */
const MIN_SHADE_DISTANCE = 24;

const distance = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/**
 * A child's default colour: the readable shade of its parent's colour farthest from the
 * parent's and its siblings' colours; the next palette colour once no shade stands apart.
 */
export function childColour(codes: readonly Pick<Code, 'colour' | 'id' | 'parentId'>[], parentId: string): string {
  const parent = codes.find((c) => c.id === parentId);
  if (!parent) return nextColour(codes);
  const taken = [parent, ...codes.filter((c) => c.parentId === parentId)].map((c) => hexToRgb(c.colour));
  const base = hexToRgb(parent.colour);
  let best: { shade: string; apart: number } | null = null;
  for (const mix of SHADE_MIXES) {
    const rgb = blend(mix > 0 ? WHITE : BLACK, base, Math.abs(mix));
    const shade = rgbToHex(rgb);
    const apart = Math.min(...taken.map((t) => distance(t, hexToRgb(shade))));
    if (apart >= MIN_SHADE_DISTANCE && (!best || apart > best.apart) && isReadableHighlight(shade)) best = { shade, apart };
  }
  return best?.shade ?? nextColour(codes);
}

/**
 * Whether `colour`, painted at HIGHLIGHT_ALPHA, shows on white and on the dark background and
 * leaves text on it readable: WCAG AAA (7:1) for dark text on light, AA (4.5:1) on dark.
 */
export function isReadableHighlight(colour: string): boolean {
  const rgb = hexToRgb(colour);
  const onWhite = blend(rgb, WHITE, HIGHLIGHT_ALPHA);
  const onDark = blend(rgb, DARK_BACKGROUND, HIGHLIGHT_ALPHA);
  return (
    contrastRatio(onWhite, WHITE) > 1.2 &&
    contrastRatio(onWhite, LIGHT_THEME_TEXT) >= 7 &&
    contrastRatio(onDark, DARK_BACKGROUND) > 1.4 &&
    contrastRatio(onDark, DARK_THEME_TEXT) >= 4.5
  );
}

export type Theme = 'light' | 'dark';

/** The least contrast a code colour drawn as a swatch or stripe keeps against the theme's background (WCAG 1.4.11). */
export const MIN_COLOUR_CONTRAST = 3;
/** The least contrast its translucent highlight keeps against the background (as isReadableHighlight asks of the palette). */
const MIN_HIGHLIGHT_CONTRAST: Record<Theme, number> = { light: 1.2, dark: 1.4 };
const BACKGROUND: Record<Theme, Rgb> = { light: WHITE, dark: DARK_BACKGROUND };

/**
 * `colour` as drawn on `theme`'s background: unchanged when it reads there, else mixed towards
 * black (light theme) or white (dark theme) just far enough — the hue stays — that swatches and
 * stripes reach MIN_COLOUR_CONTRAST and the highlight still shows. An analyst's near-black code
 * is then visible in the dark theme, a near-white one in the light theme.
 */
export function colourOn(colour: string, theme: Theme): string {
  const rgb = parseColour(colour);
  if (!rgb) return colour; // not #RRGGBB: drawn as given
  const background = BACKGROUND[theme];
  const reads = (c: Rgb) =>
    contrastRatio(c, background) >= MIN_COLOUR_CONTRAST && contrastRatio(blend(c, background, HIGHLIGHT_ALPHA), background) >= MIN_HIGHLIGHT_CONTRAST[theme];
  if (reads(rgb)) return colour.toLowerCase();
  const towards = theme === 'light' ? BLACK : WHITE;
  const mixed = (t: number) => blend(towards, rgb, t).map(Math.round) as unknown as Rgb;
  // Contrast grows with the mix: the least mix that reads, to 1/256.
  let [fails, passes] = [0, 1];
  while (passes - fails > 1 / 256) {
    const t = (fails + passes) / 2;
    if (reads(mixed(t))) passes = t;
    else fails = t;
  }
  return rgbToHex(mixed(passes));
}

const themed = new Map<string, string>();

/**
 * A CSS colour that is `colour` adjusted for whichever theme is showing (`light-dark()`, so a
 * change of the system theme needs no repaint from here). Kept per colour: a codebook uses few.
 */
export function themeColour(colour: string): string {
  let css = themed.get(colour);
  if (css === undefined) {
    css = `light-dark(${colourOn(colour, 'light')}, ${colourOn(colour, 'dark')})`;
    themed.set(colour, css);
  }
  return css;
}

export type Rgb = readonly [number, number, number];

function parseColour(colour: string): Rgb | null {
  return /^#[0-9a-f]{6}$/i.test(colour) ? hexToRgb(colour) : null;
}

export function rgbToHex(rgb: Rgb): string {
  return `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

export function hexToRgb(hex: string): Rgb {
  const value = /^#([0-9a-f]{6})$/i.exec(hex)?.[1];
  if (!value) throw new Error(`not a #RRGGBB colour: ${hex}`);
  const n = parseInt(value, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** `foreground` at opacity `alpha` over an opaque `background`. */
export function blend(foreground: Rgb, background: Rgb, alpha: number): Rgb {
  const mix = (f: number, b: number) => f * alpha + b * (1 - alpha);
  return [mix(foreground[0], background[0]), mix(foreground[1], background[1]), mix(foreground[2], background[2])];
}

/** WCAG 2 relative luminance. */
export function relativeLuminance(rgb: Rgb): number {
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
}

/** WCAG 2 contrast ratio, 1 (none) to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
