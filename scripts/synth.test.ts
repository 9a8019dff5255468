import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../common/text/sha256';
import { parseBackup } from '../renderer/formats/backup/backup';
import { SegmentSchema } from '../renderer/domain/model';
import { runSynth } from './synth';
import { overlapStats, SYNTH_CODER, synthBook, synthCorpus } from './synth/generate';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'synth-test-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function filesOf(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const r = join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else out.set(r, readFileSync(join(dir, r), 'utf8'));
    }
  };
  walk('');
  return out;
}

describe('synth', () => {
  it('writes the same bytes for the same seed, different ones for another seed', () => {
    const a = tmp();
    const b = tmp();
    const c = tmp();
    runSynth({ out: a, seed: 7, kind: 'both', scale: 0.01 });
    runSynth({ out: b, seed: 7, kind: 'both', scale: 0.01 });
    runSynth({ out: c, seed: 8, kind: 'both', scale: 0.01 });
    const fa = filesOf(a);
    expect([...fa.keys()].sort()).toEqual([...filesOf(b).keys()].sort());
    for (const [name, content] of filesOf(b)) expect(content, name).toBe(fa.get(name));
    expect(filesOf(c).get(join('book', 'book.txt'))).not.toBe(fa.get(join('book', 'book.txt')));
    // The backup is one the app accepts, and the manifest lists the written files.
    const parsed = parseBackup(fa.get('corpus-backup.json')!);
    expect(parsed.ok, parsed.ok ? '' : parsed.message).toBe(true);
    const manifest = JSON.parse(fa.get(join('corpus', 'manifest.json'))!) as { documents: Array<{ file: string }> };
    for (const d of manifest.documents) expect(fa.has(join('corpus', d.file))).toBe(true);
  });

  it('makes segments that are valid for the app at tiny scale', () => {
    for (const project of [synthBook(3, 0.01), synthCorpus(3, 0.01)]) {
      const texts = new Map(project.documents.map((d) => [d.id, d.text]));
      const codeIds = new Set(project.codes.map((c) => c.id));
      for (const d of project.documents) {
        expect(d.text).toBe(d.text.normalize('NFC'));
        expect(d.text).not.toMatch(/\r|\uFEFF/);
        expect(d.sha256).toBe(sha256Hex(d.text));
      }
      for (const s of project.segments) {
        SegmentSchema.parse(s);
        const text = texts.get(s.documentId)!;
        expect(s.quote).toBe(text.slice(s.start, s.end));
        expect(s.quote.length).toBeGreaterThanOrEqual(5);
        expect(s.quote.length).toBeLessThanOrEqual(400);
        expect(s.quote).toBe(s.quote.trim());
        expect(s.prefix).toBe(text.slice(s.start - s.prefix.length, s.start));
        expect(s.suffix).toBe(text.slice(s.end, s.end + s.suffix.length));
        expect(s.prefix.length).toBeLessThanOrEqual(32);
        expect(s.documentHash).toBe(sha256Hex(text));
        for (const c of s.codings) expect([codeIds.has(c.codeId), c.coder]).toEqual([true, SYNTH_CODER]);
      }
    }
  });

  it('has the data profile of the benchmark', () => {
    const book = synthBook(1, 0.05);
    const lines = book.documents.find((d) => d.id === 'book')!.text.trimEnd().split('\n');
    expect(lines).toHaveLength(200);
    for (const l of lines) expect(l.length).toBeGreaterThanOrEqual(27);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(1970);
    const all = book.documents.map((d) => d.text).join('');
    expect(all).toMatch(/[\u0600-\u06FF]/);
    expect(all).toMatch(/\p{Extended_Pictographic}/u);
    expect(all).toMatch(/[éüøñ]/);
    expect(book.segments).toHaveLength(500);
    expect(book.codes.length).toBeGreaterThan(30);
    const depth = (id: string | null): number => (id ? 1 + depth(book.codes.find((c) => c.id === id)!.parentId) : 0);
    expect(Math.max(...book.codes.map((c) => depth(c.id)))).toBe(3);
    const { startsInside, maxDepth } = overlapStats(book.segments);
    expect(startsInside).toBeGreaterThan(0.55);
    expect(startsInside).toBeLessThan(0.75);
    expect(maxDepth).toBeGreaterThan(3);
    const corpus = synthCorpus(1, 0.005);
    expect(corpus.documents).toHaveLength(5);
    expect(corpus.segments).toHaveLength(500);
    for (const d of corpus.documents) expect(Buffer.byteLength(d.text)).toBeGreaterThan(49_000);
  });
});
