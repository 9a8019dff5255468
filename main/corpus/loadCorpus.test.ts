import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CorpusListingSchema } from '../../common/contract';
import { docxFile } from '../../scripts/fixtures/docxFile';
import { pdfFile } from '../../scripts/fixtures/pdfFile';
import { getCorpusDocument, idFromFileName, loadCorpus } from './loadCorpus';

const BUNDLED = resolve(__dirname, '../../resources/corpus');

// These folders are converted afresh each time: no conversion cache (conversionCache.test.ts tests it).
const cacheSetting = process.env.MARGINALIA_CACHE_DIR;
beforeAll(() => {
  process.env.MARGINALIA_CACHE_DIR = '';
});
afterAll(() => {
  if (cacheSetting === undefined) delete process.env.MARGINALIA_CACHE_DIR;
  else process.env.MARGINALIA_CACHE_DIR = cacheSetting;
});

describe('the bundled corpus', () => {
  it('lists the 5 documents with their manifest titles, pinned hashes and no issues', async () => {
    const corpus = await loadCorpus(BUNDLED);
    expect(CorpusListingSchema.parse(corpus.listing)).toEqual(corpus.listing);
    expect(corpus.listing.issues).toEqual([]);
    expect(corpus.listing.name).toBe('Global Coalition against Daesh/ISIS: statements 2015-2020');
    expect(corpus.listing.folder).toBe(BUNDLED);
    expect(corpus.listing.documents.map((d) => [d.id, d.title, d.sha256, d.length])).toEqual([
      ['coalition-brussels-small-group', 'Coalition Reaffirms To Fight Islamic State, Support Syria Opposition And Iraq Government', 'f6c9ca778215aaf79899d66c33d326b78ca232b11b82a6b202edf958f7566afe', 3226],
      ['coalition-paris-political-directors-report', 'Iraq-Syria, the Global Coalition confirms the anti-ISIS commitment and support', '9d959176a610184e3cde37ec21b6260f0a8465a5947393f96ade3eeb78620e49', 5105],
      ['coalition-small-group-virtual-statement', 'Statement by the Political Directors of the Global Coalition to Defeat ISIS Small Group', 'b3179e9f88e0865b9a1ff6cbabb503e0ce6d5055c10f7700c1e4f92f349b1d81', 2123],
      ['coalition-paris-roadmap', 'Joint Statement by the Political Directors of the Global Coalition to Defeat ISIS: Paris Roadmap', 'ab8393260d0614c27bfc8cfdbc5a1f57805d4080258043988443dc46ccc0b4ec', 9622],
      ['coalition-washington-ministers', "Statement by Ministers of the Global Coalition following the Meeting on the Defeat of Da'esh, Washington D.C., 22 March 2017", '6d61c2050d8db71fec1870699924993d5eeaef8f09590cb4d88b5f4fb6419b55', 12070],
    ]);
    const roadmap = corpus.listing.documents[3];
    expect(roadmap).toMatchObject({ kind: 'joint statement', place: 'Paris', date: '2019-06-25' });
    expect(corpus.listing.documents[2]).toMatchObject({ kind: 'statement', place: null, date: null });
  });

  it('serves the normalised text of a document by id', async () => {
    const corpus = await loadCorpus(BUNDLED);
    const doc = getCorpusDocument(corpus, 'coalition-paris-roadmap');
    expect(doc?.text.startsWith('UNITED24 - Make a charitable donation')).toBe(true);
    expect(doc?.text).not.toMatch(/\r/);
    expect(getCorpusDocument(corpus, 'no-such-document')).toBeNull();
  });
});

