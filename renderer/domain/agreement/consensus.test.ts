import { describe, expect, it } from 'vitest';
import type { Change } from '../change';
import { isEmptyChange, type OpContext } from '../context';
import type { Segment } from '../model';
import { agreementInput } from './agreementInput';
import { computeAgreement } from './computeAgreement';
import { stretchesOf as stretchRows, type Stretch } from './resultColumns';
import { consensusRuns, resolveStretch, stretchStatus } from './consensus';

const NOW = '2026-01-01T00:00:00.000Z';
const TEXT = 'The coalition met in Rome. Fighters crossed the border. Funding was cut in May. Nobody agreed.';
let n = 0;
const ctx: OpContext = { now: NOW, newId: () => `id${++n}` };
const doc = { id: 'd', sha256: 'h', text: TEXT };

function seg(start: number, end: number, ...coders: string[]): Segment {
  return {
    id: `s${++n}`,
    documentId: 'd',
    documentHash: 'h',
    start,
    end,
    quote: TEXT.slice(start, end),
    prefix: '',
    suffix: '',
    codings: coders.map((coder) => ({ id: `c${++n}`, codeId: 'X', coder, createdAt: NOW })),
    memo: '',
    createdAt: NOW,
    updatedAt: NOW,
  };
}

function apply(segments: Segment[], change: Change): Segment[] {
  const out = segments.filter((s) => !(s.id in change.forward.segments));
  for (const row of Object.values(change.forward.segments)) if (row) out.push(row);
  return out;
}

function stretchesOf(segments: Segment[]): Stretch[] {
  return stretchRows(computeAgreement(agreementInput({ documents: [{ id: 'd', length: TEXT.length, segments }], codeIds: ['X'], coders: ['A', 'B'] })));
}

describe('resolving a disagreement into the consensus coder', () => {
  const agreed = seg(0, 26, 'A', 'B');
  const onlyA = seg(27, 55, 'A');
  const longA = seg(56, 79, 'A');
  const shortB = seg(56, 63, 'B');
  const start = [agreed, onlyA, longA, shortB];

  it('lists each stretch the coders differ on, open until the consensus coder has it', () => {
    const stretches = stretchesOf(start);
    expect(stretches.map((s) => TEXT.slice(s.start, s.end))).toEqual(['Fighters crossed the border.', 'Funding was cut in May.']);
    expect(stretches.map((s) => stretchStatus(s, consensusRuns(start, s, 'consensus')))).toEqual(['open', 'open']);
  });

  it("accept A gives the consensus coder A's coding there, on A's own segment when the span is the same", () => {
    const [first] = stretchesOf(start);
    const change = resolveStretch(start, doc, first!, 'a', 'consensus', ctx, 'Accept A');
    expect(change.label).toBe('Accept A');
    expect(Object.keys(change.forward.segments)).toEqual([onlyA.id]);
    const after = apply(start, change);
    expect(after.find((s) => s.id === onlyA.id)!.codings.map((c) => c.coder)).toEqual(['A', 'consensus']);
    expect(stretchStatus(first!, consensusRuns(after, first!, 'consensus'))).toBe('a');
    // Undo restores the row exactly.
    expect(change.backward.segments[onlyA.id]).toBe(onlyA);
  });

  it('accept B, then keep both, replace the consensus coding each time', () => {
    const [, second] = stretchesOf(start);
    let rows = apply(start, resolveStretch(start, doc, second!, 'b', 'consensus', ctx, 'Accept B'));
    expect(stretchStatus(second!, consensusRuns(rows, second!, 'consensus'))).toBe('b');
    rows = apply(rows, resolveStretch(rows, doc, second!, 'both', 'consensus', ctx, 'Keep both'));
    // B's segment lies inside A's: both together is A's span, which A's own segment carries.
    expect(stretchStatus(second!, consensusRuns(rows, second!, 'consensus'))).toBe('a');
    expect(rows.find((s) => s.id === shortB.id)!.codings.map((c) => c.coder)).toEqual(['B']);
    expect(rows.find((s) => s.id === longA.id)!.codings.map((c) => c.coder)).toEqual(['A', 'consensus']);
  });

  it('keeps both as a new consensus segment over the union when neither span is it', () => {
    const a = seg(0, 20, 'A');
    const b = seg(10, 26, 'B');
    const [stretch] = stretchesOf([a, b]);
    const change = resolveStretch([a, b], doc, stretch!, 'both', 'consensus', ctx, 'Keep both');
    const created = Object.values(change.forward.segments).find((s) => s && s.id !== a.id && s.id !== b.id)!;
    expect(created).toMatchObject({ start: 0, end: 26, quote: TEXT.slice(0, 26), codings: [{ codeId: 'X', coder: 'consensus' }] });
  });

  it('accepting the coder who left a stretch uncoded writes nothing new', () => {
    const [first] = stretchesOf(start);
    expect(isEmptyChange(resolveStretch(start, doc, first!, 'b', 'consensus', ctx, 'Accept B'))).toBe(true);
  });
});
