/**
 * The open document's placed segments as the coder filter shows them (ui/useCoderFilter.ts):
 * a segment keeps the codings the filter keeps, one with none left is not painted, hovered or
 * opened. Without a filter the placed list and its index are used as they are.
 */
import { useMemo } from 'react';
import { codingsFilter } from '../../domain/coderFilter';
import type { Segment } from '../../domain/model';
import { useCoderFilter } from '../../ui/useCoderFilter';
import { LazyIndex } from './usePlacedSegments';

export function useShownSegments(placed: readonly Segment[], index: LazyIndex): { shown: readonly Segment[]; index: LazyIndex } {
  const { accepts } = useCoderFilter();
  const filter = useMemo(() => codingsFilter(accepts), [accepts]);
  return useMemo(() => {
    if (!accepts) return { shown: placed, index };
    const shown = filter(placed);
    return { shown, index: new LazyIndex(shown) };
  }, [accepts, filter, placed, index]);
}
