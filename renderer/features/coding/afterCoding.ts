/**
 * What the window does once a coding made from the popup (or a shortcut) is stored. The store
 * may answer after the analyst has moved on — selected the next passage, started a drag,
 * clicked into the codebook — and then nothing of theirs may be touched: no focus taken, no
 * selection replaced, another passage's popup left open.
 */
import type { Span } from '../../domain/span';

export interface AfterCodingState {
  /** The passage just coded. */
  coded: Span;
  /** The passage the popup is open for now; null when it is closed. */
  popup: Span | null;
  /** The text's selection now, as offsets; null when the selection is outside the text. */
  selection: Span | null;
  /** Whether keyboard focus is in the popup (its filter field), or nowhere in particular. */
  focusInPopup: boolean;
}

/**
 * - `collapse`: the coded passage is still selected: close the popup, caret after the passage.
 * - `caretAfter`: the analyst coded from the popup's field: close it and put the caret after
 *   the passage, so the keyboard carries on in the text.
 * - `close`: the analyst is elsewhere (the codebook, a drag just begun): close the coded
 *   passage's popup and touch nothing else.
 * - `none`: the popup already belongs to another passage, or is closed.
 */
export type AfterCoding = 'collapse' | 'caretAfter' | 'close' | 'none';

const same = (a: Span, b: Span) => a.start === b.start && a.end === b.end;

export function afterCoding({ coded, popup, selection, focusInPopup }: AfterCodingState): AfterCoding {
  if (!popup || !same(popup, coded)) return 'none';
  if (selection && same(selection, coded)) return 'collapse';
  if (!selection && focusInPopup) return 'caretAfter';
  return 'close';
}
