/**
 * Right-to-left runs drawn a glyph at a time, put in reading order.
 *
 * pdf.js puts each text item into logical order on its own (its bidi), which is right when a
 * writer draws a run of Arabic or Hebrew as one item. Chromium (Skia) positions every Arabic glyph
 * by itself, so pdf.js gives one item per glyph, left to right as they stand on the page, with a
 * zero-width space wherever a glyph steps back: "قال مُحَمَّد" came out as "د محَُ م لاق". Here the
 * items of such a run are put right to left by where they stand, a mark item going with the letter
 * it sits on, and the zero-width spaces pdf.js made up are dropped. Runs of one item (pdf.js's
 * own order), items with Latin letters or digits (a run stops there) and rotated text are left as
 * they are.
 */
export interface PlacedItem {
  str: string;
  hasEOL: boolean;
  /** Only x (transform[4]) and whether the text is upright (transform[1] and [2] zero) are read. */
  transform: number[];
  width: number;
}

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFE]/u;
const NOT_RTL = /[\p{L}\p{N}]/u;
const MARKS_ONLY = /^[\p{M}\0]+$/u;

/** Letters written right to left only: digits (numbers run left to right) and Latin letters end a run. */
const isRtlItem = (item: PlacedItem) => RTL_LETTER.test(item.str) && ![...item.str].some((c) => /\p{N}/u.test(c) || (NOT_RTL.test(c) && !RTL_LETTER.test(c)));
const isBlank = (item: PlacedItem) => /^[\s\0]*$/u.test(item.str);
const upright = (item: PlacedItem) => item.transform[1] === 0 && item.transform[2] === 0;
/** A space pdf.js inserted where a glyph stepped back: it takes no room on the page. */
const madeUp = (item: PlacedItem) => isBlank(item) && item.width < 0.5;

/** The items with every right-to-left run of several glyph items in reading order. */
export function orderRightToLeftRuns(items: readonly PlacedItem[]): PlacedItem[] {
  const ordered: PlacedItem[] = [];
  let i = 0;
  while (i < items.length) {
    const run = runFrom(items, i);
    if (run.length === 0) {
      ordered.push(items[i]!);
      i++;
      continue;
    }
    const inRun = items.slice(i, i + run.length);
    ordered.push(...readingOrder(inRun));
    i += run.length;
  }
  return ordered;
}

/**
 * The run starting at i: right-to-left letter items, marks and blanks between them, on one line
 * (it ends at a line's end). Empty unless it holds two letter items or more.
 */
function runFrom(items: readonly PlacedItem[], i: number): PlacedItem[] {
  if (!isRtlItem(items[i]!) || !upright(items[i]!)) return [];
  let end = i + 1;
  let lastLetter = i;
  while (end < items.length && !items[end - 1]!.hasEOL && upright(items[end]!)) {
    const item = items[end]!;
    if (isRtlItem(item)) lastLetter = end;
    else if (!isBlank(item) && !MARKS_ONLY.test(item.str)) break;
    end++;
  }
  const run = items.slice(i, lastLetter + 1);
  return run.filter(isRtlItem).length >= 2 ? run : [];
}

/** A run's items right to left by where they stand; marks with their letter, made-up spaces out. */
function readingOrder(run: readonly PlacedItem[]): PlacedItem[] {
  const lineEnd = run[run.length - 1]!.hasEOL;
  const kept = run.filter((item) => !madeUp(item) && !/^\0+$/u.test(item.str));
  const glyphs = kept.filter((item) => !MARKS_ONLY.test(item.str)).map((item) => ({ x: item.transform[4]!, parts: [item] }));
  for (const mark of kept.filter((item) => MARKS_ONLY.test(item.str))) {
    // The letter it sits on: the one starting nearest at or before its x (joined letters overlap a little).
    const x = mark.transform[4]!;
    const base = glyphs.filter((g) => g.x <= x).sort((a, b) => b.x - a.x)[0] ?? glyphs[0];
    base?.parts.push(mark);
  }
  const ordered = glyphs.sort((a, b) => b.x - a.x).flatMap((g) => g.parts.map((p) => ({ ...p, hasEOL: false })));
  if (lineEnd && ordered.length > 0) ordered[ordered.length - 1] = { ...ordered[ordered.length - 1]!, hasEOL: true };
  return ordered;
}
