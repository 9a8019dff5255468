import { describe, expect, it } from 'vitest';
import { DomainError, type Change } from './change';
import { applyRows, isEmptyChange, type OpContext } from './context';
import { CONTEXT_LENGTH, SegmentSchema, type Segment } from './model';
import { quoteSelector } from './segments';
import { resizeSegment, stepBoundary } from './resizeSegment';

const T1 = '2025-02-01T00:00:00.000Z';
const T2 = '2025-03-01T00:00:00.000Z';
const ctx: OpContext = { now: T2, newId: () => 'unused' };

function segment(text: string, start: number, end: number, id = 's1'): Segment {
  return {
    id,
    documentId: 'd1',
    documentHash: 'h1',
    start,
    end,
    ...quoteSelector(text, start, end),
    codings: [{ id: 'c1', codeId: 'k1', coder: 'ana', createdAt: T1 }],
    memo: 'a memo',
    createdAt: T1,
    updatedAt: T1,
  };
}

/** The row after the change, checked against the schema, and that backward restores the row before. */
function after(change: Change, before: Segment): Segment {
  const rows = new Map([[before.id, before]]);
  applyRows(rows, change.forward.segments);
  const row = SegmentSchema.parse(rows.get(before.id));
  applyRows(rows, change.backward.segments);
  expect(rows.get(before.id)).toBe(before);
  return row;
}

const at = (text: string, needle: string) => {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`no ${needle}`);
  return i;
};

describe('resizeSegment', () => {
  const text = 'Before the passage. The Global Coalition met in Brussels on Tuesday. After it.';

  it('moves the ends and takes quote and context again; codings, memo and creation stay; one undoable change', () => {
    const s = segment(text, at(text, 'Global'), at(text, ' met'));
    const change = resizeSegment(s, text, at(text, 'The Global'), at(text, ' on Tuesday'), ctx);
    expect(change.label).toBe('Adjust segment');
    const row = after(change, s);
    expect(row.quote).toBe('The Global Coalition met in Brussels');
    expect(row.prefix).toBe(text.slice(Math.max(0, row.start - CONTEXT_LENGTH), row.start));
    expect(row.suffix).toBe(text.slice(row.end, row.end + CONTEXT_LENGTH));
    expect(row).toMatchObject({ codings: s.codings, memo: 'a memo', createdAt: T1, updatedAt: T2, documentId: 'd1', id: 's1' });
  });

  it('trims white space, orders the ends, clamps to the text, and refuses an empty span', () => {
    const s = segment(text, at(text, 'Global'), at(text, ' met'));
    const row = after(resizeSegment(s, text, at(text, ' Coalition met') + 14, at(text, 'Coalition') - 1, ctx), s);
    expect(row.quote).toBe('Coalition met');
    expect(after(resizeSegment(s, text, at(text, 'After'), 10_000, ctx), s).quote).toBe('After it.');
    expect(() => resizeSegment(s, text, at(text, ' The'), at(text, ' The') + 1, ctx)).toThrow(DomainError); // only a space
    expect(() => resizeSegment(s, text, 5, 5, ctx)).toThrow(/keep some text/);
  });

  it('is an empty change when the span does not change after trimming', () => {
    const s = segment(text, at(text, 'Global'), at(text, ' met'));
    expect(isEmptyChange(resizeSegment(s, text, s.start - 1, s.end + 1, ctx))).toBe(true);
  });

  it('refuses the exact span of another segment of the document, not one of another document', () => {
    const s = segment(text, at(text, 'Global'), at(text, ' met'));
    const other = segment(text, at(text, 'Brussels'), at(text, ' on'), 's2');
    const target = [other.start, other.end] as const;
    expect(() => resizeSegment(s, text, ...target, ctx, { others: [s, other] })).toThrow(/already spans exactly/);
    expect(after(resizeSegment(s, text, ...target, ctx, { others: [{ ...other, documentId: 'd2' }] }), s).quote).toBe('Brussels');
  });

  it('stamps the hash of the text its offsets are now taken in', () => {
    const s = segment(text, at(text, 'Global'), at(text, ' met'));
    expect(after(resizeSegment(s, text, s.start, s.end, ctx, { documentHash: 'h2' }), s).documentHash).toBe('h2');
  });

  it('never cuts an emoji in half (surrogate pairs), nor a letter from its combining mark', () => {
    const emoji = 'Rally 😀🎉 at dawn, e\u0301te\u0301 over.';
    const s = segment(emoji, at(emoji, 'at'), at(emoji, ' dawn'));
    const cut = at(emoji, '😀') + 1; // between the two halves of 😀
    const row = after(resizeSegment(s, emoji, cut, s.end, ctx), s);
    expect(row.quote).toBe('😀🎉 at');
    const mark = at(emoji, '\u0301te'); // between "e" and its accent
    expect(after(resizeSegment(s, emoji, s.start, mark, ctx), s).quote).toBe('at dawn, e\u0301');
    expect(after(resizeSegment(s, emoji, mark, mark + 3, ctx), s).quote).toBe('e\u0301te\u0301');
    for (const r of [row]) expect(r.prefix + r.quote + r.suffix).toBe(emoji.slice(r.start - r.prefix.length, r.end + r.suffix.length));
  });

  it('works in Arabic with harakat (right-to-left text is still offsets in reading order)', () => {
    const arabic = 'قالَ المتحدثُ إنَّ التحالفَ اجتمعَ في بروكسل.';
    const s = segment(arabic, at(arabic, 'التحالفَ'), at(arabic, ' اجتمعَ'));
    const row = after(resizeSegment(s, arabic, s.start, at(arabic, ' في'), ctx), s);
    expect(row.quote).toBe('التحالفَ اجتمعَ');
    const harakah = at(arabic, 'فَ ') + 1; // between ف and its fatha
    expect(after(resizeSegment(s, arabic, s.start, harakah, ctx), s).quote).toBe('التحالفَ');
  });
});

