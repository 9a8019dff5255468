/**
 * Margin coding stripes for the open document (see stripePainter.ts): a column beside the text,
 * one tab stop (arrows move between stripes), a stripe under the pointer or with focus
 * emphasises its passage, and activating one opens its segment.
 */
import { useEffect, useRef } from 'react';
import { StripePainter, type CodingFilter, type StripeCode, type StripeSpan } from '../stripePainter';
import { useNearWindow } from '../useNearWindow';
import { useViewer } from '../ViewerContext';
import '../stripes.css';

interface Props {
  /** The document's segments with offsets placed in its text. */
  spans: readonly StripeSpan[];
  codes: readonly StripeCode[];
  /**
   * Which codings get a stripe — the coder filter, once coders can be chosen (keep the same
   * function while it does not change: a new one redraws every stripe). Default: all.
   */
  filter?: CodingFilter;
  onOpen: (segmentId: string) => void;
}

export function StripesPlugin({ spans, codes, filter = null, onOpen }: Props) {
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
  useEffect(() => painter.current?.setFilter(filter), [filter, blocks]);
  useEffect(() => painter.current?.setWindow(paintWindow), [paintWindow, blocks]);
  useEffect(() => painter.current?.setSpans(spans), [spans, blocks]);
  return <div ref={layer} className="doc-stripes" role="toolbar" aria-label="Coding stripes" aria-orientation="vertical" />;
}
