import { describe, expect, it } from 'vitest';
import type { OpContext } from './context';
import type { Segment } from './model';
import { placeDocumentSegments } from './placement';
import { applyCode } from './segments';

const TEXT = 'Ministers met in Rome. Foreign fighters returning home were discussed. The meeting ended early.';
let n = 0;
const ctx = (): OpContext => ({ now: '2025-01-01T00:00:00.000Z', newId: () => `s${++n}` });

function coded(quote: string, text = TEXT, documentHash = 'h1'): Segment {
  const start = text.indexOf(quote);
  return applyCode([], { documentId: 'd', documentHash, text, start, end: start + quote.length }, 'c', 'ana', ctx()).segment;
}

describe('placeDocumentSegments', () => {
  it('returns the stored list itself when every segment is in place', () => {
    const list = [coded('Ministers'), coded('Foreign fighters')];
    const p = placeDocumentSegments(list, TEXT, 'h1');
    expect(p.placed).toBe(list);
    expect(p.unplaced).toEqual([]);
    expect(p.stale).toEqual([]);
  });

  it('re-anchors moved segments, marks them stale, and lists the unplaceable apart', () => {
    const moved = coded('Foreign fighters');
    const gone = coded('Rome');
    const edited = `Preface. ${TEXT.replace('Rome', 'Paris')}`;
    const p = placeDocumentSegments([moved, gone], edited, 'h2');
    const at = edited.indexOf('Foreign fighters'); // 'Preface. ' before it, 'Paris' one longer than 'Rome'
    expect(p.placed).toEqual([{ ...moved, start: at, end: at + 16 }]);
    expect(p.stale).toEqual([{ segment: moved, start: at, end: at + 16, moved: true }]);
    expect(p.unplaced).toEqual([gone]);
  });

  it('gives a moved segment the same re-anchored copy every time (views compare rows by reference)', () => {
    const moved = coded('Foreign fighters');
    const edited = `Preface. ${TEXT}`;
    const first = placeDocumentSegments([moved], edited, 'h2');
    const again = placeDocumentSegments([moved, coded('Preface', edited, 'h2')], edited, 'h2', first);
    expect(again.placed[0]).toBe(first.placed[0]);
  });

  it('marks a segment coded against an older hash as stale even where its offsets still hold', () => {
    const old = coded('Ministers', TEXT, 'h0');
    expect(placeDocumentSegments([old], TEXT, 'h1').stale).toEqual([{ segment: old, start: old.start, end: old.end, moved: false }]);
  });

  it('after a change, agrees with placing from scratch (in place, moved, unplaced or stale rows added)', () => {
    const base = [coded('Ministers'), coded('Foreign fighters')];
    const first = placeDocumentSegments(base, TEXT, 'h1');
    const additions: Segment[] = [
      coded('meeting'), // in place: the fast path
      { ...coded('meeting'), start: 0, end: 7 }, // offsets wrong, quote elsewhere: moved
      { ...coded('meeting'), quote: 'not in the text' }, // unplaced
      coded('Rome', TEXT, 'h0'), // older hash: stale
    ];
    for (const extra of additions) {
      const next = [...base, extra];
      const incremental = placeDocumentSegments(next, TEXT, 'h1', first);
      const scratch = placeDocumentSegments(next, TEXT, 'h1');
      expect({ ...incremental, from: null }).toEqual({ ...scratch, from: null });
    }
    // A removal keeps the fast path too.
    expect(placeDocumentSegments(base.slice(1), TEXT, 'h1', first).placed).toEqual(base.slice(1));
  });

  it('ignores the previous result when the text or its hash changed', () => {
    const list = [coded('Foreign fighters')];
    const first = placeDocumentSegments(list, TEXT, 'h1');
    const edited = `Preface. ${TEXT}`;
    const p = placeDocumentSegments(list, edited, 'h2', first);
    expect(p.stale).toHaveLength(1);
    expect(p.placed[0]!.start).toBe(list[0]!.start + 9);
  });
});
