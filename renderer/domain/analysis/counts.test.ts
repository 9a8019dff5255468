/** Frequencies, matrices and co-occurrence against brute-force counts on seeded random codings. */
import { describe, expect, it } from 'vitest';
import { rollUpCounts } from '../codeCounts';
import type { Code } from '../model';
import { NO_VALUE } from './attributes';
import { AnalysisEngine } from './engine';
import type { AnalysisSegment, Restriction } from './input';
import type { Distance } from './query';
import type { CooccurrenceAnswer, FrequencyAnswer, MatrixAnswer, QueryAnswer } from './requests';
import { codeSet, randomDocument, seeded, TEST_CODES, type TestDocument } from './testFixtures';
import { profileText } from './textProfile';

const K = TEST_CODES.length;
const KNOWN = new Set(TEST_CODES.map((c) => c.id));
const KINDS = ['statement', 'news report', null];
const DATES = ['2017-03-22', '2019-06-25', '2019-01-02', null];

function project(seed: number) {
  const rng = seeded(seed);
  const docs = Array.from({ length: 7 }, (_, i) =>
    randomDocument(rng, `d${i}`, { kind: KINDS[i % KINDS.length]!, date: DATES[i % DATES.length]! }),
  );
  const engine = new AnalysisEngine();
  engine.setCodes(TEST_CODES);
  engine.setDocuments(docs.map((d) => d.doc));
  for (const d of docs) {
    engine.setSegments(d.doc.id, d.segments);
    engine.setProfile(d.doc.id, profileText(d.text));
  }
  return { docs, engine };
}

const codings = (s: AnalysisSegment, coders?: readonly string[]) => s.codings.filter((c) => KNOWN.has(c.codeId) && (!coders || coders.includes(c.coder)));
const hasAny = (s: AnalysisSegment, set: Set<string>, coders?: readonly string[]) => codings(s, coders).some((c) => set.has(c.codeId));
const isWhite = (ch: string | undefined) => ch === undefined || /\s/.test(ch);

/** Brute-force frequencies of one code at one level. */
function oracleFrequency(docs: TestDocument[], codeId: string, withSubcodes: boolean, coders?: readonly string[]) {
  const set = codeSet(codeId, withSubcodes);
  let codingCount = 0;
  let segments = 0;
  let documents = 0;
  let chars = 0;
  let words = 0;
  for (const d of docs) {
    const coded = d.segments.filter((s) => hasAny(s, set, coders));
    codingCount += d.segments.reduce((n, s) => n + codings(s, coders).filter((c) => set.has(c.codeId)).length, 0);
    segments += coded.length;
    if (coded.length) documents++;
    for (let p = 0; p < d.text.length; p++) {
      if (!coded.some((s) => p >= s.start && p < s.end)) continue;
      chars++;
      if (!isWhite(d.text[p]) && isWhite(d.text[p - 1])) words++;
    }
  }
  return { codings: codingCount, segments, documents, chars, words };
}

describe('frequencies', () => {
  it('count codings, segments, documents, characters and words per code, own and with sub-codes', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const { docs, engine } = project(seed);
      for (const coders of [undefined, ['ana']]) {
        const f = engine.answer({ kind: 'frequencies', restriction: { coders } }) as FrequencyAnswer;
        TEST_CODES.forEach((code, k) => {
          for (const level of [0, 1] as const) {
            const expected = oracleFrequency(docs, code.id, level === 1, coders);
            const i = level * K + k;
            expect({ codings: f.codings[i], segments: f.segments[i], documents: f.documentsWith[i], chars: f.chars[i], words: f.words[i] }, `${code.id} level ${level}`).toEqual(expected);
          }
        });
        expect(f.textChars).toBe(docs.reduce((n, d) => n + d.text.length, 0));
        expect(f.textWords).toBe(docs.reduce((n, d) => n + (d.text.match(/\S+/g)?.length ?? 0), 0));
      }
    }
  });

  it('roll codings up the tree exactly as the codebook does', () => {
    const { engine } = project(9);
    const f = engine.answer({ kind: 'frequencies', restriction: {} }) as FrequencyAnswer;
    const asCodes = TEST_CODES.map((c): Code => ({ ...c, name: c.id, colour: '#000000', description: '', shortcut: null, createdAt: '', updatedAt: '' }));
    const rolled = rollUpCounts(asCodes, new Map(TEST_CODES.map((c, k) => [c.id, f.codings[k]!])));
    TEST_CODES.forEach((c, k) => expect(f.codings[K + k]).toBe(rolled.get(c.id)!.withSubcodes));
  });

  it('split codings and segments by coder', () => {
    const { docs, engine } = project(10);
    const f = engine.answer({ kind: 'frequencies', restriction: {} }) as FrequencyAnswer;
    for (const { coder, codings: c, segments: s } of f.coders) {
      TEST_CODES.forEach((code, k) => {
        const own = oracleFrequency(docs, code.id, false, [coder]);
        const rolled = oracleFrequency(docs, code.id, true, [coder]);
        expect([c[k], s[k], c[K + k], s[K + k]]).toEqual([own.codings, own.segments, rolled.codings, rolled.segments]);
      });
    }
  });

  it('leave characters and words unknown until every text is read', () => {
    const { docs } = project(11);
    const engine = new AnalysisEngine();
    engine.setCodes(TEST_CODES);
    engine.setDocuments(docs.map((d) => d.doc));
    for (const d of docs) engine.setSegments(d.doc.id, d.segments);
    const f = engine.answer({ kind: 'frequencies', restriction: {} }) as FrequencyAnswer;
    expect([f.textChars, f.textWords, f.textsMissing]).toEqual([null, null, docs.length]);
    expect(engine.missingProfiles()).toHaveLength(docs.length);
  });
});

