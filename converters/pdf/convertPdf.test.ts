import { describe, expect, it } from 'vitest';
import { pdfFile } from '../../scripts/fixtures/pdfFile';
import { spanOf, TRICKY_LINE, TRICKY_NORMALISED } from '../testing';
import { convertPdf } from './convertPdf';
import { pageAt } from './pages';

describe('convertPdf', () => {
  it('reads the text layer page by page, keeps page starts, and says which pages have no text', async () => {
    const bytes = await pdfFile(['Page one, first line\nsecond line', null, `Page three\n${TRICKY_LINE}`]);
    const doc = await convertPdf(bytes);
    // pdf.js leaves zero-width joiners out of the text layer: the emoji comes back as its parts.
    expect(doc.text).toBe(`Page one, first line\nsecond line\n\nPage three\n${TRICKY_NORMALISED.replace('\u200D', '')}`);
    const third = doc.text.indexOf('Page three');
    expect(doc.provenance.pageStarts).toEqual([0, third, third]);
    expect(doc.warnings).toEqual(['1 of 3 pages have no text (scanned?)']);
    const quote = spanOf(doc.text, 'café then مرحبا');
    expect(doc.text.slice(quote.start, quote.end)).toBe('café then مرحبا');
    expect(pageAt(doc.provenance.pageStarts!, quote.start)).toBe(3);
    expect(pageAt(doc.provenance.pageStarts!, spanOf(doc.text, 'second line').start)).toBe(1);
  });

  it('refuses a PDF without text, an encrypted one and a file that is no PDF', async () => {
    await expect(convertPdf(await pdfFile([null, null]))).rejects.toThrow('this PDF has no text (scanned?)');
    await expect(convertPdf(await pdfFile(['secret'], { encrypted: true }))).rejects.toThrow(/encrypted with a password/);
    await expect(convertPdf(new TextEncoder().encode('%PDF-1.7 nothing else'))).rejects.toThrow(/PDF/);
  });
});
