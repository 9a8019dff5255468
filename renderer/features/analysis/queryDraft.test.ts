import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, queryOf } from './queryDraft';

describe('the query builder', () => {
  it('says nothing until codes are chosen', () => {
    expect(queryOf(EMPTY_DRAFT)).toBeNull();
    expect(queryOf({ ...EMPTY_DRAFT, operator: 'near', codes: ['a'] })).toBeNull();
  });

  it('builds each operator', () => {
    expect(queryOf({ ...EMPTY_DRAFT, codes: ['a'] })).toEqual({ op: 'code', codeId: 'a', withSubcodes: false });
    expect(queryOf({ ...EMPTY_DRAFT, operator: 'allOverlap', codes: ['a', 'b'], withSubcodes: true })).toEqual({
      op: 'allOf',
      on: 'overlap',
      of: [
        { op: 'code', codeId: 'a', withSubcodes: true },
        { op: 'code', codeId: 'b', withSubcodes: true },
      ],
    });
    expect(queryOf({ ...EMPTY_DRAFT, operator: 'near', codes: ['a'], others: ['b', 'c'], sameParagraph: true })).toMatchObject({
      op: 'near',
      within: 'paragraph',
      to: { op: 'anyOf' },
    });
    expect(queryOf({ ...EMPTY_DRAFT, operator: 'followedBy', codes: ['a'], others: ['b'], within: 12.4 })).toMatchObject({ op: 'followedBy', within: 12 });
    expect(queryOf({ ...EMPTY_DRAFT, codes: ['a'], exclude: ['b'], excludeOverlapping: true })).toEqual({
      op: 'allOf',
      on: 'segment',
      of: [
        { op: 'code', codeId: 'a', withSubcodes: false },
        { op: 'not', on: 'overlap', of: { op: 'code', codeId: 'b', withSubcodes: false } },
      ],
    });
    expect(queryOf({ ...EMPTY_DRAFT, memo: 'why' })).toEqual({ op: 'coded' });
  });
});