describe('stepBoundary', () => {
  const text = 'one two,  three 👩‍👩‍👧 e\u0301!';

  it('moves the end by a character (skipping white space forwards) and by a word', () => {
    const end = at(text, ' two');
    expect(stepBoundary(text, end, 'end', 'forward', 'character')).toBe(end + 2); // " t": space skipped, "t" taken
    expect(stepBoundary(text, end, 'end', 'backward', 'character')).toBe(end - 1);
    expect(stepBoundary(text, end, 'end', 'forward', 'word')).toBe(at(text, ','));
    expect(stepBoundary(text, at(text, ','), 'end', 'backward', 'word')).toBe(end);
    expect(stepBoundary(text, 3, 'end', 'backward', 'word')).toBe(3); // no word ends before the first
  });

  it('moves the start by a character (skipping white space backwards) and by a word', () => {
    const start = at(text, 'three');
    expect(stepBoundary(text, start, 'start', 'backward', 'character')).toBe(at(text, ','));
    expect(stepBoundary(text, start, 'start', 'forward', 'character')).toBe(start + 1);
    expect(stepBoundary(text, start, 'start', 'backward', 'word')).toBe(at(text, 'two'));
    expect(stepBoundary(text, start, 'start', 'forward', 'word')).toBe(at(text, 'e\u0301'));
  });

  it('steps over a whole emoji sequence and a letter with its mark, and stops at the edges', () => {
    const family = at(text, '👩');
    expect(stepBoundary(text, family, 'end', 'forward', 'character')).toBe(family + '👩‍👩‍👧'.length);
    expect(stepBoundary(text, family + '👩‍👩‍👧'.length, 'start', 'backward', 'character')).toBe(family);
    const e = at(text, 'e\u0301');
    expect(stepBoundary(text, e, 'end', 'forward', 'character')).toBe(e + 2);
    expect(stepBoundary(text, text.length, 'end', 'forward', 'character')).toBe(text.length);
    expect(stepBoundary(text, 0, 'start', 'backward', 'character')).toBe(0);
  });
});
