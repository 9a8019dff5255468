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
];

/** The highlight opacity the palette was checked at. */
export const HIGHLIGHT_ALPHA = 0.35;

/** The first palette colour no code uses yet; once all are taken, cycle so colours stay spread. */
export function nextColour(codes: readonly Pick<Code, 'colour'>[]): string {
  const used = new Set(codes.map((c) => c.colour.toLowerCase()));
  const free = PALETTE.find((colour) => !used.has(colour));
  return free ?? PALETTE[codes.length % PALETTE.length]!;
}

export type Rgb = readonly [number, number, number];

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
