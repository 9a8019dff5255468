import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../common/testing/randomText';
import { mapCodes, mappingNotes, nameSimilarity, proposeCodeMapping } from './codeMapping';
import type { Code, Segment } from './model';

const NOW = '2026-01-01T00:00:00.000Z';
const code = (id: string, name: string, parentId: string | null = null): Code => ({
  id,
  name,
  colour: '#4e79a7',
  description: '',
  parentId,
  shortcut: null,
  createdAt: NOW,
  updatedAt: NOW,
});
const seg = (id: string, ...codings: [string, string][]): Segment => ({
  id,
  documentId: 'd',
  documentHash: 'h',
  start: 0,
  end: 4,
  quote: 'text',
  prefix: '',
  suffix: '',
  codings: codings.map(([codeId, coder], i) => ({ id: `${id}-${i}`, codeId, coder, createdAt: NOW })),
  memo: '',
  createdAt: NOW,
  updatedAt: NOW,
});

// Ours: "Foreign fighters" with a sub-code "Returnees", and "Stabilization".
const OURS = [code('ff', 'Foreign fighters'), code('ret', 'Returnees', 'ff'), code('stab', 'Stabilization')];
// Theirs: "Foreign Fighter" (singular) with "Returnees" and "Travel" under it; "Stabilisation"; "Stabilization > Mosul" nowhere; "Finance" new.
const THEIRS = [
  code('t-ff', 'Foreign Fighter'),
  code('t-ret', 'Returnees', 't-ff'),
  code('t-travel', 'Travel', 't-ff'),
  code('t-stab', 'Stabilisation'),
  code('t-fin', 'Finance'),
  code('stab', 'Stabilization'), // the same code by id: no row
];

describe('mapping a colleague’s codes onto ours', () => {
  it('scores names by similarity, 1 for the same name as siblings compare names', () => {
    expect(nameSimilarity('FTF', ' ftf ')).toBe(1);
    expect(nameSimilarity('Stabilisation', 'Stabilization')).toBeGreaterThan(0.8);
    expect(nameSimilarity('Finance', 'Returnees')).toBeLessThan(0.3);
  });

  it('proposes the most similar existing code for codes whose path is not here; sub-codes follow their parent', () => {
    const rows = proposeCodeMapping(THEIRS, OURS);
    expect(rows.map((r) => [r.incomingPath, r.proposed])).toEqual([
      ['Foreign Fighter', 'ff'],
      ['Stabilisation', 'stab'],
      ['Finance', null],
      ['Foreign Fighter > Returnees', 'ret'],
      ['Foreign Fighter > Travel', null],
    ]);
  });

  it('writes codings to the mapped code and moves sub-codes under it', () => {
    const rows = proposeCodeMapping(THEIRS, OURS);
    const mapping = new Map(rows.filter((r) => r.proposed).map((r) => [r.incoming.id, r.proposed!]));
    mapping.delete('t-ret'); // the analyst leaves one unmapped: it moves under the mapped parent, where the merge matches it by path
    const incoming = mapCodes({ codes: THEIRS, segments: [seg('s1', ['t-ff', 'bob'], ['t-stab', 'bob']), seg('s2', ['t-ret', 'bob'])] }, mapping);
    expect(incoming.codes.map((c) => [c.id, c.parentId])).toEqual([
      ['t-ret', 'ff'],
      ['t-travel', 'ff'],
      ['t-fin', null],
      ['stab', null],
    ]);
    expect(incoming.segments[0]!.codings.map((c) => c.codeId)).toEqual(['ff', 'stab']);

    expect(mappingNotes(rows, mapping, OURS)).toEqual(['Mapped 2 codes onto existing codes: "Foreign Fighter" → "Foreign fighters", "Stabilisation" → "Stabilization".']);
  });

  it('asks nothing when every path is already here', () => {
    expect(proposeCodeMapping(OURS, OURS)).toEqual([]);
  });
});

describe('mapping at scale', () => {
  it('proposes for 20,000 incoming codes against 20,000 existing ones (a quadratic proposal misses vitest’s timeout)', () => {
    const random = seededRandom(13);
    const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'pha', 'dro', 'ql'];
    const word = () => Array.from({ length: 3 + Math.floor(random() * 4) }, () => syllables[Math.floor(random() * syllables.length)]).join('');
    const book = (prefix: string) =>
      Array.from({ length: 20_000 }, (_, i) => code(`${prefix}${i}`, `${word()} ${word()}`, i % 4 === 0 ? null : `${prefix}${i - (i % 4)}`));
    const ours = [...book('o'), code('stab', 'Stabilization')];
    const theirs = [...book('t'), code('t-stab', 'Stabilisation')];
    const rows = proposeCodeMapping(theirs, ours);
    expect(rows.find((r) => r.incoming.id === 't-stab')?.proposed).toBe('stab');
    expect(rows.length).toBeGreaterThan(15_000);
  });
});
