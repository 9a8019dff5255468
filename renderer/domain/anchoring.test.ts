import { describe, expect, it } from 'vitest';
import { placeSegment, reanchorAll } from './anchoring';
import type { OpContext } from './context';
import type { Segment } from './model';
import { applyCode } from './segments';

const ctx = (): OpContext => {
  let n = 0;
  return { now: '2025-01-01T00:00:00.000Z', newId: () => `s${++n}` };
};

/** A segment over the first occurrence (or the `nth`) of `quote` in `text`, built as the app does. */
function segmentOn(text: string, quote: string, nth = 0): Segment {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`quote not in text: ${quote}`);
  return applyCode([], { documentId: 'd', documentHash: 'h', text, start: at, end: at + quote.length }, 'c', 'ana', ctx()).segment;
}

/** The app's normalisation: BOM stripped, CRLF/CR → LF, NFC. */
const normalise = (raw: string) => raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');

const TEXT = 'Ministers met in Rome. Foreign fighters returning home were discussed. The meeting ended early.';

describe('placeSegment', () => {
  const seg = segmentOn(TEXT, 'Foreign fighters returning');

  it('is exact when the stored offsets still cover the quote', () => {
    expect(placeSegment(seg, TEXT)).toEqual({ status: 'exact', start: seg.start, end: seg.end });
    const editedAfter = TEXT.replace('ended early', 'ended late, after a long debate');
    expect(placeSegment(seg, editedAfter)).toEqual({ status: 'exact', start: seg.start, end: seg.end });
  });

  it('moves with an edit before the quote', () => {
    const edited = TEXT.replace('Ministers met', 'On Monday, the foreign ministers met');
    const placement = placeSegment(seg, edited);
    const shift = edited.length - TEXT.length;
    expect(placement).toEqual({ status: 'moved', start: seg.start + shift, end: seg.end + shift });
  });

  it('tolerates white space changed inside the quote', () => {
    const edited = TEXT.replace('Foreign fighters returning', 'Foreign\n  fighters returning');
    const placement = placeSegment(seg, edited);
    expect(placement.status).toBe('moved');
    if (placement.status !== 'moved') return;
    expect(edited.slice(placement.start, placement.end)).toBe('Foreign\n  fighters returning');
  });

  it('reports unplaced, not dropped, when words inside the quote changed', () => {
    const edited = TEXT.replace('Foreign fighters returning', 'Foreign combatants returning');
    expect(placeSegment(seg, edited)).toEqual({ status: 'unplaced' });
    expect(placeSegment(seg, '')).toEqual({ status: 'unplaced' });
  });

  it('tells duplicated quotes apart by prefix and suffix, not by distance', () => {
    const text = 'In Iraq the returnees were tried. In Syria the returnees were held in camps.';
    const second = segmentOn(text, 'the returnees', 1);
    // A long insertion near the start puts the old offset closest to the *first* occurrence.
    const edited = text.replace('In Iraq', `In Iraq${' and elsewhere'.repeat(3)}`);
    const placement = placeSegment(second, edited);
    const expected = edited.indexOf('the returnees', edited.indexOf('Syria'));
    expect(placement).toEqual({ status: 'moved', start: expected, end: expected + 'the returnees'.length });
  });

  it('uses the suffix when prefixes are equal', () => {
    const text = 'Report: the returnees were tried. Report: the returnees were held.';
    const second = { ...segmentOn(text, 'the returnees', 1), prefix: '' };
    const edited = `${'Preface. '.repeat(7)}${text}`; // old offset now nearest the first occurrence
    const placement = placeSegment(second, edited);
    expect(placement.status === 'moved' && edited.slice(placement.start + 'the returnees'.length)).toBe(' were held.');
  });

  it('breaks ties by nearness to the old position', () => {
    const text = 'xx ab xx ab xx ab xx';
    const middle = { ...segmentOn(text, 'ab', 1), prefix: '', suffix: '' };
    const edited = `${text.slice(0, 1)}-${text.slice(1)}`; // shift everything by one
    expect(placeSegment(middle, edited)).toEqual({ status: 'moved', start: 10, end: 12 });
  });

  it('counts emoji as two UTF-16 units when re-anchoring', () => {
    const text = 'Flag 🏳️ and rocket 🚀: Daesh propaganda online.';
    const s = segmentOn(text, 'Daesh propaganda');
    const edited = `😀😀 ${text}`;
    expect(placeSegment(s, edited)).toEqual({ status: 'moved', start: s.start + 5, end: s.end + 5 });
    const quoteWithEmoji = segmentOn(text, 'rocket 🚀');
    const placed = placeSegment(quoteWithEmoji, edited);
    expect(placed.status === 'moved' && edited.slice(placed.start, placed.end)).toBe('rocket 🚀');
  });

  it('handles combining marks (e + U+0301 normalised to é, and marks with no precomposed form)', () => {
    const text = normalise('Le cafe\u0301 de la re\u0301sistance. Q\u0301 marks.');
    expect(text).toContain('café');
    const s = segmentOn(text, 'café');
    const edited = normalise(`Note: ${'Le cafe\u0301 de la re\u0301sistance. Q\u0301 marks.'}`);
    expect(placeSegment(s, edited)).toEqual({ status: 'moved', start: s.start + 6, end: s.end + 6 });
    const q = segmentOn(text, 'Q\u0301');
    expect(q.quote.length).toBe(2);
    expect(placeSegment(q, edited)).toEqual({ status: 'moved', start: q.start + 6, end: q.end + 6 });
  });

  it('re-anchors Arabic (right-to-left) text by logical offsets', () => {
    const text = 'اجتمع التحالف الدولي ضد داعش في روما. ناقش الوزراء المقاتلين الأجانب.';
    const s = segmentOn(text, 'المقاتلين الأجانب');
    const edited = `بيان: ${text}`;
    const placement = placeSegment(s, edited);
    expect(placement).toEqual({ status: 'moved', start: s.start + 6, end: s.end + 6 });
    expect(placement.status === 'moved' && edited.slice(placement.start, placement.end)).toBe('المقاتلين الأجانب');
  });

  it('works on CRLF-normalised text, and finds a LF quote loosely in un-normalised CRLF text', () => {
    const raw = '\uFEFFFirst line\r\nForeign fighters\r\nreturning home\rLast line';
    const text = normalise(raw);
    const s = segmentOn(text, 'fighters\nreturning');
    const editedRaw = raw.replace('First line', 'First line, revised');
    expect(placeSegment(s, normalise(editedRaw))).toEqual({ status: 'moved', start: s.start + 9, end: s.end + 9 });
    const loose = placeSegment(s, raw);
    expect(loose.status === 'moved' && raw.slice(loose.start, loose.end)).toBe('fighters\r\nreturning');
  });
});

describe('reanchorAll', () => {
  it('sorts segments into placed (exact or moved) and unplaced, keeping every segment', () => {
    const a = segmentOn(TEXT, 'Ministers');
    const b = segmentOn(TEXT, 'The meeting ended');
    const c = segmentOn(TEXT, 'Foreign fighters');
    const edited = TEXT.replace('Foreign fighters', 'Volunteers').replace('Rome', 'Roma, Italy');
    const { placed, unplaced } = reanchorAll([a, b, c], edited);
    expect(placed).toEqual([
      { segment: a, start: a.start, end: a.end, moved: false },
      { segment: b, start: edited.indexOf('The meeting ended'), end: edited.indexOf('The meeting ended') + 17, moved: true },
    ]);
    expect(unplaced).toEqual([c]);
  });
});
