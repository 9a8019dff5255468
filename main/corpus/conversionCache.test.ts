import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docxFile } from '../../scripts/fixtures/docxFile';
import { pdfFile } from '../../scripts/fixtures/pdfFile';
import { defaultCacheFolder } from './conversionCache';
import { getCorpusDocument, loadCorpus } from './loadCorpus';

describe('converted Word and PDF files cached between starts', () => {
  let corpus: string;
  let cache: string;
  beforeEach(async () => {
    corpus = await mkdtemp(join(tmpdir(), 'marginalia-corpus-'));
    cache = await mkdtemp(join(tmpdir(), 'marginalia-cache-'));
    await writeFile(join(corpus, 'minutes.docx'), await docxFile({ paragraphs: ['The council met in May.'] }));
    await writeFile(join(corpus, 'report.pdf'), await pdfFile(['Report page one', 'Page two 👩‍👩‍👧']));
    await writeFile(join(corpus, 'notes.txt'), 'Plain notes.');
  });
  afterEach(async () => {
    await rm(corpus, { recursive: true, force: true });
    await rm(cache, { recursive: true, force: true });
  });

  const text = async (id: string) => getCorpusDocument(await loadCorpus(corpus, { cacheFolder: cache }), id)?.text;
  const cacheFile = async () => join(cache, (await readdir(cache)).find((f) => f.endsWith('.json'))!);
  /** Marks each cached text, so that a text read back from the cache shows it was not converted again. */
  async function markCachedTexts() {
    const path = await cacheFile();
    const file = JSON.parse(await readFile(path, 'utf8')) as { entries: Record<string, { text: string }> };
    for (const entry of Object.values(file.entries)) entry.text = `cached: ${entry.text}`;
    await writeFile(path, JSON.stringify(file));
  }

  it('a second start reads the texts back instead of converting; a changed file is converted again', async () => {
    const first = await loadCorpus(corpus, { cacheFolder: cache });
    expect(first.listing.documents.map((d) => d.id)).toEqual(['minutes', 'notes', 'report']);
    const cached = JSON.parse(await readFile(await cacheFile(), 'utf8')) as { entries: Record<string, { pageStarts?: number[] }> };
    // Word and PDF only: a .txt is read as fast as its cached text would be.
    expect(Object.keys(cached.entries).sort()).toEqual(['docx:minutes.docx', 'pdf:report.pdf']);
    expect(cached.entries['pdf:report.pdf']!.pageStarts).toEqual([0, 17]);

    await markCachedTexts();
    const second = await loadCorpus(corpus, { cacheFolder: cache });
    expect(getCorpusDocument(second, 'minutes')?.text).toBe('cached: The council met in May.');
    expect(getCorpusDocument(second, 'report')?.text).toBe('cached: Report page one\n\nPage two 👩‍👩‍👧');
    expect(second.listing.documents.find((d) => d.id === 'report')?.pageStarts).toEqual([0, 17]);
    expect(getCorpusDocument(second, 'notes')?.text).toBe('Plain notes.');
    // The texts' hashes come back with them (hashing them again would cost more than reading them).
    expect(second.listing.documents.map((d) => d.sha256)).toEqual(first.listing.documents.map((d) => d.sha256));

    // The Word file changes (another text, another size); the PDF is touched (same bytes, a new time).
    await writeFile(join(corpus, 'minutes.docx'), await docxFile({ paragraphs: ['The council met again in June.'] }));
    const later = new Date(Date.now() + 60_000);
    await utimes(join(corpus, 'report.pdf'), later, later);
    expect(await text('minutes')).toBe('The council met again in June.');
    expect(await text('report')).toBe('Report page one\n\nPage two 👩‍👩‍👧');
  });

  it('forgets a file that left the folder, and converts everything again for other converters', async () => {
    await loadCorpus(corpus, { cacheFolder: cache });
    await rm(join(corpus, 'minutes.docx'));
    await loadCorpus(corpus, { cacheFolder: cache });
    const file = JSON.parse(await readFile(await cacheFile(), 'utf8')) as { version: number; entries: object };
    expect(Object.keys(file.entries)).toEqual(['pdf:report.pdf']);

    await markCachedTexts();
    await writeFile(await cacheFile(), JSON.stringify({ ...JSON.parse(await readFile(await cacheFile(), 'utf8')), version: file.version - 1 }));
    expect(await text('report')).toBe('Report page one\n\nPage two 👩‍👩‍👧');
  });

  it('keeps nothing without a cache folder, and survives a cache entry or file it cannot read', async () => {
    await loadCorpus(corpus, { cacheFolder: null });
    expect(await readdir(cache)).toEqual([]);
    await loadCorpus(corpus, { cacheFolder: cache });
    const path = await cacheFile();
    const file = JSON.parse(await readFile(path, 'utf8')) as { entries: Record<string, { text: unknown }> };
    file.entries['docx:minutes.docx']!.text = 42;
    await writeFile(path, JSON.stringify(file));
    expect(await text('minutes')).toBe('The council met in May.');
    await writeFile(path, '{ not json');
    expect(await text('minutes')).toBe('The council met in May.');
  });

  it('a load stopped half-way (its project closed) leaves the cache as it was', async () => {
    await loadCorpus(corpus, { cacheFolder: cache });
    const before = await readFile(await cacheFile(), 'utf8');
    const stopper = new AbortController();
    const stopped = loadCorpus(corpus, {
      cacheFolder: cache,
      signal: stopper.signal,
      onProgress: ({ done }) => done === 1 && stopper.abort(new Error('closed')),
    });
    await expect(stopped).rejects.toThrow('closed');
    expect(await readFile(await cacheFile(), 'utf8')).toBe(before);
  });

  it('lives in the system cache folder unless MARGINALIA_CACHE_DIR says where (empty: nowhere)', () => {
    expect(defaultCacheFolder({ MARGINALIA_CACHE_DIR: '/tmp/c' }, 'linux')).toBe('/tmp/c');
    expect(defaultCacheFolder({ MARGINALIA_CACHE_DIR: '' }, 'linux')).toBeNull();
    expect(defaultCacheFolder({ XDG_CACHE_HOME: '/x' }, 'linux')).toBe(join('/x', 'marginalia', 'corpus'));
    expect(defaultCacheFolder({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32')).toContain('Marginalia');
  });
});
