/**
 * Where a code goes when the analyst moves it in the tree — by keyboard step or by dropping
 * it on another row — as the (parent, index) that domain/codebook.ts reorderCode takes.
 * Computed from the codes at commit time; null when the move is not possible (first among
 * its siblings and asked to go up, dropped on itself or inside its own branch, …).
 */
import { descendantIds, siblingsInOrder } from '../../domain/codeTree';
import type { Code } from '../../domain/model';

export interface Destination {
  parentId: string | null;
  /** Among the new siblings, counted without the moving code. */
  index: number;
}

/** Alt+Up/Down: one place among the siblings; Alt+Right: into the sibling above, last; Alt+Left: out, after the parent. */
export type MoveStep = 'up' | 'down' | 'indent' | 'outdent';

/** Where a drop lands: above or below the row (same parent), or inside it (last sub-code). */
export type DropZone = 'before' | 'after' | 'inside';

export function stepDestination(codes: readonly Code[], id: string, step: MoveStep): Destination | null {
  const code = codes.find((c) => c.id === id);
  if (!code) return null;
  const siblings = siblingsInOrder(codes, code.parentId);
  const at = siblings.findIndex((c) => c.id === id);
  switch (step) {
    case 'up':
      return at > 0 ? { parentId: code.parentId, index: at - 1 } : null;
    case 'down':
      return at < siblings.length - 1 ? { parentId: code.parentId, index: at + 1 } : null;
    case 'indent': {
      const above = siblings[at - 1];
      return above ? { parentId: above.id, index: siblingsInOrder(codes, above.id).length } : null;
    }
    case 'outdent': {
      const parent = code.parentId === null ? undefined : codes.find((c) => c.id === code.parentId);
      if (!parent) return null;
      const uncles = siblingsInOrder(codes, parent.parentId);
      return { parentId: parent.parentId, index: uncles.findIndex((c) => c.id === parent.id) + 1 };
    }
  }
}

export function dropDestination(codes: readonly Code[], draggedId: string, targetId: string, zone: DropZone): Destination | null {
  const target = codes.find((c) => c.id === targetId);
  if (!target || !codes.some((c) => c.id === draggedId)) return null;
  const parentId = zone === 'inside' ? target.id : target.parentId;
  if (parentId === draggedId || (parentId !== null && descendantIds(codes, draggedId).has(parentId))) return null;
  if (zone !== 'inside' && targetId === draggedId) return null;
  const others = siblingsInOrder(codes, parentId).filter((c) => c.id !== draggedId);
  if (zone === 'inside') return { parentId, index: others.length };
  const at = others.findIndex((c) => c.id === targetId);
  return { parentId, index: zone === 'before' ? at : at + 1 };
}

/** The drop zone for a pointer at `y` over a row spanning `top`…`top + height`: edges reorder, middle nests. */
export function dropZoneAt(y: number, top: number, height: number): DropZone {
  const f = (y - top) / height;
  return f < 0.3 ? 'before' : f > 0.7 ? 'after' : 'inside';
}
