/** Each query operator against a brute-force oracle (character by character) on seeded random codings. */
import { describe, expect, it } from 'vitest';
import { AnalysisEngine } from './engine';
import type { Restriction } from './input';
import type { Distance, Query } from './query';
import type { QueryAnswer } from './requests';
import { codeSet, randomDocument, seeded, TEST_CODES, type TestDocument } from './testFixtures';
import { profileText } from './textProfile';
import type { AnalysisSegment } from './input';
import type { Span } from '../span';

const KNOWN = new Set(TEST_CODES.map((c) => c.id));

function project(seed: number, documents = 6) {
  const rng = seeded(seed);
  const docs = Array.from({ length: documents }, (_, i) => randomDocument(rng, `d${i}`));
  const engine = new AnalysisEngine();
  engine.setCodes(TEST_CODES);
  engine.setDocuments(docs.map((d) => d.doc));
  for (const d of docs) {
    engine.setSegments(d.doc.id, d.segments);
    engine.setProfile(d.doc.id, profileText(d.text));
  }
  return { rng, docs, engine };
}

/** The segments a restriction's coders leave (codings of unknown codes never count). */
function countedCodes(s: AnalysisSegment, coders?: readonly string[]): Set<string> {
  return new Set(s.codings.filter((c) => KNOWN.has(c.codeId) && (!coders || coders.includes(c.coder))).map((c) => c.codeId));
}

/** Answers already worked out, by query node, coder restriction and segment (the oracle asks the same thing often). */
const known = new WeakMap<Query, Map<string, boolean>>();

/** The oracle: does segment s of document d match q? */
function matches(q: Query, s: AnalysisSegment, d: TestDocument, coders?: readonly string[]): boolean {
  let answers = known.get(q);
  if (!answers) known.set(q, (answers = new Map()));
  const key = `${coders?.join(',') ?? '*'}|${s.id}`;
  let answer = answers.get(key);
  if (answer === undefined) answers.set(key, (answer = decide(q, s, d, coders)));
  return answer;
}

function decide(q: Query, s: AnalysisSegment, d: TestDocument, coders?: readonly string[]): boolean {
  const units = d.segments.filter((t) => countedCodes(t, coders).size > 0);
  const m = (x: Query, t: AnalysisSegment) => matches(x, t, d, coders);
  const shares = (a: Span, b: Span) => {
    for (let p = a.start; p < a.end; p++) if (p >= b.start && p < b.end) return true;
    return false;
  };
  switch (q.op) {
    case 'coded':
      return true;
    case 'code': {
      const set = codeSet(q.codeId, q.withSubcodes);
      return [...countedCodes(s, coders)].some((c) => set.has(c));
    }
    case 'anyOf':
      return q.of.some((x) => m(x, s));
    case 'allOf':
      if (q.on === 'segment') return q.of.length > 0 && q.of.every((x) => m(x, s));
      if (!q.of.some((x) => m(x, s))) return false;
      for (let p = s.start; p < s.end; p++) {
        if (q.of.every((x) => units.some((t) => m(x, t) && p >= t.start && p < t.end))) return true;
      }
      return false;
    case 'not':
      if (m(q.of, s)) return false;
      return q.on === 'segment' || !units.some((t) => m(q.of, t) && shares(s, t));
    case 'near': {
      if (!m(q.of, s)) return false;
      const near = (t: AnalysisSegment) => {
        if (q.within !== 'paragraph') return Math.max(t.start - s.end, s.start - t.end) <= q.within.chars;
        // Positions from the start of s's first line to the end of its last, with the newline that ends it.
        let from = s.start;
        while (from > 0 && d.text[from - 1] !== '\n') from--;
        let to = s.end - 1;
        while (to < d.text.length && d.text[to] !== '\n') to++;
        if (d.text[s.end - 1] === '\n') to = s.end - 1; // s ends on a newline: its last line ends there
        return shares({ start: from, end: to + 1 }, t);
      };
      return units.some((t) => m(q.to, t) && near(t));
    }
    case 'followedBy':
      return m(q.of, s) && units.some((t) => m(q.by, t) && t.start >= s.end && t.start - s.end <= q.within);
  }
}

function oracle(q: Query, docs: TestDocument[], restriction: Restriction = {}): string[] {
  return docs.flatMap((d) =>
    d.segments
      .filter((s) => countedCodes(s, restriction.coders).size > 0 && matches(q, s, d, restriction.coders))
      .filter((s) => !restriction.memo || s.memo.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().includes(restriction.memo.toLowerCase()))
      .map((s) => s.id),
  );
}

const ask = (engine: AnalysisEngine, query: Query, restriction: Restriction = {}) =>
  (engine.answer({ kind: 'query', query, restriction }) as QueryAnswer).hits.map((h) => h.segmentId);

function randomTerm(rng: () => number): Query {
  const code = TEST_CODES[Math.floor(rng() * TEST_CODES.length)]!.id;
  return { op: 'code', codeId: code, withSubcodes: rng() < 0.5 };
}

const sorted = (ids: string[]) => [...ids].sort();

