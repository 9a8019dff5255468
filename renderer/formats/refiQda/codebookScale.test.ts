/**
 * 20,000 codes through the codebook's paths (issue 19: 3,000 codes froze the page 10.5 s, a
 * quadratic merge): read from a .qdc without colours, merged into a project and into itself — all within vitest's default timeout, which a quadratic path misses.
 */
import { describe, expect, it } from 'vitest';
import { exportQdc, importQdc } from './codebook';
import { planImport } from '../../project/jobs/importPlans';
import { PALETTE, ColourCounter, nextColour } from '../../domain/palette';
import type { Code, Settings } from '../../domain/model';

const now = '2024-01-01T00:00:00.000Z';
const N = 20_000;
const codes: Code[] = Array.from({ length: N }, (_, i) => {
  const parentId = i % 4 === 0 ? null : `c-${i - (i % 4)}`;
  return { id: `c-${i}`, name: parentId ? `Aspect ${i % 4}` : `Theme ${i / 4}`, colour: PALETTE[i % PALETTE.length]!, description: '', parentId, shortcut: null, createdAt: now, updatedAt: now };
});
const target = (current: Code[]) => ({ codes: current, segments: [], memos: [], importedDocuments: [], settings: {} as Settings });

describe('a codebook of 20,000 codes', () => {
  it('is read from a .qdc without colours, each given the palette colour fewest codes use', () => {
    const { codes: read } = importQdc(exportQdc(codes).replace(/ color="[^"]*"/g, ''), { now });
    expect(read).toHaveLength(N);
    // Every colour once before any repeats, then evenly spread: as nextColour over the codes so far.
    expect(read.slice(0, PALETTE.length).map((c) => c.colour)).toEqual(PALETTE);
    const counts = new Map<string, number>();
    for (const c of read) counts.set(c.colour, (counts.get(c.colour) ?? 0) + 1);
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
  });

  it('is merged into an empty project, and into itself (every path matched)', () => {
    const into = planImport({ kind: 'codebook', codes, report: [] }, target([]), [], { now, fileName: 'big.qdc' });
    expect(Object.keys(into.change.forward.codes)).toHaveLength(N);
    const again = planImport({ kind: 'codebook', codes, report: [] }, target(codes), [], { now, fileName: 'big.qdc' });
    expect(Object.keys(again.change.forward.codes)).toHaveLength(0);
  });
});

describe('ColourCounter', () => {
  it('gives what nextColour gives over the codes so far', () => {
    const counter = new ColourCounter(codes.slice(0, 5));
    const given: Array<Pick<Code, 'colour'>> = [...codes.slice(0, 5)];
    for (let i = 0; i < 60; i++) {
      const colour = counter.next();
      expect(colour).toBe(nextColour(given));
      counter.use(colour);
      given.push({ colour });
    }
  });
});
