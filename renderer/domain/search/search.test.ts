import { describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_OPTIONS, parseQuery, splitTerms, type SearchOptions } from './query';
import { SearchIndex, type SearchScope } from './searchIndex';
import { mergeRanges } from './hits';

const options = (o: Partial<SearchOptions> = {}): SearchOptions => ({ ...DEFAULT_SEARCH_OPTIONS, ...o });

function hits(texts: Record<string, string>, query: string, o: Partial<SearchOptions> = {}, scope?: Partial<SearchScope>): string[] {
  const index = new SearchIndex();
  for (const [id, text] of Object.entries(texts)) index.add(id, text);
  const parsed = parseQuery(query, options(o));
  if (!parsed.ok) throw new Error(parsed.message);
  const list = index.search(parsed.query, options(o), { documents: Object.keys(texts), ...scope });
  return Array.from({ length: list.count }, (_, i) => {
    const id = list.documents[list.doc[i]!]!;
    return `${id}:${texts[id]!.slice(list.start[i], list.end[i])}`;
  });
}

describe('parseQuery', () => {
  it('splits words and quoted phrases, straight or typographic', () => {
    expect(splitTerms('returnees "foreign terrorist  fighters" FTF')).toEqual(['returnees', 'foreign terrorist fighters', 'FTF']);
    expect(splitTerms('“Da’esh fighters” fight*')).toEqual(['Da’esh fighters', 'fight*']);
    expect(splitTerms('"unclosed phrase')).toEqual(['unclosed phrase']);
  });

  it('keeps a phrase whole, marks wildcards, refuses an empty query and a broken regex', () => {
    const phrase = parseQuery('  foreign   terrorist fighters ', options());
    expect(phrase).toEqual({ ok: true, query: { kind: 'terms', mode: 'phrase', terms: [{ text: 'foreign terrorist fighters', hasWildcard: false }] } });
    const any = parseQuery('fight* FTF FTF', options({ mode: 'any' }));
    expect(any.ok && any.query.kind === 'terms' && any.query.terms).toEqual([
      { text: 'fight*', hasWildcard: true },
      { text: 'FTF', hasWildcard: false },
    ]);
    expect(parseQuery('   ', options()).ok).toBe(false);
    const regex = parseQuery('fight(', options({ mode: 'regex' }));
    expect(regex.ok).toBe(false);
    // Said once, without the engine's own prefix and the pattern repeated.
    expect(!regex.ok && regex.message).toBe('Not a valid regular expression: unterminated group.');
    expect(parseQuery('Da.esh', options({ mode: 'regex', matchCase: true }))).toEqual({ ok: true, query: { kind: 'regex', source: 'Da.esh', flags: 'gu' } });
  });
});

describe('folding', () => {
  const texts = { a: 'The defeat of Da’esh — and Da‘esh’s “networks”. The 2012 Geneva Communiqué; COMMUNIQUE too.' };

  it('typographic quotes and dashes match their plain forms', () => {
    expect(hits(texts, "Da'esh")).toEqual(['a:Da’esh', 'a:Da‘esh']);
    expect(hits(texts, '"networks"')).toEqual(['a:“networks”']);
    expect(hits(texts, 'Da’esh - and')).toEqual(['a:Da’esh — and']);
  });

  it('folds diacritics and case unless asked to match them', () => {
    expect(hits(texts, 'Communique')).toEqual(['a:Communiqué', 'a:COMMUNIQUE']);
    expect(hits(texts, 'Communique', { matchDiacritics: true })).toEqual(['a:COMMUNIQUE']);
    expect(hits(texts, 'Communiqué', { matchCase: true })).toEqual(['a:Communiqué']);
    expect(hits(texts, 'communique', { matchCase: true })).toEqual([]);
  });

  it('folds Arabic diacritics (harakat) and tatweel', () => {
    const arabic = { ar: 'تحرير مَدِينَة الموصل، و مدينـــة الرقة' };
    expect(hits(arabic, 'مدينة')).toEqual(['ar:مَدِينَة', 'ar:مدينـــة']);
    expect(hits(arabic, 'مدينة', { matchDiacritics: true })).toEqual([]);
  });
});

