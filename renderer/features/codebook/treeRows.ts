/**
 * The rows the code tree shows: tree order, with collapsed branches left out and, while a
 * filter is typed, only the matches and the codes above them (all open). Pure: no React.
 */
import { ancestry, codesById, flattenTree } from '../../domain/codeTree';
import type { Code } from '../../domain/model';

export interface TreeRow {
  code: Code;
  /** 1 for a top-level code, as aria-level counts. */
  level: number;
  hasChildren: boolean;
  expanded: boolean;
  /** Position among the shown siblings (1-based) and their number, for aria-posinset/-setsize. */
  posInSet: number;
  setSize: number;
}

const matches = (code: Code, query: string) =>
  code.name.toLocaleLowerCase().includes(query) || code.description.toLocaleLowerCase().includes(query);

export function treeRows(codes: readonly Code[], collapsed: ReadonlySet<string>, filter: string): TreeRow[] {
  const tree = flattenTree(codes);
  const query = filter.trim().toLocaleLowerCase();
  let shown: typeof tree;
  if (query) {
    const byId = codesById(codes);
    const keep = new Set<string>();
    for (const { code } of tree) if (matches(code, query)) for (const a of ancestry(byId, code.id)) keep.add(a.id);
    shown = tree.filter((r) => keep.has(r.code.id));
  } else {
    shown = [];
    let hiddenBelow = Infinity; // depth under which rows sit in a collapsed branch
    for (const row of tree) {
      if (row.depth > hiddenBelow) continue;
      hiddenBelow = collapsed.has(row.code.id) ? row.depth : Infinity;
      shown.push(row);
    }
  }
  const parentOf = (i: number) => (shown[i]!.depth === 0 ? null : shown[i]!.code.parentId);
  const setSizes = new Map<string | null, number>();
  shown.forEach((_, i) => setSizes.set(parentOf(i), (setSizes.get(parentOf(i)) ?? 0) + 1));
  const seen = new Map<string | null, number>();
  const withChildren = new Set(tree.map((r) => (r.depth > 0 ? r.code.parentId : null)));
  return shown.map((row, i) => {
    const parent = parentOf(i);
    seen.set(parent, (seen.get(parent) ?? 0) + 1);
    const hasChildren = withChildren.has(row.code.id);
    return {
      code: row.code,
      level: row.depth + 1,
      hasChildren,
      expanded: hasChildren && (query !== '' || !collapsed.has(row.code.id)),
      posInSet: seen.get(parent)!,
      setSize: setSizes.get(parent)!,
    };
  });
}