describe('matrices', () => {
  it('code × document holds each document’s counts, and follows a coding in one document', () => {
    const { docs, engine } = project(12);
    const ask = () => engine.answer({ kind: 'codeByDocument', restriction: {}, measure: 'segments' }) as MatrixAnswer;
    let m = ask();
    expect(m.columns).toEqual(docs.map((d) => d.doc.id));
    const check = () =>
      docs.forEach((d, column) =>
        TEST_CODES.forEach((code, k) => {
          expect(m.values[k * m.columns.length + column]).toBe(oracleFrequency([d], code.id, false).segments);
          expect(m.values[(K + k) * m.columns.length + column]).toBe(oracleFrequency([d], code.id, true).segments);
        }),
      );
    check();
    const d = docs[3]!;
    d.segments = [...d.segments, { id: 'x', start: 1, end: 9, quote: d.text.slice(1, 9), memo: '', codings: [{ codeId: 'A1a', coder: 'ana' }] }];
    engine.setSegments(d.doc.id, d.segments);
    m = ask();
    check();
  });

  it('groups documents by an attribute value as columns (documents without one last)', () => {
    const { docs, engine } = project(13);
    for (const attribute of ['kind', 'year']) {
      const m = engine.answer({ kind: 'codeByAttribute', restriction: {}, measure: 'codings', attribute }) as MatrixAnswer;
      const valueOf = (d: TestDocument) => (attribute === 'kind' ? d.doc.kind : d.doc.date?.slice(0, 4)) ?? NO_VALUE;
      const values = [...new Set(docs.map(valueOf))];
      expect([...m.columns].sort()).toEqual([...values].sort());
      expect(m.columns[m.columns.length - 1]).toBe(NO_VALUE);
      if (attribute === 'year') expect(m.columns).toEqual(['2017', '2019', NO_VALUE]);
      m.columns.forEach((value, column) =>
        TEST_CODES.forEach((code, k) => {
          const group = docs.filter((d) => valueOf(d) === value);
          expect(m.values[(K + k) * m.columns.length + column]).toBe(oracleFrequency(group, code.id, true).codings);
        }),
      );
    }
  });

  it('restricts by attribute values', () => {
    const { docs, engine } = project(14);
    const restriction: Restriction = { attributes: { kind: ['statement', NO_VALUE] } };
    const m = engine.answer({ kind: 'codeByDocument', restriction, measure: 'segments' }) as MatrixAnswer;
    expect(m.columns).toEqual(docs.filter((d) => d.doc.kind === 'statement' || d.doc.kind === null).map((d) => d.doc.id));
  });
});

