/** Where codes that join a codebook (an import, a merge) stand among their siblings. */
import { compareSiblings } from './codeTree';
import type { Code } from './model';

export interface JoinedCodes {
  /** The joining codes with their positions. */
  added: Code[];
  /** Codes already here that were given a position so the joining ones can follow them. */
  renumbered: Code[];
}

/**
 * Under each parent the codebook has (and at the top level), the joining codes come after the
 * codes already there, in their own order (compareSiblings: a file's order as readCodes numbers
 * it, a backup's positions). Codes already there without a position (older rows, the default
 * codebook) sort after positioned ones, so they are first numbered in the order they are shown.
 * Codes under a parent that joins with them keep their positions. `added` rows name their parent
 * by its id in the merged codebook. Linear in both lists but for the sorts of each sibling group.
 */
export function joinSiblings(current: readonly Code[], added: readonly Code[], now: string): JoinedCodes {
  const joiningIds = new Set(added.map((c) => c.id));
  const joining = new Map<string | null, Code[]>();
  for (const code of added) {
    if (code.parentId !== null && joiningIds.has(code.parentId)) continue;
    const group = joining.get(code.parentId);
    if (group) group.push(code);
    else joining.set(code.parentId, [code]);
  }
  const here = new Map<string | null, Code[]>();
  for (const code of current) {
    if (!joining.has(code.parentId)) continue;
    const group = here.get(code.parentId);
    if (group) group.push(code);
    else here.set(code.parentId, [code]);
  }
  const placed = new Map<string, Code>();
  const renumbered: Code[] = [];
  for (const [parentId, group] of joining) {
    const siblings = (here.get(parentId) ?? []).sort(compareSiblings);
    let next = 0;
    if (siblings.some((c) => c.position === undefined)) {
      siblings.forEach((code, position) => {
        if (code.position !== position) renumbered.push({ ...code, position, updatedAt: now });
      });
      next = siblings.length;
    } else {
      for (const c of siblings) next = Math.max(next, c.position! + 1);
    }
    for (const code of [...group].sort(compareSiblings)) {
      const position = next++;
      placed.set(code.id, code.position === position ? code : { ...code, position });
    }
  }
  return { added: added.map((c) => placed.get(c.id) ?? c), renumbered };
}
