import { describe, expect, it } from 'vitest';
import { spanOf, TRICKY_LINE, TRICKY_NORMALISED } from '../testing';
import { convertMarkdown } from './convertMarkdown';

describe('convertMarkdown', () => {
  it('removes markup: headings, lists and paragraphs as lines, emphasis and links as their text', async () => {
    const source = [
      '# The *title*',
      '',
      'A paragraph with **bold**, `code` and a [link](https://example.org/)',
      'continued on a second source line.',
      '',
      '- first',
      '- second',
      '',
      '1. one',
      '2. two',
      '',
      '> quoted',
      '',
      TRICKY_LINE,
      '',
      '<script>alert(1)</script>',
    ].join('\r\n');
    const doc = await convertMarkdown(new TextEncoder().encode(source));
    expect(doc.text).toBe(
      [
        'The title',
        // A soft line break inside a paragraph shows as a space, as in the rendered page.
        'A paragraph with bold, code and a link continued on a second source line.',
        'first',
        'second',
        'one',
        'two',
        'quoted',
        TRICKY_NORMALISED,
      ].join('\n'),
    );
    const { start, end } = spanOf(doc.text, '👩🏽‍🔬 then café');
    expect(doc.text.slice(start, end)).toBe('👩🏽‍🔬 then café');
  });
});