describe('co-occurrence', () => {
  const distances: Distance[] = [{ chars: -1 }, { chars: 0 }, { chars: 12 }, 'paragraph'];

  function touches(d: TestDocument, within: Distance, s: AnalysisSegment, t: AnalysisSegment): boolean {
    if (within !== 'paragraph') return Math.max(t.start - s.end, s.start - t.end) <= within.chars;
    let from = s.start;
    while (from > 0 && d.text[from - 1] !== '\n') from--;
    let to = s.end - 1;
    while (to < d.text.length && d.text[to] !== '\n') to++;
    if (d.text[s.end - 1] === '\n') to = s.end - 1;
    return t.start <= to && t.end > from; // the newline that ends the line is on it
  }

  /** Co-occurrences: pairs of a segment coded A and a segment coded B that touch (a segment carrying both is one, with itself). */
  function oracle(d: TestDocument, a: Set<string>, b: Set<string>, within: Distance): number {
    const coded = d.segments.filter((s) => codings(s).length);
    let n = 0;
    for (const s of coded) if (hasAny(s, a)) for (const t of coded) if (hasAny(t, b) && touches(d, within, s, t)) n++;
    return n;
  }

  /** Segments taking part: coded A touching a segment coded B, or the other way round. */
  function involvedOracle(d: TestDocument, a: Set<string>, b: Set<string>, within: Distance): number {
    const coded = d.segments.filter((s) => codings(s).length);
    const touch = (s: AnalysisSegment, t: AnalysisSegment) => touches(d, within, s, t);
    return coded.filter((s) => (hasAny(s, a) && coded.some((t) => hasAny(t, b) && touch(s, t))) || (hasAny(s, b) && coded.some((t) => hasAny(t, a) && touch(s, t)))).length;
  }

  it('counts one co-occurrence for one segment carrying both codes, and for two overlapping segments', () => {
    const text = 'Foreign fighters returned home. Stabilization followed in Mosul.';
    const segment = (id: string, start: number, end: number, codeIds: string[]): AnalysisSegment => ({ id, start, end, quote: text.slice(start, end), memo: '', codings: codeIds.map((codeId) => ({ codeId, coder: 'ana' })) });
    const cell = (segments: AnalysisSegment[]) => {
      const engine = new AnalysisEngine();
      engine.setCodes(TEST_CODES);
      engine.setDocuments([{ id: 'd', title: 'd', kind: null, place: null, date: null }]);
      engine.setSegments('d', segments);
      const c = engine.answer({ kind: 'cooccurrence', restriction: {}, within: { chars: -1 } }) as CooccurrenceAnswer;
      const [a, b] = [c.codes.indexOf('A'), c.codes.indexOf('B')];
      return { pairs: c.pairs[a * c.codes.length + b], involved: c.involved[a * c.codes.length + b] };
    };
    expect(cell([segment('s', 0, 30, ['A', 'B'])])).toEqual({ pairs: 1, involved: 1 });
    expect(cell([segment('s', 0, 30, ['A']), segment('t', 8, 45, ['B'])])).toEqual({ pairs: 1, involved: 2 });
    // One long A passage overlapping two B passages: two co-occurrences.
    expect(cell([segment('s', 0, 60, ['A']), segment('t', 8, 16, ['B']), segment('u', 32, 45, ['B'])])).toEqual({ pairs: 2, involved: 3 });
  });

  it('is symmetric and equals the oracle, own and with sub-codes, for each distance', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { docs, engine } = project(seed);
      for (const within of distances) {
        const c = engine.answer({ kind: 'cooccurrence', restriction: {}, within }) as CooccurrenceAnswer;
        for (const level of [0, 1] as const) {
          TEST_CODES.forEach((x, a) =>
            TEST_CODES.forEach((y, b) => {
              const at = level * K * K + a * K + b;
              expect(c.pairs[at]).toBe(c.pairs[level * K * K + b * K + a]);
              if (a === b) return expect(c.pairs[at]).toBe(c.segments[level * K + a]);
              const expected = docs.reduce((n, d) => n + oracle(d, codeSet(x.id, level === 1), codeSet(y.id, level === 1), within), 0);
              expect(c.pairs[at], `${x.id}–${y.id} level ${level} ${JSON.stringify(within)}`).toBe(expected);
              const involved = docs.reduce((n, d) => n + involvedOracle(d, codeSet(x.id, level === 1), codeSet(y.id, level === 1), within), 0);
              expect(c.involved[at], `${x.id}–${y.id} level ${level} ${JSON.stringify(within)}`).toBe(involved);
              const both = docs.reduce((n, d) => n + d.segments.filter((s) => hasAny(s, codeSet(x.id, level === 1)) && hasAny(s, codeSet(y.id, level === 1))).length, 0);
              expect(c.same[at]).toBe(both);
            }),
          );
        }
      }
    }
  });

  it('lists, behind a cell, exactly the segments it counts', () => {
    const { engine } = project(6);
    const within: Distance = { chars: 12 };
    const c = engine.answer({ kind: 'cooccurrence', restriction: {}, within }) as CooccurrenceAnswer;
    const term = (codeId: string) => ({ op: 'code', codeId, withSubcodes: true }) as const;
    const behind = engine.answer({
      kind: 'query',
      restriction: {},
      query: { op: 'anyOf', of: [{ op: 'near', of: term('A'), to: term('B'), within }, { op: 'near', of: term('B'), to: term('A'), within }] },
    }) as QueryAnswer;
    expect(behind.hits.length).toBe(c.involved[K * K + 0 * K + 4]);
    // Jaccard stays within [0, 1].
    const jaccard = c.involved[K * K + 4]! / (c.segments[K]! + c.segments[K + 4]! - c.same[K * K + 4]!);
    expect(jaccard).toBeGreaterThan(0);
    expect(jaccard).toBeLessThanOrEqual(1);
  });
});

