/**
 * Margin coding stripes for the open document (see stripePainter.ts): a column beside the text,
 * one tab stop (arrows move between stripes), a stripe under the pointer or with focus
 * emphasises its passage, and activating one opens its segment.
 */
import { useEffect, useRef } from 'react';
import { StripePainter, type StripeCode, type StripeSpan } from '../stripePainter';
import { useNearWindow } from '../useNearWindow';
import { useViewer } from '../ViewerContext';
import '../stripes.css';

interface Props {
  /**
   * The document's segments with offsets placed in its text, with the codings the coder filter
   * shows (unchanged rows the same objects from one list to the next: only changes are redrawn).
   */
  spans: readonly StripeSpan[];
  codes: readonly StripeCode[];
  /** Initials by coder when several coders are shown (stripes then name who coded); null otherwise. */
  coderInitials: ReadonlyMap<string, string> | null;
  onOpen: (segmentId: string) => void;
}

export function StripesPlugin({ spans, codes, coderInitials, onOpen }: Props) {
  const { root, blocks, layout } = useViewer();
  const layer = useRef<HTMLDivElement>(null);
  const painter = useRef<StripePainter | null>(null);
  const paintWindow = useNearWindow();
  const open = useRef(onOpen);
  open.current = onOpen;

  useEffect(() => {
    const p = new StripePainter(layer.current!, root, blocks, layout.starts, (id) => open.current(id));
    painter.current = p;
    return () => {
      p.dispose();
      painter.current = null;
    };
  }, [root, blocks, layout]);

  useEffect(() => painter.current?.setCodes(codes), [codes, blocks]);
  useEffect(() => painter.current?.setCoderInitials(coderInitials), [coderInitials, blocks]);
  useEffect(() => painter.current?.setWindow(paintWindow), [paintWindow, blocks]);
  useEffect(() => painter.current?.setSpans(spans), [spans, blocks]);
  return <div ref={layer} className="doc-stripes" role="toolbar" aria-label="Coding stripes" aria-orientation="vertical" />;
}
