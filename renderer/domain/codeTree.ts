/** Navigating the code hierarchy (parentId links). Pure functions over a list of codes. */
import type { Code } from './model';

export const CODE_PATH_SEPARATOR = ' > ';

export function codesById(codes: readonly Code[]): Map<string, Code> {
  return new Map(codes.map((c) => [c.id, c]));
}

/** The code and its ancestors, root first. Stops on a (corrupt) cycle instead of looping. */
export function ancestry(byId: ReadonlyMap<string, Code>, id: string): Code[] {
  const chain: Code[] = [];
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    chain.unshift(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return chain;
}

/** "Parent > Child > Grandchild", as exports name a code. */
export function codePath(byId: ReadonlyMap<string, Code>, id: string): string {
  return ancestry(byId, id)
    .map((c) => c.name)
    .join(CODE_PATH_SEPARATOR);
}

/** Ids of all codes below `id` (not including it). */
export function descendantIds(codes: readonly Code[], id: string): Set<string> {
  const children = new Map<string | null, string[]>();
  for (const c of codes) {
    const list = children.get(c.parentId) ?? [];
    list.push(c.id);
    children.set(c.parentId, list);
  }
  const out = new Set<string>();
  const stack = [...(children.get(id) ?? [])];
  while (stack.length) {
    const next = stack.pop()!;
    if (out.has(next)) continue;
    out.add(next);
    stack.push(...(children.get(next) ?? []));
  }
  return out;
}

/** Names in the analyst's locale, as localeCompare orders them; one collator, not one per comparison (20,000 codes sorted). */
const NAME_ORDER = new Intl.Collator();

/**
 * Sibling order: by manual position; codes without one (older rows, imported files) after
 * the positioned ones, by name. Ties (two rows given the same position by separate edits)
 * fall back to name, then id, so the order never depends on storage order.
 */
export function compareSiblings(a: Code, b: Code): number {
  if (a.position !== undefined && b.position !== undefined && a.position !== b.position) return a.position - b.position;
  if (a.position !== undefined && b.position === undefined) return -1;
  if (a.position === undefined && b.position !== undefined) return 1;
  return NAME_ORDER.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The children of `parentId` (null: the top level) in display order. */
export function siblingsInOrder(codes: readonly Code[], parentId: string | null): Code[] {
  return codes.filter((c) => c.parentId === parentId).sort(compareSiblings);
}

/** Codes in display order: depth-first, siblings by position (see compareSiblings). */
export function flattenTree(codes: readonly Code[]): Array<{ code: Code; depth: number }> {
  const byParent = new Map<string | null, Code[]>();
  const ids = new Set(codes.map((c) => c.id));
  for (const c of codes) {
    const parent = c.parentId && ids.has(c.parentId) ? c.parentId : null;
    const list = byParent.get(parent) ?? [];
    list.push(c);
    byParent.set(parent, list);
  }
  for (const list of byParent.values()) list.sort(compareSiblings);
  const out: Array<{ code: Code; depth: number }> = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const code of byParent.get(parent) ?? []) {
      if (seen.has(code.id)) continue;
      seen.add(code.id);
      out.push({ code, depth });
      walk(code.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
