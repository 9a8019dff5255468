/**
 * Documents converted in the converter thread come out exactly as the converters give them on
 * their own, and a file that breaks the converter costs that file only: the next one converts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxFile } from '../../scripts/fixtures/docxFile';
import { pdfFile } from '../../scripts/fixtures/pdfFile';
import { convertDocument as convertOnThisThread, refusalReason, RefusedDocument } from '../../converters';
import { TRICKY_LINE } from '../../converters/testing';
import { convertDocument } from './convertDocument';
import { ConverterThread } from './converterThread';

const refusalOf = (converting: Promise<unknown>) =>
  converting.then(
    () => 'converted',
    (error: unknown) => (error instanceof RefusedDocument ? refusalReason(error) : `not a refusal: ${String(error)}`),
  );

describe('convertDocument in main', () => {
  it('gives a PDF’s text, page starts and warnings exactly as the converter does on its own thread', async () => {
    const bytes = await pdfFile(['Page one, first line\nsecond line', null, `Page three\n${TRICKY_LINE}`]);
    const expected = await convertOnThisThread('report.pdf', bytes.slice());
    expect(expected.provenance.pageStarts).toHaveLength(3);
    const handedOver = bytes.slice();
    expect(await convertDocument('report.pdf', handedOver)).toEqual(expected);
    expect(handedOver.byteLength).toBe(0); // transferred to the thread, not copied
  });

  it('gives a Word file’s text as the converter does', async () => {
    const bytes = await docxFile({ paragraphs: ['Dear committee,', TRICKY_LINE] });
    expect(await convertDocument('letter.docx', bytes.slice())).toEqual(await convertOnThisThread('letter.docx', bytes.slice()));
  });

  it('refuses garbage named .pdf with the converter’s own reason, and converts the next file', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    const reason = await refusalOf(convertOnThisThread('garbage.pdf', garbage.slice()));
    expect(reason).toBe('it is not a readable PDF file');
    expect(await refusalOf(convertDocument('garbage.pdf', garbage.slice()))).toBe(reason);
    expect((await convertDocument('next.pdf', await pdfFile(['Still read']))).text).toBe('Still read');
  });

  it('refuses a file of a type no converter reads, as before', async () => {
    const reason = await refusalOf(convertOnThisThread('photo.jpg', new Uint8Array([1])));
    expect(await refusalOf(convertDocument('photo.jpg', new Uint8Array([1])))).toBe(reason);
  });

  it('lets a script that converted a PDF end by itself (the idle thread keeps no process alive)', () => {
    const script = `import { convertDocument } from './main/conversion/convertDocument.ts';
      import { pdfFile } from './scripts/fixtures/pdfFile.ts';
      const doc = await convertDocument('a.pdf', await pdfFile(['Ends on its own']));
      console.log(doc.text);`;
    const root = resolve(__dirname, '../..');
    const run = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect([run.status, run.stdout.trim()]).toEqual([0, 'Ends on its own']);
  });
});

describe('a converter thread that hangs or crashes', () => {
  // Stands in for pdf.js on a damaged file: never answers, throws, or ends its thread.
  const FAKE_CONVERTER = `import { parentPort } from 'node:worker_threads';
    parentPort.on('message', ({ id, fileName }) => {
      if (fileName === 'hangs.pdf') return;
      if (fileName === 'throws.pdf') throw new Error('a bug in the converter');
      if (fileName === 'exits.pdf') process.exit(3);
      parentPort.postMessage({ id, ok: true, document: { text: 'read ' + fileName, provenance: {}, warnings: [] } });
    });`;
  let folder = '';
  let script = '';
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'marginalia-converter-'));
    script = join(folder, 'fakeConverter.mjs');
    await writeFile(script, FAKE_CONVERTER);
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  const read = async (thread: ConverterThread, fileName: string) => {
    try {
      return (await thread.convert(fileName, new Uint8Array([1, 2, 3]))).text;
    } catch (error) {
      return error instanceof RefusedDocument ? `refused: ${error.message}` : `not a refusal: ${String(error)}`;
    }
  };

  it('stops a conversion past its time, refuses that file, and converts the next in a new thread', async () => {
    const thread = new ConverterThread({ script, timeoutMs: 2000 });
    const replies = await Promise.all(['hangs.pdf', 'fine.pdf'].map((name) => read(thread, name)));
    expect(replies).toEqual(['refused: it was still being read after 2 s, so reading it was stopped (a damaged or unusually complex file?)', 'read fine.pdf']);
  });

  it('refuses the file a crash happened on, with why, and converts the files queued behind it', async () => {
    const thread = new ConverterThread({ script });
    const replies = await Promise.all(['throws.pdf', 'exits.pdf', 'fine.pdf'].map((name) => read(thread, name)));
    expect(replies).toEqual([
      'refused: it could not be read (the converter stopped: a bug in the converter)',
      'refused: it could not be read (the converter stopped: exit code 3)',
      'read fine.pdf',
    ]);
  });

  it('refuses every file, one by one, when the thread cannot start at all', async () => {
    const thread = new ConverterThread({ script: join(folder, 'missing.mjs') });
    const replies = await Promise.all(['a.pdf', 'b.pdf'].map((name) => read(thread, name)));
    const missing = expect.stringMatching(/^refused: it could not be read \(the converter stopped: Cannot find module .*missing\.mjs/);
    expect(replies).toEqual([missing, missing]);
  });
});
