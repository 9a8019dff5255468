/**
 * Heat colours for matrix cells: the cell's share of the largest value mixed from the page's
 * background towards one hue, in the light or the dark theme, with the text colour that keeps
 * WCAG AA contrast (4.5:1) on it.
 */
type Rgb = [number, number, number];

const THEMES: Record<'light' | 'dark', { from: Rgb; to: Rgb }> = {
  light: { from: [255, 255, 255], to: [31, 95, 191] },
  dark: { from: [30, 30, 30], to: [127, 176, 255] },
};

const channel = (c: number) => {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const luminance = ([r, g, b]: Rgb) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
const contrast = (a: Rgb, b: Rgb) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};
const css = ([r, g, b]: Rgb) => `rgb(${r}, ${g}, ${b})`;

/** How far towards the hue the largest value goes (kept where dark text still reads, or light text in the dark theme). */
const MAX_MIX = { light: 0.7, dark: 0.45 };

const DARK_TEXT: Rgb = [27, 27, 27];
const LIGHT_TEXT: Rgb = [248, 248, 248];

export interface HeatStyle {
  backgroundColor: string;
  color: string;
}

/** The colours of a cell holding `value` where the largest is `max` (0 or nothing: the background). */
export function heatStyle(value: number, max: number, dark: boolean): HeatStyle {
  const { from, to } = THEMES[dark ? 'dark' : 'light'];
  const share = max > 0 ? Math.max(0, Math.min(1, value / max)) : 0;
  // Even the smallest non-zero count is tinted, so it stands out from the empty cells.
  // Colours where neither text colour reaches 4.5:1 are skipped: the scale stops short of them.
  let t = value > 0 ? 0.12 + 0.88 * share * MAX_MIX[dark ? 'dark' : 'light'] : 0;
  for (;;) {
    const mixed = from.map((f, i) => Math.round(f + (to[i]! - f) * t)) as Rgb;
    const text = contrast(mixed, DARK_TEXT) >= contrast(mixed, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
    if (contrast(mixed, text) >= 4.5 || t <= 0) return { backgroundColor: css(mixed), color: css(text) };
    t = Math.max(0, t - 0.02);
  }
}
