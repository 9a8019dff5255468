import { describe, expect, it } from 'vitest';
import { findMatches } from './findMatches';

const found = (text: string, query: string, options?: Parameters<typeof findMatches>[2]) =>
  findMatches(text, query, options).map(({ start, end }) => text.slice(start, end));

describe('findMatches', () => {
  it('finds every case-insensitive occurrence with UTF-16 offsets', () => {
    const text = 'Coalition 🙂 coalition COALITION';
    const m = findMatches(text, 'coalition');
    expect(m).toHaveLength(3);
    for (const { start, end } of m) expect(text.slice(start, end).toLowerCase()).toBe('coalition');
    expect(m[1]!.start).toBe('Coalition 🙂 '.length);
  });

  it('finds Arabic and overlapping repeats, and nothing for an empty query', () => {
    expect(findMatches('التحالف الدولي التحالف', 'التحالف')).toEqual([
      { start: 0, end: 7 },
      { start: 15, end: 22 },
    ]);
    expect(findMatches('aaaa', 'aa')).toHaveLength(3);
    expect(findMatches('text', '')).toEqual([]);
  });

  it('keeps offsets exact where lower-casing changes the length', () => {
    // "İ" lower-cases to two code units; positions must still be those of the original text.
    const text = 'İstanbul and Ankara';
    expect(findMatches(text, 'Ankara')).toEqual([{ start: 13, end: 19 }]);
    expect(found(text, 'istanbul')).toEqual(['İstanbul']);
    expect(found(text, 'İstanbul', { matchCase: true, matchDiacritics: true })).toEqual(['İstanbul']);
  });

  it('matches straight quotes, apostrophes and hyphens to their typographic forms, both ways', () => {
    const text = 'Da’esh, ‘so-called’ “state” — and „Kalifat“ in 2014–2015 and Da\'esh';
    expect(found(text, "Da'esh")).toEqual(['Da’esh', "Da'esh"]);
    expect(found(text, 'Da’esh')).toEqual(['Da’esh', "Da'esh"]);
    expect(found(text, "'so-called'")).toEqual(['‘so-called’']);
    expect(found(text, '"state" - and "Kalifat"')).toEqual(['“state” — and „Kalifat“']);
    expect(found(text, '2014-2015')).toEqual(['2014–2015']);
  });

  it('matches case and diacritics only when asked', () => {
    const text = 'Mosul, MOSUL, Mosúl, Mōsul';
    expect(found(text, 'mosul')).toEqual(['Mosul', 'MOSUL', 'Mosúl', 'Mōsul']);
    expect(found(text, 'Mosul', { matchCase: true, matchDiacritics: false })).toEqual(['Mosul', 'Mosúl', 'Mōsul']);
    expect(found(text, 'mosul', { matchCase: false, matchDiacritics: true })).toEqual(['Mosul', 'MOSUL']);
    expect(found(text, 'mosúl', { matchCase: false, matchDiacritics: true })).toEqual(['Mosúl']);
  });

  it('ignores Arabic short vowels and tatweel unless diacritics must match, and maps back exactly', () => {
    const text = 'قال مُحَمَّد إن محمـد وصل';
    const m = findMatches(text, 'محمد');
    expect(m.map(({ start, end }) => text.slice(start, end))).toEqual(['مُحَمَّد', 'محمـد']);
    expect(m[0]).toEqual({ start: 4, end: 4 + 'مُحَمَّد'.length });
    expect(found(text, 'محمد', { matchCase: false, matchDiacritics: true })).toEqual([]);
  });

  it('never cuts a letter from its combining marks, nor an emoji in half', () => {
    // q + combining tilde has no precomposed form: it stays two code points after NFC.
    const text = 'q\u0303 and q, 🙂🙃';
    expect(found(text, 'q')).toEqual(['q\u0303', 'q']);
    expect(found(text, 'q', { matchCase: false, matchDiacritics: true })).toEqual(['q']);
    expect(found(text, '🙃')).toEqual(['🙃']);
    expect(findMatches(text, '\udc42')).toEqual([]); // a lone half of 🙂
  });

  it('finds after emoji and combining marks with exact offsets', () => {
    const text = '👩🏽‍🔬 e\u0301tude, étude';
    const m = findMatches(text, 'etude');
    expect(m.map(({ start, end }) => text.slice(start, end))).toEqual(['e\u0301tude', 'étude']);
    expect(m[0]!.start).toBe('👩🏽‍🔬 '.length);
  });
});

describe('findMatches in long texts', () => {
  it('keeps offsets exact past many characters that fold longer (İ) or shorter (marks)', () => {
    const unit = 'İİ ab مُحَمَّد ';
    const text = unit.repeat(2000) + 'Ankara';
    expect(findMatches(text, 'ankara')).toEqual([{ start: text.length - 6, end: text.length }]);
    const m = findMatches(text, 'محمد');
    expect(m).toHaveLength(2000);
    for (const { start, end } of m) expect(text.slice(start, end)).toBe('مُحَمَّد');
  });
});
