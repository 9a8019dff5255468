/** What the reader shows while the host reads its corpus (rendered in Node, no DOM). */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CorpusProgress } from './CorpusProgress';

const markupOf = (progress: { done: number; total: number | null } | null) => renderToStaticMarkup(createElement(CorpusProgress, { progress }));

describe('CorpusProgress', () => {
  it('says the corpus is being read, with a bar and a count once the host knows how many documents there are', () => {
    const html = markupOf({ done: 1200, total: 2001 });
    expect(html).toContain('<p role="status">Reading the corpus…</p>');
    expect(html).toContain('<progress aria-label="Reading the corpus" max="2001" value="1200">');
    expect(html).toContain('1,200 of 2,001 documents');
  });

  it('shows a bar without a count while the host has not said', () => {
    for (const progress of [null, { done: 0, total: null }]) {
      const html = markupOf(progress);
      expect(html).toContain('<p role="status">Reading the corpus…</p>');
      expect(html).toContain('<progress aria-label="Reading the corpus">');
      expect(html).not.toContain('documents');
    }
  });
});
