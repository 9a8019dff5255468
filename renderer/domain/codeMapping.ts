/**
 * Merging a colleague's codebook: codes are matched by path (planRestore does that); for the
 * incoming codes whose path is not in the project, a mapping onto existing codes is proposed by
 * name similarity for the analyst to review and edit before anything is written. A mapped code
 * is not added: its codings go to the existing code and its sub-codes move under that code
 * (where a sub-code's name is already there, the merge matches it by path).
 */
import { codePath, codesById } from './codeTree';
import { nameKey } from './codebook';
import type { Code, Segment } from './model';

/** Below this name similarity no existing code is proposed. */
export const PROPOSAL_THRESHOLD = 0.6;

export interface MappingRow {
  incoming: Code;
  incomingPath: string;
  /** The proposed existing code, or null: add the code as new. */
  proposed: string | null;
  /** Name similarity of the proposal (0–1). */
  similarity: number;
}

const pathKey = (byId: ReadonlyMap<string, Code>, id: string) => codePath(byId, id).split(' > ').map(nameKey).join('\u0000');

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  const t = ` ${s} `;
  for (let i = 0; i < t.length - 1; i++) out.set(t.slice(i, i + 2), (out.get(t.slice(i, i + 2)) ?? 0) + 1);
  return out;
}

/** Dice's coefficient over character bigrams of the names compared as siblings compare them (1: the same name). */
export function nameSimilarity(a: string, b: string): number {
  const x = nameKey(a);
  const y = nameKey(b);
  if (x === y) return 1;
  const bx = bigrams(x);
  const by = bigrams(y);
  let shared = 0;
  for (const [g, n] of bx) shared += Math.min(n, by.get(g) ?? 0);
  const total = x.length + 1 + y.length + 1;
  return (2 * shared) / total;
}

function best(name: string, candidates: readonly Code[]): { id: string | null; similarity: number } {
  let out: { id: string | null; similarity: number } = { id: null, similarity: 0 };
  for (const c of candidates) {
    const s = nameSimilarity(name, c.name);
    if (s > out.similarity) out = { id: c.id, similarity: s };
  }
  return out.similarity >= PROPOSAL_THRESHOLD ? out : { id: null, similarity: out.similarity };
}

/**
 * One row per incoming code that neither is an existing code (same id) nor has an existing
 * code's path, parents before children. A code whose parent is matched (or that is top-level)
 * is proposed the most similar existing code; a sub-code of a code proposed for mapping is
 * proposed the most similar sub-code of that code's target; a sub-code of a new code stays new.
 */
export function proposeCodeMapping(incoming: readonly Code[], current: readonly Code[]): MappingRow[] {
  const inById = codesById(incoming);
  const curById = codesById(current);
  const currentPaths = new Set(current.map((c) => pathKey(curById, c.id)));
  const depth = (c: Code) => codePath(inById, c.id).split(' > ').length;
  const ordered = [...incoming].sort((a, b) => depth(a) - depth(b));
  const rows = new Map<string, MappingRow>();
  for (const code of ordered) {
    if (curById.has(code.id) || currentPaths.has(pathKey(inById, code.id))) continue;
    const parentRow = code.parentId ? rows.get(code.parentId) : undefined;
    let proposal: { id: string | null; similarity: number };
    if (!parentRow) proposal = best(code.name, current);
    else if (parentRow.proposed) proposal = best(code.name, current.filter((c) => c.parentId === parentRow.proposed));
    else proposal = { id: null, similarity: 0 };
    rows.set(code.id, { incoming: code, incomingPath: codePath(inById, code.id), proposed: proposal.id, similarity: proposal.similarity });
  }
  return [...rows.values()];
}

/** incoming code id → existing code id. */
export type CodeMapping = ReadonlyMap<string, string>;

/**
 * The incoming rows with the mapping applied: mapped codes left out, their sub-codes moved
 * under the existing code, and codings re-pointed (a segment keeps one coding per code and coder).
 */
export function mapCodes<T extends { codes: Code[]; segments?: Segment[] }>(rows: T, mapping: CodeMapping): T {
  if (mapping.size === 0) return rows;
  const codes = rows.codes
    .filter((c) => !mapping.has(c.id))
    .map((c) => (c.parentId && mapping.has(c.parentId) ? { ...c, parentId: mapping.get(c.parentId)! } : c));
  const segments = rows.segments?.map((s) => {
    if (!s.codings.some((c) => mapping.has(c.codeId))) return s;
    const seen = new Set<string>();
    const codings = s.codings
      .map((c) => (mapping.has(c.codeId) ? { ...c, codeId: mapping.get(c.codeId)! } : c))
      .filter((c) => {
        const key = `${c.codeId}\u0000${c.coder}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    return { ...s, codings };
  });
  return segments ? { ...rows, codes, segments } : { ...rows, codes };
}

/** Report lines: which codes were mapped onto which. */
export function mappingNotes(rows: readonly MappingRow[], mapping: CodeMapping, current: readonly Code[]): string[] {
  const byId = codesById(current);
  const mapped = rows.filter((r) => mapping.has(r.incoming.id));
  if (mapped.length === 0) return [];
  const list = mapped.map((r) => `"${r.incomingPath}" → "${codePath(byId, mapping.get(r.incoming.id)!)}"`);
  return [`Mapped ${mapped.length} code(s) onto existing codes: ${list.join(', ')}.`];
}
