import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../common/testing/randomText';
import { SimilarNames, nameSimilarity } from './similarNames';

/** What the index must answer: the first most similar name at or above the threshold, compared with every one. */
function bruteForce(name: string, codes: ReadonlyArray<{ id: string; name: string }>, threshold: number) {
  let best: { id: string; similarity: number } | null = null;
  for (const c of codes) {
    const similarity = nameSimilarity(name, c.name);
    if (similarity >= threshold && (!best || similarity > best.similarity)) best = { id: c.id, similarity };
  }
  return best;
}

const SYLLABLES = ['sta', 'bi', 'li', 'za', 'sa', 'tion', 'ret', 'ur', 'nee', 's', 'for', 'eign', ' ', 'fi', 'ght', 'er', 'é', 'Ö'];

function randomName(random: () => number): string {
  const n = 1 + Math.floor(random() * 6);
  return Array.from({ length: n }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]!).join('');
}

describe('SimilarNames', () => {
  it('answers as comparing with every name does, at several thresholds (when it may compare them all)', () => {
    const random = seededRandom(19);
    const codes = Array.from({ length: 400 }, (_, i) => ({ id: `c${i}`, name: randomName(random) }));
    for (const threshold of [0.3, 0.6, 0.8]) {
      const index = new SimilarNames(codes, threshold, Infinity);
      for (let q = 0; q < 400; q++) {
        const name = randomName(random);
        expect(index.best(name), `${name} at ${threshold}`).toEqual(bruteForce(name, codes, threshold));
      }
    }
  });

  it('finds the same name as siblings compare names, and the first of equally similar ones', () => {
    const index = new SimilarNames(
      [
        { id: 'a', name: 'Stabilization' },
        { id: 'b', name: 'Returnees' },
        { id: 'c', name: 'Returnees' },
      ],
      0.6,
    );
    expect(index.best('  stabilization ')).toEqual({ id: 'a', similarity: 1 });
    expect(index.best('Stabilisation')?.id).toBe('a');
    expect(index.best('Returnee')?.id).toBe('b');
    expect(index.best('Finance')).toBeNull();
  });

  it('compares at most its limit for one name, and still finds the same name and a match at or above the threshold', () => {
    const random = seededRandom(7);
    const codes = Array.from({ length: 5000 }, (_, i) => ({ id: `c${i}`, name: randomName(random) }));
    const index = new SimilarNames(codes, 0.6, 50);
    for (let q = 0; q < 200; q++) {
      const name = randomName(random);
      const found = index.best(name);
      const exact = bruteForce(name, codes, 0.6);
      if (exact?.similarity === 1) expect(found?.similarity).toBe(1);
      if (found) expect(nameSimilarity(name, codes.find((c) => c.id === found.id)!.name)).toBe(found.similarity);
      if (found) expect(found.similarity).toBeGreaterThanOrEqual(0.6);
    }
  });

  it('finds the match among 20,000 numbered names', () => {
    const codes = Array.from({ length: 20_000 }, (_, i) => ({ id: `t${i}`, name: `Theme ${i}` }));
    const index = new SimilarNames(codes, 0.6);
    expect(index.best('theme 12345')).toEqual({ id: 't12345', similarity: 1 });
    expect(index.best('Themes 12345')?.id).toBe('t12345');
    expect(index.best('Finance')).toBeNull();
  });
});
