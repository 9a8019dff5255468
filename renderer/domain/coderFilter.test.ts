import { describe, expect, it } from 'vitest';
import type { Segment } from './model';
import { SegmentTable } from './segmentTable';
import { codeCountsFor, codingsFilter, coderPredicate } from './coderFilter';

const NOW = '2026-01-01T00:00:00.000Z';
const seg = (id: string, ...codings: [string, string][]): Segment => ({
  id,
  documentId: 'd',
  documentHash: 'h',
  start: 0,
  end: 4,
  quote: 'text',
  prefix: '',
  suffix: '',
  codings: codings.map(([codeId, coder], i) => ({ id: `${id}-${i}`, codeId, coder, createdAt: NOW })),
  memo: '',
  createdAt: NOW,
  updatedAt: NOW,
});

const both = seg('both', ['X', 'alice'], ['X', 'bob']);
const alice = seg('alice', ['Y', 'alice']);
const bob = seg('bob', ['X', 'bob']);
const segments = [both, alice, bob];

describe('the coder filter', () => {
  it('all: no filtering at all; mine and chosen coders: a predicate', () => {
    expect(coderPredicate({ kind: 'all' }, 'alice', false)).toBeNull();
    expect(coderPredicate({ kind: 'mine' }, 'alice', false)!('bob')).toBe(false);
    const chosen = coderPredicate({ kind: 'coders', coders: ['bob', 'carol'] }, 'alice', false)!;
    expect(['alice', 'bob', 'carol'].map(chosen)).toEqual([false, true, true]);
  });

  it('blind coding shows only the current coder, whatever the choice', () => {
    expect(['alice', 'bob'].map(coderPredicate({ kind: 'all' }, 'alice', true)!)).toEqual([true, false]);
  });

  it("hides a segment with no coding left, keeps the rest's rows as they are", () => {
    const mine = codingsFilter(coderPredicate({ kind: 'mine' }, 'alice', false));
    const shown = mine(segments);
    expect(shown.map((s) => s.id)).toEqual(['both', 'alice']);
    expect(shown[0]!.codings.map((c) => c.coder)).toEqual(['alice']);
    expect(shown[1]).toBe(alice);
    // The same rows give the same objects again (painters compare by reference).
    expect(mine(segments)[0]).toBe(shown[0]);
    expect(codingsFilter(null)(segments)).toBe(segments);
  });

  it('counts codings per code for the filter', () => {
    const table = SegmentTable.of(segments);
    expect(codeCountsFor(table, null)).toBe(table.codeCounts);
    expect([...codeCountsFor(table, coderPredicate({ kind: 'coders', coders: ['bob'] }, 'alice', false))]).toEqual([['X', 2]]);
    expect([...codeCountsFor(table, coderPredicate({ kind: 'mine' }, 'alice', false))].sort()).toEqual([
      ['X', 1],
      ['Y', 1],
    ]);
  });
});
