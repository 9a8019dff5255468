import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfFile } from '../../scripts/fixtures/pdfFile';
import { spanOf, TRICKY_LINE, TRICKY_NORMALISED } from '../testing';
import { convertPdf } from './convertPdf';
import { pageAt } from './pages';

describe('convertPdf', () => {
  it('reads the text layer page by page, keeps page starts, and says which pages have no text', async () => {
    const bytes = await pdfFile(['Page one, first line\nsecond line', null, `Page three\n${TRICKY_LINE}`]);
    const doc = await convertPdf(bytes);
    expect(doc.text).toBe(`Page one, first line\nsecond line\n\nPage three\n${TRICKY_NORMALISED}`);
    const third = doc.text.indexOf('Page three');
    expect(doc.provenance.pageStarts).toEqual([0, third, third]);
    expect(doc.warnings).toEqual(['1 of 3 pages have no text (scanned?)']);
    const quote = spanOf(doc.text, 'café then مرحبا');
    expect(doc.text.slice(quote.start, quote.end)).toBe('café then مرحبا');
    expect(pageAt(doc.provenance.pageStarts!, quote.start)).toBe(3);
    expect(pageAt(doc.provenance.pageStarts!, spanOf(doc.text, 'second line').start)).toBe(1);
  });

  // Emoji ZWJ sequences (a family; a flag with its presentation selector; a skin tone), emoji side
  // by side without a joiner, combining marks (NFC composes them) and Arabic with its vowel marks.
  const PAGES = [
    'Cover page',
    [
      'Family 👩‍👩‍👧 and flag 🏳️‍🌈 and 👩🏽‍🔬 here',
      'Side by side 👩👧 and apart 👩 👧 stay so',
      'cafe\u0301 and Zoe\u0308 then قال مُحَمَّد 👋 مرحبا end',
    ].join('\n'),
    'Last page 🧑‍🤝‍🧑',
  ];
  const QUOTES = ['👩‍👩‍👧', 'flag 🏳️‍🌈', '👩🏽‍🔬 here', '👩👧 and', '👩 👧', 'café and Zoë', 'مُحَمَّد 👋 مرحبا', '🧑‍🤝‍🧑'];
  const EXPECTED = PAGES.join('\n\n').normalize('NFC');

  it.each(['code points', 'clusters'] as const)(
    'keeps emoji ZWJ sequences, combining marks and Arabic whole, with exact offsets and pages (a glyph per %s)',
    async (glyphs) => {
      // Drawn one glyph a code point, each joiner is a glyph pdf.js leaves out of its text content
      // (see joiners.ts): restored from the drawn glyphs. Drawn a glyph a cluster (a shaping
      // writer's emoji ligature), pdf.js keeps the sequence. Arabic's vowel marks only in the first
      // way: a mark inside a cluster glyph drawn right to left is not what writers do.
      const pages = glyphs === 'clusters' ? PAGES.map((p) => p.replace('مُحَمَّد', 'محمد')) : PAGES;
      const expected = glyphs === 'clusters' ? EXPECTED.replace('مُحَمَّد', 'محمد') : EXPECTED;
      const doc = await convertPdf(await pdfFile(pages, { glyphs }));
      expect(doc.text).toBe(expected);
      for (const raw of QUOTES) {
        const quote = glyphs === 'clusters' ? raw.replace('مُحَمَّد', 'محمد') : raw;
        const start = expected.indexOf(quote);
        expect(start).toBeGreaterThanOrEqual(0);
        expect(doc.text.slice(start, start + quote.length)).toBe(quote);
      }
      const pageOf = (quote: string) => pageAt(doc.provenance.pageStarts!, doc.text.indexOf(quote));
      expect([pageOf('Cover'), pageOf('👩‍👩‍👧'), pageOf('👋'), pageOf('🧑‍🤝‍🧑')]).toEqual([1, 2, 2, 3]);
    },
  );

  it('gives Arabic letters for presentation forms and drops what pdf.js gives for a glyph without a character', async () => {
    // "قال محمد" drawn with shaped glyphs mapped to themselves (final lam, medial alef … as a writer may),
    // and a glyph mapped to U+0000.
    const doc = await convertPdf(await pdfFile(['In the morning he said \uFED7\uFE8E\uFEDD \uFEE3\uFEA4\uFEE4\uFEAA\u0000 and left.']));
    expect(doc.text).toBe('In the morning he said قال محمد and left.');
  });

  it('reads a PDF Chromium printed with an emoji font: ZWJ sequences whole, Arabic drawn a glyph at a time in reading order', async () => {
    // fixtures/chromium-emoji-arabic.pdf: chromium-emoji-arabic.html printed by headless Chromium with
    // Noto Color Emoji (each ZWJ sequence one glyph mapped to the sequence). The shadda of مُحَمَّد
    // is drawn in a glyph mapped to no character: it cannot come back.
    const doc = await convertPdf(new Uint8Array(readFileSync(join(__dirname, 'fixtures', 'chromium-emoji-arabic.pdf'))));
    expect(doc.text).toBe('Family 👩‍👩‍👧 flag 🏳️‍🌈 scientist 👩🏽‍🔬 apart 👩👧 end\ncafé قال مُحَمد');
  });

  it('refuses a PDF without text, an encrypted one and a file that is no PDF', async () => {
    await expect(convertPdf(await pdfFile([null, null]))).rejects.toThrow('this PDF has no text (scanned?)');
    await expect(convertPdf(await pdfFile(['secret'], { encrypted: true }))).rejects.toThrow(/encrypted with a password/);
    await expect(convertPdf(new TextEncoder().encode('%PDF-1.7 nothing else'))).rejects.toThrow(/PDF/);
  });
});
