/**
 * pdf.js and mammoth never load into main's own thread: converting a corpus of PDF and Word files
 * leaves this thread's globals as Node made them (pdf.js's legacy build brings core-js, which on
 * Node 20 replaced JSON.stringify with a 10–20× slower one for every reply and project file), and
 * no module that main's entries import, now or after a future change, reaches either library.
 * Nothing here may import converters/index: this file's thread is the one under test.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { importEdges, readSourceFiles } from '../../scripts/architecture/importGraph';
import { docxFile } from '../../scripts/fixtures/docxFile';
import { pdfFile } from '../../scripts/fixtures/pdfFile';

const ROOT = resolve(__dirname, '../..');
const nodeStringify = JSON.stringify;
/**
 * A function's source as another realm tells it: core-js makes its wrappers' own toString() say
 * "[native code]", so JSON.stringify.toString() cannot tell the two apart.
 */
const sourceOf = (fn: unknown) => (runInNewContext('Function.prototype.toString') as () => string).call(fn);

describe('main’s thread after converting PDF and Word files', () => {
  it('still has the native JSON.stringify and no trace of pdf.js or core-js', async () => {
    expect(sourceOf(JSON.stringify)).toBe('function stringify() { [native code] }');
    const { loadCorpus } = await import('../corpus/loadCorpus');
    const folder = await mkdtemp(join(tmpdir(), 'marginalia-main-thread-'));
    try {
      await writeFile(join(folder, 'report.pdf'), await pdfFile(['Page one', 'Page two']));
      await writeFile(join(folder, 'letter.docx'), await docxFile({ paragraphs: ['Dear committee,'] }));
      const corpus = await loadCorpus(folder, { cacheFolder: null });
      expect(corpus.listing.documents.map((d) => [d.id, d.pageStarts ?? null])).toEqual([['letter', null], ['report', [0, 10]]]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
    expect(JSON.stringify).toBe(nodeStringify);
    expect(sourceOf(JSON.stringify)).toBe('function stringify() { [native code] }');
    expect(Object.keys(globalThis)).not.toContain('pdfjsWorker');
    expect('__core-js_shared__' in globalThis).toBe(false);
  });
});

describe('main’s imports', () => {
  const edges = importEdges(readSourceFiles(ROOT));
  /** Every module a file loads, itself included: static and dynamic imports, not types (erased) nor worker URLs (another thread). */
  const loadedBy = (entry: string): Set<string> => {
    const loaded = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      for (const edge of edges) if (edge.from === file && (edge.kind === 'static' || edge.kind === 'dynamic')) visit(edge.target);
    };
    visit(entry);
    return loaded;
  };

  it.each(['main/index.ts', 'main/web/cli.ts'])('from %s never reach pdf.js or mammoth (only the converter thread loads them)', (entry) => {
    const loaded = loadedBy(entry);
    expect(loaded.has('main/corpus/loadCorpus.ts')).toBe(true);
    expect([...loaded].filter((target) => target === 'pdfjs-dist' || target === 'mammoth' || target === 'converters/index.ts')).toEqual([]);
    expect(loadedBy('main/conversion/conversionWorker.ts').has('pdfjs-dist')).toBe(true);
  });
});
