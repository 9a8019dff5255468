import { describe, expect, it } from 'vitest';
import type { OpContext } from '../context';
import type { Segment } from '../model';
import type { Span } from '../span';
import { codeHits, codeHitsReportText, countHits } from './codeHits';

let n = 0;
const ctx: OpContext = { now: '2026-01-01T00:00:00.000Z', newId: () => `id${++n}` };
const text = 'FTF one. FTF two and FTF three.';
const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });

const existing = (span: Span, codeId: string, coder: string): Segment => ({
  id: `seg-${span.start}`,
  documentId: 'd',
  documentHash: 'h',
  ...span,
  quote: text.slice(span.start, span.end),
  prefix: '',
  suffix: '',
  codings: [{ id: `c-${span.start}`, codeId, coder, createdAt: ctx.now }],
  memo: '',
  createdAt: ctx.now,
  updatedAt: ctx.now,
});

describe('codeHits', () => {
  it('adds the code to a segment of the same span, skips what the coder already coded, shares spans', () => {
    const placed = [existing(at('FTF one.'), 'other', 'Zoe'), existing(at('FTF two and FTF three.'), 'ftf', 'Zoe')];
    const spans = [at('FTF one.'), at('FTF two and FTF three.'), at('FTF two and FTF three.'), at('one')];
    const { change, report } = codeHits([{ documentId: 'd', documentHash: 'h', text, spans, placed }], 'ftf', 'Zoe', ctx, 'Code all hits');
    expect(report).toEqual({ codings: 2, documents: 1, alreadyCoded: 1, shared: 1 });
    expect(countHits([{ documentId: 'd', documentHash: 'h', text, spans, placed }], 'ftf', 'Zoe')).toEqual(report);
    expect(codeHitsReportText(report)).toBe('2 codings in 1 document; 1 already coded; 1 hit shares a span with another');
    const rows = Object.values(change.forward.segments) as Segment[];
    expect(rows).toHaveLength(2);
    const updated = rows.find((s) => s.id === placed[0]!.id)!;
    expect(updated.codings.map((c) => c.codeId)).toEqual(['other', 'ftf']);
    const created = rows.find((s) => s.id !== placed[0]!.id)!;
    expect(created).toMatchObject({ quote: 'one', documentId: 'd', documentHash: 'h', prefix: 'FTF ', codings: [{ codeId: 'ftf', coder: 'Zoe' }] });
    expect(change.backward.segments[created.id]).toBeNull();
    expect(change.backward.segments[updated.id]).toBe(placed[0]);
  });

  it('another coder’s coding of the same code does not count as already coded', () => {
    const placed = [existing(at('FTF one.'), 'ftf', 'Amal')];
    const { report } = codeHits([{ documentId: 'd', documentHash: 'h', text, spans: [at('FTF one.')], placed }], 'ftf', 'Zoe', ctx, 'x');
    expect(report).toEqual({ codings: 1, documents: 1, alreadyCoded: 0, shared: 0 });
  });
});
