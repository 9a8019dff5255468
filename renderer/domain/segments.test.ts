import { describe, expect, it } from 'vitest';
import { DomainError, type Change } from './change';
import { applyRows, isEmptyChange, type OpContext } from './context';
import { CONTEXT_LENGTH, DocumentMemoSchema, SegmentSchema, type DocumentMemo, type Segment } from './model';
import {
  applyCode,
  deleteSegment,
  quoteSelector,
  removeCoding,
  setDocumentMemo,
  setSegmentMemo,
  snapToCharacters,
  trimSpan,
} from './segments';

const T1 = '2025-02-01T00:00:00.000Z';
const T2 = '2025-03-01T00:00:00.000Z';

function testContext(now = T1): OpContext {
  let n = 0;
  return { now, newId: () => `seg-${++n}` };
}

/** Forward then backward on an in-memory segments table; returns the table after forward. */
function replay(change: Change, segments: Segment[]): Map<string, Segment> {
  const rows = new Map(segments.map((s) => [s.id, s]));
  applyRows(rows, change.forward.segments);
  const after = new Map(rows);
  for (const row of after.values()) SegmentSchema.parse(row);
  applyRows(rows, change.backward.segments);
  expect(rows).toEqual(new Map(segments.map((s) => [s.id, s])));
  return after;
}

const TEXT = 'The coalition met in Rome.\nForeign fighters were discussed at length.\n';
const target = (start: number, end: number, text = TEXT) => ({ documentId: 'doc', documentHash: 'hash', text, start, end });

describe('trimSpan', () => {
  it('drops spaces, newlines and NBSP around the span', () => {
    const text = ' \n\u00a0abc def\u00a0\t\n ';
    expect(trimSpan(text, 0, text.length)).toEqual({ start: 3, end: 10 });
    expect(text.slice(3, 10)).toBe('abc def');
  });
  it('returns null when only white space is selected, and clamps out-of-range offsets', () => {
    expect(trimSpan('a  \n b', 1, 5)).toBeNull();
    expect(trimSpan('a', 2, 1)).toBeNull();
    expect(trimSpan('abc', -5, 99)).toEqual({ start: 0, end: 3 });
  });
});

describe('snapToCharacters', () => {
  it('never splits an emoji surrogate pair', () => {
    const text = 'a😀b😀c'; // a=0, 😀=1..3, b=3, 😀=4..6, c=6
    expect(snapToCharacters(text, 2, 5)).toEqual({ start: 1, end: 6 });
    expect(snapToCharacters(text, 3, 4)).toEqual({ start: 3, end: 4 });
  });
  it('keeps combining marks with their base letter', () => {
    const text = 'xq\u0301\u0323y'; // q + acute + dot below has no precomposed form
    expect(text.normalize('NFC').length).toBe(5);
    expect(snapToCharacters(text, 1, 2)).toEqual({ start: 1, end: 4 });
    expect(snapToCharacters(text, 2, 5)).toEqual({ start: 1, end: 5 });
  });
});

describe('quoteSelector', () => {
  it('keeps up to CONTEXT_LENGTH characters of context each side', () => {
    const text = `${'p'.repeat(50)}QUOTE${'s'.repeat(50)}`;
    const selector = quoteSelector(text, 50, 55);
    expect(selector).toEqual({ quote: 'QUOTE', prefix: 'p'.repeat(CONTEXT_LENGTH), suffix: 's'.repeat(CONTEXT_LENGTH) });
  });
  it('shortens context rather than cutting an emoji in half', () => {
    const text = `😀${'a'.repeat(CONTEXT_LENGTH - 1)}Q${'b'.repeat(CONTEXT_LENGTH - 1)}😀`;
    const start = 2 + CONTEXT_LENGTH - 1;
    const { prefix, suffix } = quoteSelector(text, start, start + 1);
    expect(prefix).toBe('a'.repeat(CONTEXT_LENGTH - 1));
    expect(suffix).toBe('b'.repeat(CONTEXT_LENGTH - 1));
  });
});

