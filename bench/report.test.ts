import { describe, expect, it } from 'vitest';
import { evaluateTargets, formatTable, median, percentile, type Results } from './report';

describe('bench report', () => {
  it('computes medians and nearest-rank percentiles', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile([7], 95)).toBe(7);
  });

  it('judges the targets and prints them', () => {
    const r: Results = {
      date: '2026-01-01T00:00:00.000Z',
      machine: { nproc: 2, cpu: 'cpu', memoryGB: 4, freeMemoryGB: 2, node: 'v20', chromium: '156' },
      options: { smoke: false, reps: 5, seed: 1, scale: 1, codeApplications: 200 },
      data: {},
      measurements: {
        code: { applications: 200, bookP50Ms: 20, bookP95Ms: 40, emptyP50Ms: 18, emptyP95Ms: 30, ratioP95: 1.33 },
        export: { qdpxMs: 30, qdpxMB: 1, jsonStringifyDataMs: 3, segments: 1, csvRows: 1, csvMB: 1, csvMs: 10, jsonStringifySegmentsMs: 2, jsonStringifyCsvRowsMs: 2, ratio: 5, ratioVsCsvRows: 5 },
      },
    };
    const t = evaluateTargets(r);
    expect(t.map((x) => [x.name, x.met])).toEqual([
      ['code p95 vs empty', true],
      ['code p95', true],
      ['export', false],
    ]);
    r.targets = t;
    expect(formatTable(r)).toContain('MISSED');
  });

  it('judges and prints the book with margin stripes on beside the rest', () => {
    const scroll = { frames: 900, stepPx: 700, longFrames: 0, longFramesMax: 1, worstFrameMs: 40 };
    const r: Results = {
      date: '2026-01-01T00:00:00.000Z',
      machine: { nproc: 2, cpu: 'cpu', memoryGB: 4, freeMemoryGB: 2, node: 'v20', chromium: '156' },
      options: { smoke: false, reps: 5, seed: 1, scale: 1, codeApplications: 200 },
      data: {},
      measurements: {
        stripes: {
          open: { oursMs: 450, barePaintMs: 500, ratio: 0.9 },
          scroll,
          reading: { ...scroll, stepPx: 40 },
          code: { applications: 200, bookP95Ms: 40, emptyP95Ms: 30, ratioP95: 1.33 },
        },
      },
    };
    const t = evaluateTargets(r);
    expect(t.map((x) => [x.name, x.met])).toEqual([
      ['open, stripes on', true],
      ['scroll, stripes on', false],
      ['code p95 vs empty, stripes on', true],
    ]);
    r.targets = t;
    const printed = formatTable(r);
    expect(printed).toContain('3s stripes on: open book');
    expect(printed).toContain('stripes off except');
  });
});
