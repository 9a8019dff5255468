/**
 * Find in document: paints every match of the query (see findMatches.ts) with a CSS highlight,
 * marks the current one, scrolls it into view, and reports the number of matches. Matching is
 * done on the normalised text, so it finds exactly what the offsets count.
 */
import { useEffect, useMemo } from 'react';
import type { Span } from '../../domain/span';
import { spanToRange } from '../domOffsets';
import { findMatches, type FindOptions } from '../findMatches';
import { scrollOffsetToCenter } from '../lazyLayout';
import { useViewer } from '../ViewerContext';

interface Props {
  query: string;
  options: FindOptions;
  current: number;
  onMatches: (matches: Span[]) => void;
}

const ALL = 'mg-find';
const CURRENT = 'mg-find-current';

export function FindPlugin({ query, options, current, onMatches }: Props) {
  const { blocks, layout, text } = useViewer();
  const matches = useMemo(() => findMatches(text, query, options), [text, query, options]);

  useEffect(() => onMatches(matches), [matches, onMatches]);

  useEffect(() => {
    const toRange = (m: Span) => spanToRange(blocks, layout.starts, m);
    const all = new Highlight();
    for (const m of matches) {
      const r = toRange(m);
      if (r) all.add(r);
    }
    const now = new Highlight();
    const focus = matches[current];
    if (focus) {
      const r = toRange(focus);
      if (r) now.add(r);
      scrollOffsetToCenter(blocks, layout.starts, focus.start);
    }
    all.priority = 1;
    now.priority = 2;
    CSS.highlights.set(ALL, all);
    CSS.highlights.set(CURRENT, now);
    return () => {
      CSS.highlights.delete(ALL);
      CSS.highlights.delete(CURRENT);
    };
  }, [matches, current, blocks, layout]);
  return null;
}