describe('whole words', () => {
  it('ends at punctuation and apostrophes, not inside words', () => {
    const texts = { a: 'fighters, fighter’s (fighter) firefighter fighters' };
    expect(hits(texts, 'fighter')).toEqual(['a:fighter', 'a:fighter']);
    expect(hits(texts, 'fighter', { wholeWord: false })).toEqual(['a:fighter', 'a:fighter', 'a:fighter', 'a:fighter', 'a:fighter']);
    expect(hits({ b: 'the U.S. and US-led, U.S.A.' }, 'U.S.')).toEqual(['b:U.S.', 'b:U.S.']);
  });

  it('treats an Arabic word with a clitic as another word', () => {
    const texts = { ar: 'الموصل، بالموصل والموصل. الموصل؟' };
    expect(hits(texts, 'الموصل')).toEqual(['ar:الموصل', 'ar:الموصل']);
    expect(hits(texts, 'الموصل', { wholeWord: false })).toHaveLength(4);
  });

  it('wildcards stay inside one word', () => {
    const texts = { a: 'fight, fighters fighting; foreign fighters. fig' };
    expect(hits(texts, 'fight*')).toEqual(['a:fight', 'a:fighters', 'a:fighting', 'a:fighters']);
    expect(hits(texts, 'foreign fight*')).toEqual(['a:foreign fighters']);
    expect(hits(texts, 'f*g', { mode: 'any' })).toEqual(['a:fighting', 'a:fig']);
  });
});

describe('modes', () => {
  const texts = { a: 'Returnees and foreign fighters.', b: 'Foreign fighters only.', c: 'Returnees only.' };
  it('any, all, phrase and regex', () => {
    expect(hits(texts, 'returnees fighters', { mode: 'any' })).toEqual(['a:Returnees', 'a:fighters', 'b:fighters', 'c:Returnees']);
    expect(hits(texts, 'returnees fighters', { mode: 'all' })).toEqual(['a:Returnees', 'a:fighters']);
    expect(hits(texts, 'foreign fighters')).toEqual(['a:foreign fighters', 'b:Foreign fighters']);
    expect(hits(texts, 'f\\w+s', { mode: 'regex' })).toEqual(['a:fighters', 'b:fighters']);
    expect(hits(texts, 'eign', { mode: 'regex', wholeWord: true })).toEqual([]);
  });

  it('a phrase matches across a line break or a double space', () => {
    expect(hits({ a: 'foreign\nterrorist  fighters' }, 'foreign terrorist fighters')).toEqual(['a:foreign\nterrorist  fighters']);
  });
});

describe('scope', () => {
  const text = 'FTF here. Then FTF coded. And FTF half-coded.';
  const at = (s: string, from = 0) => text.indexOf(s, from);
  const coded = mergeRanges([
    { start: at('Then'), end: at('coded.') + 6 },
    { start: at('FTF half') + 2, end: text.length },
  ]);
  const regions = (mode: 'inside' | 'outside') => ({ regions: { mode, ranges: new Map([['a', coded]]) } });

  it('inside keeps hits within coded text, outside those touching none', () => {
    const all = hits({ a: text }, 'FTF').length;
    expect(all).toBe(3);
    expect(hits({ a: text }, 'FTF', {}, regions('inside'))).toEqual(['a:FTF']);
    expect(hits({ a: text, b: text }, 'FTF', {}, regions('outside'))).toEqual(['a:FTF', 'b:FTF', 'b:FTF', 'b:FTF']);
  });

  it('chosen documents, in the order given', () => {
    expect(hits({ a: 'x FTF', b: 'FTF y' }, 'FTF', {}, { documents: ['b'] })).toEqual(['b:FTF']);
  });
});

describe('documents by details', () => {
  it('kind, place, date bounds (a year or month takes in all of it) and attribute values', async () => {
    const { documentsInScope } = await import('./documentScope');
    const listing = [
      { id: 'a', kind: 'statement', place: 'Paris', date: '2019-06-25', attributes: { region: 'Europe' } },
      { id: 'b', kind: 'report', place: 'Paris', date: '2017-03-22', attributes: { region: 'Europe' } },
      { id: 'c', kind: 'statement', place: null, date: null, attributes: { region: 'Levant' } },
    ];
    const filter = (f: Partial<import('./savedSearch').DetailFilter>) => ({ kind: 'details' as const, filter: { kind: null, place: null, dateFrom: '', dateTo: '', ...f } });
    expect(documentsInScope(listing, filter({ kind: 'statement' }))).toEqual(['a', 'c']);
    expect(documentsInScope(listing, filter({ place: 'Paris', dateTo: '2017' }))).toEqual(['b']);
    expect(documentsInScope(listing, filter({ dateFrom: '2018' }))).toEqual(['a']);
    expect(documentsInScope(listing, filter({ attributes: { region: 'Europe' } }))).toEqual(['a', 'b']);
    expect(documentsInScope(listing, { kind: 'chosen', ids: ['c', 'a'] })).toEqual(['a', 'c']);
  });
});
