import { describe, expect, it } from 'vitest';
import { pageAt } from '../../../converters/pdf/pages';
import { pagesLabel, segmentPages } from './segmentPages';

// Three pages: page 1 at 0, page 2 at 20, page 3 (no text: starts where the end is) at 40.
const STARTS = [0, 20, 40];

describe('segmentPages', () => {
  it('names the page a segment starts on, as the CSV page column does', () => {
    for (const start of [0, 5, 19, 20, 33, 39]) {
      expect(segmentPages(STARTS, { start, end: start + 1 })!.first).toBe(pageAt(STARTS, start));
    }
    expect(pagesLabel(segmentPages(STARTS, { start: 22, end: 30 })!)).toBe('2 of 3');
  });

  it('adds the last page for a segment that runs on, not for one that ends where a page starts', () => {
    expect(pagesLabel(segmentPages(STARTS, { start: 15, end: 25 })!)).toBe('1–2 of 3');
    expect(pagesLabel(segmentPages(STARTS, { start: 15, end: 20 })!)).toBe('1 of 3');
    expect(pagesLabel(segmentPages(STARTS, { start: 20, end: 20 })!)).toBe('2 of 3');
  });

  it('is nothing for a document not born from a PDF', () => {
    expect(segmentPages(undefined, { start: 0, end: 4 })).toBeNull();
    expect(segmentPages([], { start: 0, end: 4 })).toBeNull();
  });
});
