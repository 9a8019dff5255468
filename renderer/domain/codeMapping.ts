/**
 * Merging a colleague's codebook: codes are matched by path (planRestore does that); for the
 * incoming codes whose path is not in the project, a mapping onto existing codes is proposed by
 * name similarity for the analyst to review and edit before anything is written. A mapped code
 * is not added: its codings go to the existing code and its sub-codes move under that code
 * (where a sub-code's name is already there, the merge matches it by path).
 */
import { codePath, codesById } from './codeTree';
import { nameKey } from './codebook';
import type { Code, SavedSearch, Segment } from './model';
import { SimilarNames } from './similarNames';
import { plural } from '../../common/plural';

export { nameSimilarity } from './similarNames';

/** Below this name similarity no existing code is proposed. */
export const PROPOSAL_THRESHOLD = 0.6;

export interface MappingRow {
  incoming: Code;
  incomingPath: string;
  /** The proposed existing code, or null: add the code as new. */
  proposed: string | null;
  /** Name similarity of the proposal (0–1); 0 when none is proposed. */
  similarity: number;
}

/**
 * Each code's path as a key (names compared as siblings compare them) and its depth, each
 * computed once from its parent's: a path walked anew for every code (and every comparison of
 * a sort) was seconds for 20,000 codes. A (corrupt) parent loop ends the path where it closes.
 */
function pathKeys(codes: readonly Code[]): { key: Map<string, string>; depth: Map<string, number> } {
  const byId = codesById(codes);
  const key = new Map<string, string>();
  const depth = new Map<string, number>();
  for (const code of codes) {
    const chain: Code[] = [];
    const onChain = new Set<string>();
    let c: Code | undefined = code;
    while (c && !key.has(c.id) && !onChain.has(c.id)) {
      chain.push(c);
      onChain.add(c.id);
      c = c.parentId === null ? undefined : byId.get(c.parentId);
    }
    let parentKey = c && key.has(c.id) ? key.get(c.id)! : null;
    let parentDepth = c && depth.has(c.id) ? depth.get(c.id)! : 0;
    for (let k = chain.length - 1; k >= 0; k--) {
      const link = chain[k]!;
      parentKey = parentKey === null ? nameKey(link.name) : `${parentKey}\u0000${nameKey(link.name)}`;
      key.set(link.id, parentKey);
      depth.set(link.id, ++parentDepth);
    }
  }
  return { key, depth };
}

/**
 * One row per incoming code that neither is an existing code (same id) nor has an existing
 * code's path, parents before children. A code whose parent is matched (or that is top-level)
 * is proposed the most similar existing code; a sub-code of a code proposed for mapping is
 * proposed the most similar sub-code of that code's target; a sub-code of a new code stays new.
 * Linear in the codes on both sides but for names that really are alike (see SimilarNames).
 */
export function proposeCodeMapping(incoming: readonly Code[], current: readonly Code[]): MappingRow[] {
  const inById = codesById(incoming);
  const curIds = new Set(current.map((c) => c.id));
  const currentPaths = new Set(pathKeys(current).key.values());
  const incomingPaths = pathKeys(incoming);
  const ordered = [...incoming].sort((a, b) => incomingPaths.depth.get(a.id)! - incomingPaths.depth.get(b.id)!);
  const everyCode = new SimilarNames(current, PROPOSAL_THRESHOLD);
  // The sub-codes of a proposed target, indexed the first time one is needed.
  const childrenOf = new Map<string, Code[]>();
  for (const c of current) {
    if (c.parentId === null) continue;
    const siblings = childrenOf.get(c.parentId);
    if (siblings) siblings.push(c);
    else childrenOf.set(c.parentId, [c]);
  }
  const subCodesOf = new Map<string, SimilarNames>();
  const subCodes = (parentId: string) => {
    let index = subCodesOf.get(parentId);
    if (!index) subCodesOf.set(parentId, (index = new SimilarNames(childrenOf.get(parentId) ?? [], PROPOSAL_THRESHOLD)));
    return index;
  };
  const rows = new Map<string, MappingRow>();
  for (const code of ordered) {
    if (curIds.has(code.id) || currentPaths.has(incomingPaths.key.get(code.id)!)) continue;
    const parentRow = code.parentId ? rows.get(code.parentId) : undefined;
    const proposal = !parentRow ? everyCode.best(code.name) : parentRow.proposed ? subCodes(parentRow.proposed).best(code.name) : null;
    rows.set(code.id, { incoming: code, incomingPath: codePath(inById, code.id), proposed: proposal?.id ?? null, similarity: proposal?.similarity ?? 0 });
  }
  return [...rows.values()];
}

/** incoming code id → existing code id. */
export type CodeMapping = ReadonlyMap<string, string>;

/**
 * The incoming rows with the mapping applied: mapped codes left out, their sub-codes moved
 * under the existing code, codings re-pointed (a segment keeps one coding per code and coder),
 * and so are saved searches scoped to a mapped code.
 */
export function mapCodes<T extends { codes: Code[]; segments?: Segment[]; savedSearches?: SavedSearch[] }>(rows: T, mapping: CodeMapping): T {
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
  const savedSearches = rows.savedSearches?.map((s) => {
    const text = s.scope.text;
    const codeId = text.kind === 'anywhere' ? undefined : mapping.get(text.codeId);
    return codeId === undefined || text.kind === 'anywhere' ? s : { ...s, scope: { ...s.scope, text: { ...text, codeId } } };
  });
  return { ...rows, codes, ...(segments ? { segments } : {}), ...(savedSearches ? { savedSearches } : {}) };
}

const NOTED_PAIRS = 20;

/** Report lines: which codes were mapped onto which. */
export function mappingNotes(rows: readonly MappingRow[], mapping: CodeMapping, current: readonly Code[]): string[] {
  const byId = codesById(current);
  const mapped = rows.filter((r) => mapping.has(r.incoming.id));
  if (mapped.length === 0) return [];
  // A line the analyst can read: the first few pairs, then how many more (a merge may map thousands).
  const list = mapped.slice(0, NOTED_PAIRS).map((r) => `"${r.incomingPath}" → "${codePath(byId, mapping.get(r.incoming.id)!)}"`);
  const more = mapped.length > NOTED_PAIRS ? ` and ${mapped.length - NOTED_PAIRS} more` : '';
  return [`Mapped ${plural(mapped.length, 'code')} onto existing codes: ${list.join(', ')}${more}.`];
}
