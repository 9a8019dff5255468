import { describe, expect, it } from 'vitest';
import { applyRows, ChangeRecorder, defaultContext, isEmptyChange } from './context';
import { newId } from './ids';
import type { DocumentMemo } from './model';

const memo = (text: string): DocumentMemo => ({ documentId: 'd', text, updatedAt: '2025-01-01T00:00:00.000Z' });

describe('ChangeRecorder', () => {
  it('keeps the first "before" and the last "after" when a row is written twice', () => {
    const rec = new ChangeRecorder();
    rec.put('memos', 'd', memo('v1'), memo('v2'));
    rec.put('memos', 'd', memo('v2'), memo('v3'));
    const change = rec.build('Edit');
    expect(change).toEqual({
      label: 'Edit',
      forward: { codes: {}, segments: {}, documents: {}, memos: { d: memo('v3') } },
      backward: { codes: {}, segments: {}, documents: {}, memos: { d: memo('v1') } },
    });
    expect(isEmptyChange(change)).toBe(false);
    expect(isEmptyChange(new ChangeRecorder().build('Nothing'))).toBe(true);
  });
});

describe('applyRows', () => {
  it('writes rows and deletes on null', () => {
    const rows = new Map([['a', 1], ['b', 2]]);
    applyRows(rows, { a: null, c: 3, b: 20 });
    expect([...rows.entries()].sort()).toEqual([['b', 20], ['c', 3]]);
  });
});

describe('defaultContext / newId', () => {
  it('gives an ISO timestamp and unique UUIDs', () => {
    const ctx = defaultContext();
    expect(new Date(ctx.now).toISOString()).toBe(ctx.now);
    const a = ctx.newId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newId()).not.toBe(a);
  });
});
