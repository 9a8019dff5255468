/**
 * Seeded random projects for the analysis tests: short texts with lines, a small code tree,
 * and segments that overlap, nest, touch end to start, and cross lines, by two coders.
 */
import type { AnalysisCode } from './codeIndex';
import type { AnalysisDocument, AnalysisSegment } from './input';

export { seededRandom as seeded } from '../../../common/testing/randomText';

/** A (A1 (A1a), A2), B (B1), C. */
export const TEST_CODES: AnalysisCode[] = [
  { id: 'A', parentId: null },
  { id: 'A1', parentId: 'A' },
  { id: 'A1a', parentId: 'A1' },
  { id: 'A2', parentId: 'A' },
  { id: 'B', parentId: null },
  { id: 'B1', parentId: 'B' },
  { id: 'C', parentId: null },
];
export const CODERS = ['ana', 'ben'];

export interface TestDocument {
  doc: AnalysisDocument;
  text: string;
  segments: AnalysisSegment[];
}

const WORDS = ['la', 'coalition', 'état', 'fighters', 'Da’esh', 'stabilisation', 'and', '—', 'Mosul'];

function randomText(rng: () => number, length: number): string {
  let text = '';
  while (text.length < length) {
    const r = rng();
    text += r < 0.08 ? '\n' : r < 0.12 ? '  ' : `${WORDS[Math.floor(rng() * WORDS.length)]} `;
  }
  return text.slice(0, length);
}

export function randomDocument(rng: () => number, id: string, attributes: Partial<AnalysisDocument> = {}): TestDocument {
  const text = randomText(rng, 120 + Math.floor(rng() * 240));
  const segments: AnalysisSegment[] = [];
  const count = 4 + Math.floor(rng() * 16);
  for (let i = 0; i < count; i++) {
    let start: number;
    let end: number;
    const previous = segments[segments.length - 1];
    const shape = rng();
    if (previous && shape < 0.25) {
      // nested in the previous one
      start = previous.start + Math.floor(rng() * (previous.end - previous.start));
      end = Math.min(previous.end, start + 1 + Math.floor(rng() * 20));
    } else if (previous && shape < 0.45) {
      // adjacent: starts where the previous ends
      start = previous.end;
      end = start + 1 + Math.floor(rng() * 30);
    } else {
      start = Math.floor(rng() * (text.length - 2));
      end = start + 1 + Math.floor(rng() * 60);
    }
    end = Math.min(end, text.length);
    if (end <= start) continue;
    const codings: Array<{ codeId: string; coder: string }> = [];
    const n = 1 + Math.floor(rng() * 3);
    for (let c = 0; c < n; c++) {
      const codeId = TEST_CODES[Math.floor(rng() * TEST_CODES.length)]!.id;
      const coder = CODERS[Math.floor(rng() * CODERS.length)]!;
      if (!codings.some((x) => x.codeId === codeId && x.coder === coder)) codings.push({ codeId, coder });
    }
    if (rng() < 0.05) codings.push({ codeId: 'deleted-code', coder: 'ana' });
    segments.push({
      id: `${id}-s${i}`,
      start,
      end,
      quote: text.slice(start, end),
      memo: rng() < 0.3 ? `memo ${i} Étape` : '',
      codings,
    });
  }
  return { doc: { id, title: `Document ${id}`, kind: null, place: null, date: null, ...attributes }, text, segments };
}

/** The code and, with sub-codes, every code below it. */
export function codeSet(codeId: string, withSubcodes: boolean): Set<string> {
  const out = new Set([codeId]);
  if (!withSubcodes) return out;
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of TEST_CODES) if (c.parentId && out.has(c.parentId) && !out.has(c.id)) out.add(c.id), (grew = true);
  }
  return out;
}
