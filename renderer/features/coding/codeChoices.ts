/**
 * What the coding popup lists, in order: with no filter, the recent codes (the last used
 * first) and then the codebook in tree order; with a filter, the codes it matches — name
 * prefix first, then a word of the name, anywhere in the name, a parent's name — recent ones
 * first within each rank; and "Create …" when no top-level code has that name. Descriptions
 * are shown, not searched: Enter must never apply a code whose name the analyst did not type.
 * Pure, so the ordering is tested in Node.
 */
import { codeNamed } from '../../domain/codebook';
import { codePath, codesById, CODE_PATH_SEPARATOR, flattenTree } from '../../domain/codeTree';
import type { Code } from '../../domain/model';
import { foldQuery, type FoldOptions } from '../../domain/textFold';

export interface CodeChoice {
  code: Code;
  /** "Parent > Child": the accessible name, which tells cousins of the same name apart. */
  path: string;
  /** The ancestors' path ("" at the top level), shown beside the name. */
  parents: string;
  recent: boolean;
}

export type PopupItem = { kind: 'code'; choice: CodeChoice } | { kind: 'create'; name: string };

/** A code with its folded texts, made once per codebook. */
export interface PreparedCode extends CodeChoice {
  order: number;
  name: string;
  parentsFolded: string;
}

/** How many recent codes lead the unfiltered list. */
export const RECENT_SHOWN = 5;

const FOLD: FoldOptions = { matchCase: false, matchDiacritics: false };
const fold = (s: string) => foldQuery(s, FOLD);

/** Per codebook (the project's codes array changes identity with every edit): the popup opens for each selection. */
const preparedOf = new WeakMap<readonly Code[], PreparedCode[]>();

export function prepareCodes(codes: readonly Code[]): PreparedCode[] {
  let prepared = preparedOf.get(codes);
  if (!prepared) {
    const byId = codesById(codes);
    prepared = flattenTree(codes).map(({ code }, order) => {
      const path = codePath(byId, code.id);
      const parents = path.slice(0, Math.max(0, path.length - code.name.length - CODE_PATH_SEPARATOR.length));
      return { code, path, parents, recent: false, order, name: fold(code.name), parentsFolded: fold(parents) };
    });
    preparedOf.set(codes, prepared);
  }
  return prepared;
}

const WORD_START = /[\p{L}\p{N}]/u;

/** 0 (best) to 3 for a match of the folded query `q`, or null. */
function rank(c: PreparedCode, q: string): number | null {
  const at = c.name.indexOf(q);
  if (at === 0) return 0;
  if (at > 0) {
    for (let i = at; i >= 0; i = c.name.indexOf(q, i + 1)) if (!WORD_START.test(c.name[i - 1]!)) return 1;
    return 2;
  }
  return c.parentsFolded.includes(q) ? 3 : null;
}

export function popupItems(codes: readonly Code[], prepared: readonly PreparedCode[], recentIds: readonly string[], query: string): PopupItem[] {
  const recency = new Map(recentIds.map((id, i) => [id, i]));
  const choice = (c: PreparedCode): PopupItem => ({ kind: 'code', choice: { ...c, recent: recency.has(c.code.id) } });
  const q = fold(query.trim());
  if (!q) {
    const recent = recentIds
      .map((id) => prepared.find((c) => c.code.id === id))
      .filter((c): c is PreparedCode => c !== undefined)
      .slice(0, RECENT_SHOWN);
    const shown = new Set(recent);
    return [...recent, ...prepared.filter((c) => !shown.has(c))].map(choice);
  }
  const matches: Array<{ c: PreparedCode; rank: number }> = [];
  for (const c of prepared) {
    const r = rank(c, q);
    if (r !== null) matches.push({ c, rank: r });
  }
  const recentRank = (c: PreparedCode) => recency.get(c.code.id) ?? Infinity;
  matches.sort((a, b) => a.rank - b.rank || recentRank(a.c) - recentRank(b.c) || a.c.order - b.c.order);
  const items = matches.map((m) => choice(m.c));
  const name = query.trim();
  if (!codeNamed(codes, name, null)) items.push({ kind: 'create', name });
  return items;
}
