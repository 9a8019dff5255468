import { describe, expect, it } from 'vitest';
import { afterCoding } from './afterCoding';

const coded = { start: 10, end: 20 };

describe('afterCoding', () => {
  it('collapses the selection when the coded passage is still selected', () => {
    expect(afterCoding({ coded, popup: coded, selection: { ...coded }, focusInPopup: false })).toBe('collapse');
  });

  it('puts the caret after the passage when the analyst coded from the popup field', () => {
    expect(afterCoding({ coded, popup: coded, selection: null, focusInPopup: true })).toBe('caretAfter');
  });

  it('only closes the popup when focus went elsewhere (the codebook): no focus is taken', () => {
    expect(afterCoding({ coded, popup: coded, selection: null, focusInPopup: false })).toBe('close');
  });

  it('only closes the popup while the next drag has begun (a caret elsewhere in the text)', () => {
    expect(afterCoding({ coded, popup: coded, selection: { start: 40, end: 40 }, focusInPopup: false })).toBe('close');
  });

  it('leaves the popup of the next passage alone', () => {
    expect(afterCoding({ coded, popup: { start: 40, end: 55 }, selection: { start: 40, end: 55 }, focusInPopup: false })).toBe('none');
  });

  it('does nothing when the popup was already closed', () => {
    expect(afterCoding({ coded, popup: null, selection: null, focusInPopup: false })).toBe('none');
  });
});
