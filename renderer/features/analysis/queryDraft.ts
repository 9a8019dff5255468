/** The query builder's form as data, and the coding query it stands for. */
import type { Query } from '../../domain/analysis/query';

export type Operator = 'anyOf' | 'allSegment' | 'allOverlap' | 'near' | 'followedBy';

export const OPERATORS: ReadonlyArray<{ id: Operator; label: string; hint: string }> = [
  { id: 'anyOf', label: 'Any of these codes', hint: 'Passages coded with at least one of the codes.' },
  { id: 'allSegment', label: 'All of these codes, on the same passage', hint: 'Passages that carry every one of the codes.' },
  { id: 'allOverlap', label: 'All of these codes, overlapping', hint: 'Passages on text that every code covers at once (for two codes: passages that overlap).' },
  { id: 'near', label: 'Near', hint: 'Passages coded with the first codes that have a passage coded with the second within the distance.' },
  { id: 'followedBy', label: 'Followed by', hint: 'Passages coded with the first codes that a passage coded with the second follows within the distance.' },
];

export interface QueryDraft {
  operator: Operator;
  /** The codes (for near and followed by: the first side). */
  codes: readonly string[];
  /** Near and followed by: the second side. */
  others: readonly string[];
  withSubcodes: boolean;
  /** Characters between the two sides (near, followed by). */
  within: number;
  sameParagraph: boolean;
  /** Leave out passages coded with any of these. */
  exclude: readonly string[];
  /** …and passages overlapping one coded with them. */
  excludeOverlapping: boolean;
  memo: string;
}

export const EMPTY_DRAFT: QueryDraft = {
  operator: 'anyOf',
  codes: [],
  others: [],
  withSubcodes: false,
  within: 0,
  sameParagraph: false,
  exclude: [],
  excludeOverlapping: false,
  memo: '',
};

const needsTwoSides = (op: Operator) => op === 'near' || op === 'followedBy';

/** The query, or null while the form does not say enough. */
export function queryOf(draft: QueryDraft): Query | null {
  const term = (codeId: string): Query => ({ op: 'code', codeId, withSubcodes: draft.withSubcodes });
  const anyOf = (ids: readonly string[]): Query => (ids.length === 1 ? term(ids[0]!) : { op: 'anyOf', of: ids.map(term) });
  let base: Query | null;
  if (needsTwoSides(draft.operator)) {
    if (!draft.codes.length || !draft.others.length) return null;
    const within = Math.max(0, Math.round(draft.within) || 0);
    base =
      draft.operator === 'near'
        ? { op: 'near', of: anyOf(draft.codes), to: anyOf(draft.others), within: draft.sameParagraph ? 'paragraph' : { chars: within } }
        : { op: 'followedBy', of: anyOf(draft.codes), by: anyOf(draft.others), within };
  } else if (draft.codes.length) {
    base =
      draft.operator === 'anyOf'
        ? anyOf(draft.codes)
        : { op: 'allOf', of: draft.codes.map(term), on: draft.operator === 'allSegment' ? 'segment' : 'overlap' };
  } else {
    // No code chosen: every coded passage (narrowed by the exclusion or the memo text).
    base = draft.exclude.length || draft.memo.trim() ? { op: 'coded' } : null;
  }
  if (!base) return null;
  if (!draft.exclude.length) return base;
  return { op: 'allOf', of: [base, { op: 'not', of: anyOf(draft.exclude), on: draft.excludeOverlapping ? 'overlap' : 'segment' }], on: 'segment' };
}

export const takesTwoSides = needsTwoSides;
