/** The open document's margin: coding stripes (when on) and the handles of the segment open in the Segment panel. */
import { useCallback, useMemo } from 'react';
import type { Code, Segment } from '../../domain/model';
import { SegmentHandlesPlugin } from '../../viewer/plugins/SegmentHandlesPlugin';
import { StripesPlugin } from '../../viewer/plugins/StripesPlugin';
import { useAdjustSegment } from './useAdjustSegment';

interface Props {
  doc: { id: string; sha256: string; text: string };
  /** The document's segments placed in its text, with the codings the coder filter shows. */
  placed: readonly Segment[];
  codes: readonly Code[];
  stripes: boolean;
  activeSegmentIds: readonly string[];
  onOpenSegments: (ids: string[]) => void;
}

export function SegmentMargin({ doc, placed, codes, stripes, activeSegmentIds, onOpenSegments }: Props) {
  const stripeCodes = useMemo(() => codes.map((c) => ({ id: c.id, name: c.name, colour: c.colour })), [codes]);
  const adjust = useAdjustSegment(doc);
  const open = useCallback((id: string) => onOpenSegments([id]), [onOpenSegments]);
  // Handles when one segment is open (a click where several overlap opens them all: pick one by its stripe).
  const only = activeSegmentIds.length === 1 ? activeSegmentIds[0] : null;
  const active = useMemo(() => (only ? (placed.find((s) => s.id === only) ?? null) : null), [only, placed]);
  return (
    <>
      {stripes && <StripesPlugin spans={placed} codes={stripeCodes} onOpen={open} />}
      <SegmentHandlesPlugin segment={active} onAdjust={adjust} />
    </>
  );
}