describe('bad input in a temporary corpus folder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'marginalia-corpus-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const manifest = (documents: unknown[], extra: Record<string, unknown> = {}) =>
    writeFile(join(dir, 'manifest.json'), JSON.stringify({ name: 'Test corpus', documents, ...extra }));
  const doc = (id: string, file: string, title = id) => ({ id, file, title, kind: null, place: null, date: null });

  it('reports a manifest that is not JSON and loads nothing', async () => {
    await writeFile(join(dir, 'manifest.json'), '{ "name": "broken", ');
    await writeFile(join(dir, 'a.txt'), 'text');
    const { listing } = await loadCorpus(dir);
    expect(listing.documents).toEqual([]);
    expect(listing.issues).toHaveLength(1);
    expect(listing.issues[0]?.file).toBe('manifest.json');
    expect(listing.issues[0]?.message).toMatch(/^manifest\.json not valid JSON/);
  });

  it('reports a schema failure with its path and still loads the valid documents', async () => {
    await writeFile(join(dir, 'a.txt'), 'alpha');
    await writeFile(join(dir, 'b.txt'), 'beta');
    await manifest([doc('a', 'a.txt'), doc('b', 'b.txt'), { id: 'c', file: 'c.txt', title: 42 }, { id: 'bad id!', file: 'd.txt', title: 'D' }]);
    const { listing } = await loadCorpus(dir);
    expect(listing.documents.map((d) => d.id)).toEqual(['a', 'b']);
    expect(listing.issues).toHaveLength(2);
    expect(listing.issues[0]).toMatchObject({ file: 'c.txt' });
    expect(listing.issues[0]?.message).toMatch(/^manifest\.json documents\[2\]\.title: /);
    expect(listing.issues[1]).toMatchObject({ file: 'd.txt' });
    expect(listing.issues[1]?.message).toMatch(/documents\[3\]\.id: /);
  });

  it('reports a top-level schema failure (documents not a list)', async () => {
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ name: 'x', documents: 'a.txt' }));
    const { listing } = await loadCorpus(dir);
    expect(listing.documents).toEqual([]);
    expect(listing.issues[0]).toMatchObject({ file: 'manifest.json' });
    expect(listing.issues[0]?.message).toMatch(/^manifest\.json documents: /);
  });

  it('accepts kind/place/date missing and description absent', async () => {
    await writeFile(join(dir, 'a.txt'), 'alpha');
    await manifest([{ id: 'a', file: 'a.txt', title: 'Alpha' }]);
    const { listing } = await loadCorpus(dir);
    expect(listing.description).toBeNull();
    expect(listing.documents[0]).toMatchObject({ id: 'a', kind: null, place: null, date: null, length: 5 });
  });

  it('reports a missing file and keeps the others', async () => {
    await writeFile(join(dir, 'a.txt'), 'alpha');
    await manifest([doc('a', 'a.txt'), doc('gone', 'gone.txt')]);
    const { listing } = await loadCorpus(dir);
    expect(listing.documents.map((d) => d.id)).toEqual(['a']);
    expect(listing.issues).toEqual([{ file: 'gone.txt', message: 'file not found in the corpus folder' }]);
  });

  it('reports a duplicate id and keeps the first', async () => {
    await writeFile(join(dir, 'a.txt'), 'alpha');
    await writeFile(join(dir, 'b.txt'), 'beta');
    await manifest([doc('same', 'a.txt'), doc('same', 'b.txt')]);
    const corpus = await loadCorpus(dir);
    expect(corpus.listing.documents).toHaveLength(1);
    expect(getCorpusDocument(corpus, 'same')?.text).toBe('alpha');
    expect(corpus.listing.issues).toEqual([
      { file: 'b.txt', message: 'duplicate document id "same" (already used by a.txt); skipped' },
    ]);
  });

  it('reads a file that is not UTF-8 in the encoding it detects and says so; refuses a binary one', async () => {
    await writeFile(join(dir, 'a.txt'), 'alpha');
    await writeFile(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    await writeFile(join(dir, 'binary.txt'), Buffer.from([0x63, 0x00, 0x66, 0xe9]));
    await manifest([doc('a', 'a.txt'), doc('latin1', 'latin1.txt'), doc('binary', 'binary.txt')]);
    const corpus = await loadCorpus(dir);
    expect(corpus.listing.documents.map((d) => d.id)).toEqual(['a', 'latin1']);
    expect(getCorpusDocument(corpus, 'latin1')?.text).toBe('café');
    expect(corpus.listing.issues).toEqual([
      { file: 'latin1.txt', message: 'loaded; not UTF-8: read as Latin-1 (ISO-8859-1); check accented letters' },
      { file: 'binary.txt', message: expect.stringMatching(/^refused: it contains NUL bytes/) },
    ]);
  });

  it('reads .md, .html, .docx and .pdf with the converters the app uses, PDF page starts included', async () => {
    await writeFile(join(dir, 'notes.md'), '# Title\n\nSome *notes*.');
    await writeFile(join(dir, 'page.html'), '<p>Visible</p><script>hidden()</script>');
    await writeFile(join(dir, 'letter.docx'), await docxFile({ paragraphs: ['Dear committee,', 'thanks.'] }));
    await writeFile(join(dir, 'report.pdf'), await pdfFile(['Page one', null, 'Page three']));
    await manifest([doc('notes', 'notes.md'), doc('page', 'page.html'), doc('letter', 'letter.docx'), doc('report', 'report.pdf')]);
    const corpus = await loadCorpus(dir);
    expect(CorpusListingSchema.parse(corpus.listing)).toEqual(corpus.listing);
    expect(['notes', 'page', 'letter', 'report'].map((id) => getCorpusDocument(corpus, id)?.text)).toEqual([
      'Title\nSome notes.',
      'Visible',
      'Dear committee,\nthanks.',
      'Page one\n\nPage three',
    ]);
    expect(corpus.listing.documents.find((d) => d.id === 'report')?.pageStarts).toEqual([0, 10, 10]);
    expect(corpus.listing.issues).toEqual([{ file: 'report.pdf', message: 'loaded; 1 of 3 pages have no text (scanned?)' }]);
  });

  it('refuses paths that escape the folder, including absolute paths and symlinks', async () => {
    const inner = join(dir, 'corpus');
    await mkdir(inner);
    await writeFile(join(dir, 'secret.txt'), 'outside');
    await writeFile(join(inner, 'ok.txt'), 'inside');
    await symlink(join(dir, 'secret.txt'), join(inner, 'link.txt'));
    await writeFile(
      join(inner, 'manifest.json'),
      JSON.stringify({
        name: 'n',
        documents: [doc('up', '../secret.txt'), doc('abs', join(dir, 'secret.txt')), doc('link', 'link.txt'), doc('ok', 'ok.txt')],
      }),
    );
    const { listing } = await loadCorpus(inner);
    expect(listing.documents.map((d) => d.id)).toEqual(['ok']);
    expect(listing.issues.map((i) => i.file)).toEqual(['../secret.txt', join(dir, 'secret.txt'), 'link.txt']);
    for (const issue of listing.issues) expect(issue.message).toMatch(/outside the corpus folder/);
  });

  it('reads a manifest that starts with a UTF-8 BOM', async () => {
    await writeFile(join(dir, 'a.txt'), 'text');
    const json = JSON.stringify({ name: 'Saved by Notepad', documents: [doc('a', 'a.txt')] });
    await writeFile(join(dir, 'manifest.json'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json, 'utf8')]));
    const { listing } = await loadCorpus(dir);
    expect(listing.issues).toEqual([]);
    expect(listing.name).toBe('Saved by Notepad');
    expect(listing.documents.map((d) => d.id)).toEqual(['a']);
  });

  it('refuses a manifest that is a link to a file outside the folder, and loads nothing from it', async () => {
    const inner = join(dir, 'corpus');
    await mkdir(inner);
    await writeFile(join(inner, 'a.txt'), 'text');
    await writeFile(join(dir, 'elsewhere.json'), JSON.stringify({ name: 'Not ours', documents: [doc('a', 'a.txt')] }));
    await symlink(join(dir, 'elsewhere.json'), join(inner, 'manifest.json'));
    const { listing } = await loadCorpus(inner);
    expect(listing.documents).toEqual([]);
    expect(listing.name).toBe('corpus');
    expect(listing.issues).toHaveLength(1);
    expect(listing.issues[0]?.file).toBe('manifest.json');
    expect(listing.issues[0]?.message).toMatch(/^manifest\.json leads outside the corpus folder \(a link to .*elsewhere\.json\); only a manifest inside the folder is read$/);
  });

  it('reads a manifest linked to a file inside the folder', async () => {
    await writeFile(join(dir, 'a.txt'), 'text');
    await writeFile(join(dir, 'real-manifest.json'), JSON.stringify({ name: 'Linked inside', documents: [doc('a', 'a.txt')] }));
    await symlink(join(dir, 'real-manifest.json'), join(dir, 'manifest.json'));
    const { listing } = await loadCorpus(dir);
    expect([listing.name, listing.documents.length, listing.issues]).toEqual(['Linked inside', 1, []]);
  });

  it('refuses a manifest that is not UTF-8, naming where', async () => {
    await writeFile(join(dir, 'manifest.json'), Buffer.from([0x7b, 0xff, 0x7d]));
    const { listing } = await loadCorpus(dir);
    expect(listing.documents).toEqual([]);
    expect(listing.issues).toEqual([{ file: 'manifest.json', message: 'manifest.json is not valid UTF-8 (first invalid byte at offset 1); re-save the file as UTF-8' }]);
  });

  it('normalises the texts it loads (BOM, CRLF, CR, NFC) and hashes the normalised text', async () => {
    await writeFile(join(dir, 'a.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Cafe\u0301\r\nline\rend', 'utf8')]));
    await manifest([doc('a', 'a.txt')]);
    const corpus = await loadCorpus(dir);
    const loaded = getCorpusDocument(corpus, 'a');
    expect(loaded?.text).toBe('Café\nline\nend');
    expect(loaded?.length).toBe(13);
    expect(loaded?.sha256).toBe(createHash('sha256').update(Buffer.from('Caf\u00e9\nline\nend', 'utf8')).digest('hex'));
  });

  it('without a manifest lists every document file by name, and each other file as skipped', async () => {
    await writeFile(join(dir, 'Interview 2.txt'), 'two');
    await writeFile(join(dir, 'interview_1.TXT'), 'one');
    await writeFile(join(dir, 'notes.md'), 'read *too*');
    await writeFile(join(dir, 'photo.jpg'), 'not a document');
    await writeFile(join(dir, 'empty.html'), '<script>only()</script>');
    await writeFile(join(dir, '.DS_Store'), 'hidden');
    const { listing } = await loadCorpus(dir);
    expect(listing.documents.map((d) => [d.id, d.title])).toEqual([
      ['Interview-2', 'Interview 2'],
      ['interview_1', 'interview_1'],
      ['notes', 'notes'],
    ]);
    expect(listing.issues).toEqual([
      { file: 'manifest.json', message: 'no manifest.json found; listing the 4 document file(s) in the folder by file name' },
      { file: 'photo.jpg', message: expect.stringMatching(/^not a document type Marginalia reads \(\.txt, .*\.pdf\); skipped$/) },
      { file: 'empty.html', message: 'refused: it shows no text' },
    ]);
  });

  it('reports an empty folder and a missing folder with zero documents', async () => {
    const empty = await loadCorpus(dir);
    expect(empty.listing.documents).toEqual([]);
    expect(empty.listing.issues).toEqual([{ file: dir, message: 'the corpus folder has no manifest.json and no documents' }]);
    const missing = await loadCorpus(join(dir, 'nope'));
    expect(missing.listing.documents).toEqual([]);
    expect(missing.listing.issues).toEqual([{ file: join(dir, 'nope'), message: 'corpus folder not found' }]);
  });
});

describe('idFromFileName', () => {
  it('keeps the contract id alphabet and never starts with punctuation', () => {
    expect(idFromFileName('Entretien été #3')).toBe('Entretien-ete-3');
    expect(idFromFileName('..hidden')).toBe('hidden');
    expect(idFromFileName('مقابلة')).toBe('document');
  });
});
