/**
 * The keyboard of the code tree, after the WAI-ARIA tree pattern: what a key does from the
 * focused row. Pure (rows in, command out) so the pattern is tested without a browser.
 */
import type { MoveStep } from './treeMoves';
import type { TreeRow } from './treeRows';

export type TreeCommand =
  | { kind: 'focus'; id: string }
  | { kind: 'expand'; id: string }
  | { kind: 'collapse'; id: string }
  | { kind: 'expandSiblings'; ids: string[] }
  | { kind: 'select'; id: string }
  | { kind: 'deselect' }
  | { kind: 'move'; id: string; step: MoveStep };

export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

const MOVES: Record<string, MoveStep> = { ArrowUp: 'up', ArrowDown: 'down', ArrowRight: 'indent', ArrowLeft: 'outdent' };

export function treeCommand(rows: readonly TreeRow[], index: number, press: KeyPress): TreeCommand | null {
  const row = rows[index];
  if (!row || press.ctrlKey || press.metaKey) return null;
  const id = row.code.id;
  if (press.altKey) return MOVES[press.key] ? { kind: 'move', id, step: MOVES[press.key]! } : null;
  const focus = (i: number) => (rows[i] ? { kind: 'focus' as const, id: rows[i]!.code.id } : null);
  switch (press.key) {
    case 'ArrowDown':
      return focus(index + 1);
    case 'ArrowUp':
      return focus(index - 1);
    case 'Home':
      return focus(0);
    case 'End':
      return focus(rows.length - 1);
    case 'ArrowRight':
      if (!row.hasChildren) return null;
      return row.expanded ? focus(index + 1) : { kind: 'expand', id };
    case 'ArrowLeft': {
      if (row.expanded) return { kind: 'collapse', id };
      for (let i = index - 1; i >= 0; i--) if (rows[i]!.level < row.level) return focus(i);
      return null;
    }
    case 'Enter':
    case ' ':
      return { kind: 'select', id };
    case 'Escape':
      // A second click keeps a code selected; Escape is how the tree lets go of it.
      return { kind: 'deselect' };
    case '*': {
      const parentId = row.code.parentId;
      const ids = rows.filter((r) => r.level === row.level && r.code.parentId === parentId && r.hasChildren && !r.expanded).map((r) => r.code.id);
      return { kind: 'expandSiblings', ids };
    }
    default:
      return null;
  }
}

/**
 * Type-ahead: the next row after `from` (wrapping) whose name starts with `prefix`, or null.
 * Typing the same letter again steps through the codes that start with it.
 */
export function typeaheadMatch(rows: readonly TreeRow[], from: number, prefix: string): string | null {
  const p = prefix.toLocaleLowerCase();
  const repeated = p.length > 1 && [...p].every((ch) => ch === p[0]);
  const wanted = repeated ? p[0]! : p;
  // A longer prefix may still match the current row; a single letter looks further first.
  const start = wanted.length > 1 ? from : from + 1;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[(start + k) % rows.length]!;
    if (row.code.name.toLocaleLowerCase().startsWith(wanted)) return row.code.id;
  }
  return null;
}