describe('after a coding', () => {
  /** One random change to a document, as the analyst makes them: code a new passage, add or remove a code, delete a segment. */
  function change(rng: () => number, d: TestDocument, serial: number): AnalysisSegment[] {
    const list = [...d.segments];
    const pick = () => Math.floor(rng() * list.length);
    const code = () => TEST_CODES[Math.floor(rng() * TEST_CODES.length)]!.id;
    const coder = () => (rng() < 0.5 ? 'ana' : 'ben');
    const r = rng();
    if (r < 0.4 || list.length === 0) {
      const start = Math.floor(rng() * (d.text.length - 2));
      const end = Math.min(d.text.length, start + 1 + Math.floor(rng() * 50));
      list.push({ id: `new-${serial}`, start, end, quote: d.text.slice(start, end), memo: '', codings: [{ codeId: code(), coder: coder() }] });
    } else if (r < 0.65) {
      const i = pick();
      list[i] = { ...list[i]!, codings: [...list[i]!.codings, { codeId: code(), coder: coder() }] };
    } else if (r < 0.85) {
      const i = pick();
      list[i] = { ...list[i]!, codings: list[i]!.codings.slice(1) };
    } else list.splice(pick(), 1);
    return list;
  }

  const fresh = (docs: TestDocument[]) => {
    const engine = new AnalysisEngine();
    engine.setCodes(TEST_CODES);
    engine.setDocuments(docs.map((x) => x.doc));
    for (const x of docs) {
      engine.setSegments(x.doc.id, x.segments);
      engine.setProfile(x.doc.id, profileText(x.text));
    }
    return engine;
  };

  const requests = (coders?: readonly string[]) =>
    [
      { kind: 'frequencies', restriction: { coders } },
      { kind: 'codeByDocument', restriction: { coders }, measure: 'segments' },
      { kind: 'codeByDocument', restriction: { coders }, measure: 'words' },
      { kind: 'codeByAttribute', restriction: { coders }, measure: 'codings', attribute: 'kind' },
      { kind: 'cooccurrence', restriction: { coders }, within: { chars: -1 } },
      { kind: 'cooccurrence', restriction: { coders }, within: { chars: 5 } },
      { kind: 'cooccurrence', restriction: { coders }, within: 'paragraph' },
      { kind: 'cooccurrence', restriction: { coders, documents: ['d1', 'd2', 'd5'] }, within: { chars: -1 } },
    ] as const;

  /** An answer as comparable data: the time it took left out. */
  const data = (a: object) => JSON.stringify({ ...a, computeMs: 0 }, (_, v: unknown) => (ArrayBuffer.isView(v) ? [...(v as Int32Array)] : v));

  it('equals a fresh count after each of many random single changes (only the changed document counted again)', () => {
    for (const seed of [31, 32, 33, 34]) {
      const { docs, engine } = project(seed);
      const rng = seeded(seed * 7);
      for (let step = 0; step < 30; step++) {
        const coders = step % 3 === 0 ? ['ben'] : undefined;
        for (const request of requests(coders)) engine.answer(request);
        const d = docs[Math.floor(rng() * docs.length)]!;
        d.segments = change(rng, d, step);
        engine.setSegments(d.doc.id, d.segments);
        const reference = fresh(docs);
        for (const request of requests(coders)) expect(data(engine.answer(request)), `seed ${seed} step ${step} ${JSON.stringify(request)}`).toBe(data(reference.answer(request)));
      }
    }
  });

  it('counts words once a text is read after its counts were asked', () => {
    const { docs } = project(35);
    const engine = new AnalysisEngine();
    engine.setCodes(TEST_CODES);
    engine.setDocuments(docs.map((x) => x.doc));
    for (const x of docs) engine.setSegments(x.doc.id, x.segments);
    engine.answer({ kind: 'frequencies', restriction: {} });
    for (const x of docs) engine.setProfile(x.doc.id, profileText(x.text));
    expect(data(engine.answer({ kind: 'frequencies', restriction: {} }))).toBe(data(fresh(docs).answer({ kind: 'frequencies', restriction: {} })));
  });
});
