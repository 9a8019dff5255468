/**
 * Import cycles among repository files: one cycle path per strongly connected component
 * (Tarjan), e.g. `a.ts → b.ts → a.ts`. Breaking that one and re-running shows the next.
 */
import type { ImportEdge } from './importGraph';

export function importCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    if (!edge.local) continue;
    next.set(edge.from, [...(next.get(edge.from) ?? []), edge.target]);
  }
  return stronglyConnected(next)
    .filter((component) => component.length > 1 || (next.get(component[0]!) ?? []).includes(component[0]!))
    .map((component) => cycleThrough(component, next));
}

function stronglyConnected(next: ReadonlyMap<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (node: string) => {
    index.set(node, index.size);
    lowLink.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        connect(target);
        lowLink.set(node, Math.min(lowLink.get(node)!, lowLink.get(target)!));
      } else if (onStack.has(target)) {
        lowLink.set(node, Math.min(lowLink.get(node)!, index.get(target)!));
      }
    }
    if (lowLink.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    components.push(component.sort());
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) connect(node);
  return components;
}

/** The shortest way from the component's first file back to itself, staying inside the component. */
function cycleThrough(component: readonly string[], next: ReadonlyMap<string, string[]>): string[] {
  const members = new Set(component);
  const start = component[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const target of next.get(node) ?? []) {
      if (target === start) return [...pathTo(node, cameFrom, start), start];
      if (members.has(target) && !cameFrom.has(target)) {
        cameFrom.set(target, node);
        queue.push(target);
      }
    }
  }
  throw new Error(`no cycle through ${start}`);
}

function pathTo(node: string, cameFrom: ReadonlyMap<string, string>, start: string): string[] {
  const path = [node];
  while (path[0] !== start) path.unshift(cameFrom.get(path[0]!)!);
  return path;
}
