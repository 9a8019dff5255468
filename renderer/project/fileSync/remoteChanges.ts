/**
 * What other windows changed, for Undo and Redo in this one: a change whose rows another window
 * wrote after this one stored it is not undone (nor redone) — that would silently overwrite the
 * other window's work. It is refused, with a message, and taken off the list.
 *
 * Each patch this window writes is stamped with a clock; each row another window writes is
 * stamped with the clock when it arrives. A patch is safe to reverse while none of its rows
 * carry a later stamp than the patch. Patches are keyed by identity: a change and its inverse
 * (history.ts `invert`) share their two patch objects.
 */
import { rowsById, type Patch } from '../../domain/change';
import type { Segment } from '../../domain/model';
import type { SegmentTable } from '../../domain/segmentTable';

type TablePatch = Record<string, unknown> | undefined;

export class RemoteChanges {
  private clock = 0;
  private readonly rowStamps = new Map<string, number>();
  private readonly patchStamps = new WeakMap<Patch, number>();

  /** This window stored `patch` (as a change, an undo or a redo). */
  stored(patch: Patch): void {
    this.patchStamps.set(patch, ++this.clock);
  }

  /** Another window stored `patch`. */
  arrived(patch: Patch): void {
    const stamp = ++this.clock;
    for (const key of rowKeys(patch)) this.rowStamps.set(key, stamp);
  }

  /**
   * Whether writing `reverse` (the patch that undoes, or redoes, `written`) would overwrite a
   * row another window changed since `written` was stored here.
   */
  overwritesOthers(written: Patch, reverse: Patch): boolean {
    const since = this.patchStamps.get(written) ?? 0;
    for (const key of rowKeys(reverse)) if ((this.rowStamps.get(key) ?? 0) > since) return true;
    return false;
  }
}

function* rowKeys(patch: Patch): Generator<string> {
  for (const [table, rows] of Object.entries(patch) as Array<[string, TablePatch]>) {
    for (const key of Object.keys(rows ?? {})) yield `${table}\u0000${key}`;
  }
}

/**
 * The segments as this window holds them, for the rows another window's change writes (null:
 * not held) — the `before` a mirror needs to find each row without searching the whole project.
 */
export function heldSegments(table: SegmentTable, rows: Record<string, Segment | null>): Record<string, Segment | null> {
  const before = rowsById<Segment | null>();
  const removed = new Set<string>();
  for (const [id, row] of Object.entries(rows)) {
    // A written row names its document (a segment never changes document): only that one is searched.
    if (row) before[id] = table.find(id, row.documentId) ?? null;
    else removed.add(id);
  }
  if (removed.size > 0) for (const segment of table.all()) if (removed.has(segment.id)) before[segment.id] = segment;
  for (const id of removed) before[id] ??= null;
  return before;
}