describe('coding queries match a brute-force oracle', () => {
  const seeds = Array.from({ length: 25 }, (_, i) => i + 1);
  const distances: Distance[] = [{ chars: -1 }, { chars: 0 }, { chars: 5 }, { chars: 40 }, 'paragraph'];

  const shapes: Array<[string, (rng: () => number) => Query]> = [
    ['code (own and with sub-codes)', (rng) => randomTerm(rng)],
    ['any of', (rng) => ({ op: 'anyOf', of: [randomTerm(rng), randomTerm(rng), randomTerm(rng)] })],
    ['all of, same segment', (rng) => ({ op: 'allOf', of: [randomTerm(rng), randomTerm(rng)], on: 'segment' })],
    ['all of, overlapping (two terms)', (rng) => ({ op: 'allOf', of: [randomTerm(rng), randomTerm(rng)], on: 'overlap' })],
    ['all of, overlapping (three terms)', (rng) => ({ op: 'allOf', of: [randomTerm(rng), randomTerm(rng), randomTerm(rng)], on: 'overlap' })],
    ['not, on the segment', (rng) => ({ op: 'not', of: randomTerm(rng), on: 'segment' })],
    ['not, nor overlapping', (rng) => ({ op: 'not', of: randomTerm(rng), on: 'overlap' })],
    ['near', (rng) => ({ op: 'near', of: randomTerm(rng), to: randomTerm(rng), within: distances[Math.floor(rng() * distances.length)]! })],
    ['near, same paragraph', (rng) => ({ op: 'near', of: randomTerm(rng), to: randomTerm(rng), within: 'paragraph' })],
    ['near, adjacent or overlapping', (rng) => ({ op: 'near', of: randomTerm(rng), to: randomTerm(rng), within: { chars: 0 } })],
    ['followed by', (rng) => ({ op: 'followedBy', of: randomTerm(rng), by: randomTerm(rng), within: Math.floor(rng() * 3) * 10 })],
    [
      'nested: A and not B, near any of C, D',
      (rng) => ({
        op: 'near',
        of: { op: 'allOf', of: [randomTerm(rng), { op: 'not', of: randomTerm(rng), on: 'segment' }], on: 'segment' },
        to: { op: 'anyOf', of: [randomTerm(rng), randomTerm(rng)] },
        within: { chars: 10 },
      }),
    ],
  ];

  for (const [name, shape] of shapes) {
    it(name, () => {
      let nonEmpty = 0;
      for (const seed of seeds) {
        const { rng, docs, engine } = project(seed);
        for (let round = 0; round < 8; round++) {
          const q = shape(rng);
          const expected = oracle(q, docs);
          expect(sorted(ask(engine, q)), JSON.stringify(q)).toEqual(sorted(expected));
          if (expected.length) nonEmpty++;
        }
      }
      expect(nonEmpty).toBeGreaterThan(10); // the seeds exercise the operator, not only empty answers
    });
  }

  it('restricts by coders, documents and memo text', () => {
    for (const seed of seeds) {
      const { rng, docs, engine } = project(seed);
      const q: Query = { op: 'allOf', of: [randomTerm(rng), randomTerm(rng)], on: 'overlap' };
      expect(sorted(ask(engine, q, { coders: ['ben'] }))).toEqual(sorted(oracle(q, docs, { coders: ['ben'] })));
      expect(sorted(ask(engine, q, { documents: ['d1', 'd3'] }))).toEqual(sorted(oracle(q, docs.filter((d) => ['d1', 'd3'].includes(d.doc.id)))));
      expect(sorted(ask(engine, { op: 'coded' }, { memo: 'etape' }))).toEqual(sorted(oracle({ op: 'coded' }, docs, { memo: 'etape' })));
    }
  });

  it('answers in document order, then by position', () => {
    const { engine } = project(3);
    const hits = (engine.answer({ kind: 'query', query: { op: 'coded' }, restriction: {} }) as QueryAnswer).hits;
    const keys = hits.map((h) => [Number(h.documentId.slice(1)), h.start]);
    expect(keys).toEqual([...keys].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
  });

  it('sees a coding as soon as its document changes', () => {
    const { docs, engine } = project(4);
    const q: Query = { op: 'code', codeId: 'C', withSubcodes: false };
    const before = ask(engine, q).length;
    const d = docs[2]!;
    const added: AnalysisSegment = { id: 'new', start: 0, end: 5, quote: d.text.slice(0, 5), memo: '', codings: [{ codeId: 'C', coder: 'ana' }] };
    engine.setSegments(d.doc.id, [...d.segments, added]);
    expect(ask(engine, q)).toContain('new');
    expect(ask(engine, q).length).toBe(before + 1);
  });
});

describe('querySegments (the codebook list)', () => {
  it('finds what the engine finds, in the given document order', async () => {
    const { querySegments } = await import('./querySegments');
    for (const seed of [1, 2, 3]) {
      const { rng, docs, engine } = project(seed);
      const codes = TEST_CODES.map((c) => ({ ...c, name: c.id, colour: '#000000', description: '', shortcut: null, createdAt: '', updatedAt: '' }));
      const stored = docs.flatMap((d) =>
        d.segments.map((s) => ({
          id: s.id,
          documentId: d.doc.id,
          documentHash: 'h',
          start: s.start,
          end: s.end,
          quote: s.quote,
          prefix: '',
          suffix: '',
          memo: s.memo,
          codings: s.codings.map((c, i) => ({ id: `${s.id}-${i}`, codeId: c.codeId, coder: c.coder, createdAt: '' })),
          createdAt: '',
          updatedAt: '',
        })),
      );
      const order = docs.map((d) => d.doc.id).reverse();
      for (const q of [randomTerm(rng), { op: 'anyOf', of: [randomTerm(rng), randomTerm(rng)] } as Query, { op: 'near', of: randomTerm(rng), to: randomTerm(rng), within: { chars: 3 } } as Query]) {
        const found = querySegments(q, stored, codes, order, ['ana']).map((s) => s.id);
        const expected = ask(engine, q, { coders: ['ana'], documents: order }).slice();
        expect(sorted(found)).toEqual(sorted(expected));
        const rank = (id: string) => order.indexOf(id.split('-')[0]!);
        expect(found.map(rank)).toEqual([...found.map(rank)].sort((a, b) => a - b));
      }
    }
  });
});
