/** The open document's margin: coding stripes (when on) and the handles of the segment open in the Segment panel. */
import { useCallback, useMemo } from 'react';
import type { Code, Segment } from '../../domain/model';
import { SegmentHandlesPlugin } from '../../viewer/plugins/SegmentHandlesPlugin';
import { StripesPlugin } from '../../viewer/plugins/StripesPlugin';
import { useCoderFilter } from '../../ui/useCoderFilter';
import { useCoders } from '../../ui/useCoders';
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
  // With more than one coder shown, each stripe names who coded it (by initials).
  const coders = useCoders();
  const { shown } = useCoderFilter();
  const visible = shown === null ? coders : coders.filter((c) => shown.includes(c.name));
  // A key, not the list: the coders' list is new after every coding, and new initials would redraw every stripe.
  const initialsKey = visible.length > 1 ? JSON.stringify(coders.map((c) => [c.name, c.initials])) : '';
  const coderInitials = useMemo(
    () => (initialsKey ? new Map<string, string>(JSON.parse(initialsKey) as [string, string][]) : null),
    [initialsKey],
  );
  const open = useCallback((id: string) => onOpenSegments([id]), [onOpenSegments]);
  // Handles when one segment is open (a click where several overlap opens them all: pick one by its stripe).
  const only = activeSegmentIds.length === 1 ? activeSegmentIds[0] : null;
  const active = useMemo(() => (only ? (placed.find((s) => s.id === only) ?? null) : null), [only, placed]);
  return (
    <>
      {stripes && <StripesPlugin spans={placed} codes={stripeCodes} coderInitials={coderInitials} onOpen={open} />}
      <SegmentHandlesPlugin segment={active} onAdjust={adjust} />
    </>
  );
}
