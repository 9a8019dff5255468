/**
 * The Documents list is one Tab stop: the arrow keys, Home and End move between its entries
 * (a roving tabindex). Pure, so the keys are tested without a browser.
 */

/** The index the key moves to from `index` in a list of `length` entries, or null for other keys. */
export function listStep(key: string, index: number, length: number): number | null {
  if (length === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(index + 1, length - 1);
    case 'ArrowUp':
      return Math.max(index - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return length - 1;
    default:
      return null;
  }
}

/** The entry that takes the Tab stop: the one last focused, else the open document, else the first. */
export function tabStop(order: readonly string[], focusedId: string | null, currentId: string | null): string | null {
  if (focusedId !== null && order.includes(focusedId)) return focusedId;
  if (currentId !== null && order.includes(currentId)) return currentId;
  return order[0] ?? null;
}
