/**
 * Where the selection is, in the document's own offsets (UTF-16 code units of the normalised
 * text, end exclusive) — the numbers every segment stores, shown so an analyst (and a test)
 * can check exactly what will be coded.
 */
import type { Span } from '../../domain/span';

export function SelectionStatus({ span }: { span: Span | null }) {
  return (
    <p className="selection-status" aria-label="Selection" data-start={span?.start} data-end={span?.end}>
      {span ? `Selected characters ${span.start}–${span.end} (${span.end - span.start})` : 'No selection'}
    </p>
  );
}