describe('applyCode', () => {
  it('creates a trimmed segment with quote, context, coder and timestamps', () => {
    const start = TEXT.indexOf('Foreign') - 2; // includes "\n" and "." … trimmed below
    const { change, segment } = applyCode([], target(start + 1, TEXT.indexOf(' were') + 1), 'ftf', 'ana', testContext(), 'FTF');
    expect(change.label).toBe('Apply code FTF');
    expect(segment).toEqual({
      id: 'seg-1', documentId: 'doc', documentHash: 'hash',
      start: TEXT.indexOf('Foreign'), end: TEXT.indexOf(' were'),
      quote: 'Foreign fighters', prefix: 'The coalition met in Rome.\n', suffix: ' were discussed at length.\n',
      codings: [{ id: 'seg-2', codeId: 'ftf', coder: 'ana', createdAt: T1 }], memo: '', createdAt: T1, updatedAt: T1,
    });
    expect(replay(change, []).get('seg-1')).toEqual(segment);
  });

  it('adds the code to a segment with exactly the same span', () => {
    const first = applyCode([], target(0, 13), 'a', 'ana', testContext()).segment;
    const { change, segment } = applyCode([first], target(0, 14), 'b', 'bob', testContext(T2)); // trailing space trimmed
    expect(segment).toEqual({ ...first, codings: [...first.codings, { id: 'seg-1', codeId: 'b', coder: 'bob', createdAt: T2 }], updatedAt: T2 });
    expect(Object.keys(change.forward.segments)).toEqual([first.id]);
    expect(replay(change, [first]).get(first.id)).toEqual(segment);
  });

  it('refuses a code the coder already put on the same span', () => {
    const first = applyCode([], target(0, 13), 'a', 'ana', testContext()).segment;
    expect(() => applyCode([first], target(0, 13), 'a', 'ana', testContext(), 'A')).toThrow('You already coded this passage “A”');
  });

  it('gives a second coder a coding of their own with the same code on the same span', () => {
    const first = applyCode([], target(0, 13), 'a', 'alice', testContext()).segment;
    const { segment } = applyCode([first], target(0, 13), 'a', 'bob', testContext(T2));
    expect(segment.id).toBe(first.id);
    expect(segment.codings.map((c) => [c.codeId, c.coder])).toEqual([
      ['a', 'alice'],
      ['a', 'bob'],
    ]);
    expect(new Set(segment.codings.map((c) => c.id)).size).toBe(2);
  });

  it('allows overlapping and nested segments as new segments', () => {
    const ctx = testContext();
    const outer = applyCode([], target(0, 26), 'a', 'ana', ctx).segment;
    const nested = applyCode([outer], target(4, 13), 'a', 'ana', ctx).segment;
    const overlapping = applyCode([outer, nested], target(21, 34), 'b', 'ana', ctx).segment;
    expect(new Set([outer.id, nested.id, overlapping.id]).size).toBe(3);
    expect(nested.quote).toBe('coalition');
    expect(overlapping.quote).toBe('Rome.\nForeign');
  });

  it('does not merge with a same-offset segment of another document', () => {
    const other = { ...applyCode([], target(0, 3), 'a', 'ana', testContext()).segment, documentId: 'other' };
    expect(applyCode([other], target(0, 3), 'a', 'ana', testContext()).segment.id).toBe('seg-1');
    expect(applyCode([other], target(0, 3), 'a', 'ana', testContext()).segment.documentId).toBe('doc');
  });

  it('refuses an empty or white-space-only selection', () => {
    expect(() => applyCode([], target(26, 27), 'a', 'ana', testContext())).toThrow(DomainError);
    expect(() => applyCode([], target(5, 5), 'a', 'ana', testContext())).toThrow('Select some text to code');
  });

  it('widens a selection that cuts an emoji in half', () => {
    const text = 'go 🚀 now';
    const { segment } = applyCode([], target(4, 5, text), 'a', 'ana', testContext());
    expect(segment.quote).toBe('🚀');
    expect([segment.start, segment.end]).toEqual([3, 5]);
  });
});

describe('removing and deleting', () => {
  const base = applyCode([], target(0, 3), 'a', 'ana', testContext()).segment;
  const second = { id: 'c-b', codeId: 'b', coder: 'bob', createdAt: T1 };
  const twoCodes: Segment = { ...base, codings: [...base.codings, second] };

  it('removes one coding and keeps the segment', () => {
    const change = removeCoding(twoCodes, base.codings[0]!.id, testContext(T2), 'A');
    expect(change.label).toBe('Remove code A');
    expect(replay(change, [twoCodes]).get(base.id)).toEqual({ ...twoCodes, codings: [second], updatedAt: T2 });
  });

  it('deletes the segment when its last coding is removed', () => {
    const change = removeCoding(base, base.codings[0]!.id, testContext());
    expect(change.forward.segments[base.id]).toBeNull();
    expect(replay(change, [base]).has(base.id)).toBe(false);
  });

  it('refuses to remove a coding the segment does not have', () => {
    expect(() => removeCoding(base, 'zzz', testContext())).toThrow(DomainError);
  });

  it('deletes a segment and restores it on undo', () => {
    expect(replay(deleteSegment(twoCodes), [twoCodes]).size).toBe(0);
  });

  it('sets a segment memo; an identical memo is no change', () => {
    const change = setSegmentMemo(base, 'Worth quoting', testContext(T2));
    expect(replay(change, [base]).get(base.id)).toEqual({ ...base, memo: 'Worth quoting', updatedAt: T2 });
    expect(isEmptyChange(setSegmentMemo(base, '', testContext()))).toBe(true);
  });
});

describe('setDocumentMemo', () => {
  const replayMemos = (change: Change, memos: DocumentMemo[]) => {
    const rows = new Map(memos.map((m) => [m.documentId, m]));
    applyRows(rows, change.forward.memos);
    const after = new Map(rows);
    for (const row of after.values()) DocumentMemoSchema.parse(row);
    applyRows(rows, change.backward.memos);
    expect(rows).toEqual(new Map(memos.map((m) => [m.documentId, m])));
    return after;
  };

  it('creates, updates and removes (when blank) a memo, each undoable', () => {
    const created = setDocumentMemo(null, 'doc', 'First thoughts', testContext());
    const memo = replayMemos(created, []).get('doc')!;
    expect(memo).toEqual({ documentId: 'doc', text: 'First thoughts', updatedAt: T1 });
    expect(replayMemos(setDocumentMemo(memo, 'doc', 'Second', testContext(T2)), [memo]).get('doc')?.text).toBe('Second');
    expect(replayMemos(setDocumentMemo(memo, 'doc', '  \n', testContext(T2)), [memo]).has('doc')).toBe(false);
    expect(isEmptyChange(setDocumentMemo(null, 'doc', '', testContext()))).toBe(true);
    expect(isEmptyChange(setDocumentMemo(memo, 'doc', 'First thoughts', testContext()))).toBe(true);
  });
});
