import { describe, expect, it } from 'vitest';
import { docxFile } from '../../scripts/fixtures/docxFile';
import { spanOf, TRICKY_LINE, TRICKY_NORMALISED } from '../testing';
import { convertDocx } from './convertDocx';

describe('convertDocx', () => {
  it('reads headings, paragraphs, lists, a table (cells tab-separated) and footnotes appended', async () => {
    const bytes = await docxFile({
      heading: 'Coalition statement',
      paragraphs: ['The first paragraph.', TRICKY_LINE],
      bullets: ['a bullet', 'another bullet'],
      table: [
        ['Country', 'Pledge'],
        ['Iraq', '5 000'],
      ],
      footnotes: ['A footnote on the first paragraph.'],
    });
    const doc = await convertDocx(bytes);
    expect(doc.text).toBe(
      [
        'Coalition statement',
        'The first paragraph.[1]',
        TRICKY_NORMALISED,
        'a bullet',
        'another bullet',
        'Country\tPledge',
        'Iraq\t5 000',
        '[1] A footnote on the first paragraph.',
      ].join('\n'),
    );
    const { start, end } = spanOf(doc.text, 'مرحبا بالعالم');
    expect(doc.text.slice(start, end)).toBe('مرحبا بالعالم');
  });

  it('refuses a file that is not a .docx and an empty document', async () => {
    await expect(convertDocx(new TextEncoder().encode('plain text'))).rejects.toThrow(/not a Word .docx/);
    await expect(convertDocx(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).rejects.toThrow(/not a readable Word .docx/);
    await expect(convertDocx(await docxFile({ paragraphs: [''] }))).rejects.toThrow(/body is empty/);
  });
});
