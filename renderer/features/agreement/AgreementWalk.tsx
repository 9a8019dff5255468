/**
 * After "Show in text", a small bar over the reader keeps the analyst's place in the
 * disagreements: which stretch of how many is shown, Previous and Next to show its neighbours
 * in their documents, and Back to agreement to open the view at that stretch (to resolve it).
 * The text stays readable and codable underneath: the bar is not modal.
 */
import { useMemo, useState, useSyncExternalStore } from 'react';
import { stretchesOf } from '../../domain/agreement/resultColumns';
import { codePath, codesById } from '../../domain/codeTree';
import type { Segment } from '../../domain/model';
import { agreementSession, stretchKey } from '../../project/agreement/agreementSession';
import { useProject } from '../../ui/ProjectContext';
import { placeFor, rememberPlace } from './agreementPlace';
import { stretchSegment } from './revealStretch';

interface Props {
  onRevealSegment: (segment: Segment) => void;
  onBack: () => void;
  onClose: () => void;
}

export function AgreementWalk({ onRevealSegment, onBack, onClose }: Props) {
  const { codes, segments } = useProject();
  const { run } = useSyncExternalStore(agreementSession.subscribe, agreementSession.getSnapshot);
  const stretches = useMemo(() => (run ? stretchesOf(run.result) : []), [run]);
  // The place "Show in text" left, followed here as the bar steps (and kept for the view to reopen at).
  const [place, setPlace] = useState(() => (run ? placeFor(run.computedAt) : null));
  const index = place && run?.computedAt === place.computedAt ? stretches.findIndex((s) => stretchKey(s) === place.shownKey) : -1;
  const byId = useMemo(() => codesById(codes), [codes]);
  if (!run || !place || index < 0) return null;
  const stretch = stretches[index]!;

  const go = (to: number) => {
    const next = stretches[to];
    if (!next) return;
    const moved = { ...place, shownKey: stretchKey(next), listed: Math.max(place.listed, to + 1) };
    rememberPlace(moved);
    setPlace(moved);
    const segment = stretchSegment(segments, next, run.request.pair);
    if (segment) onRevealSegment(segment);
  };

  return (
    <div role="region" aria-label="Disagreement shown in the text" className="agreement-walk">
      <span className="agreement-walk-where">
        Disagreement {index + 1} of {stretches.length}: {byId.has(stretch.codeId) ? codePath(byId, stretch.codeId) : stretch.codeId}
      </span>
      <button type="button" disabled={index === 0} onClick={() => go(index - 1)}>
        Previous
      </button>
      <button type="button" disabled={index === stretches.length - 1} onClick={() => go(index + 1)}>
        Next
      </button>
      <button type="button" className="primary" onClick={onBack}>
        Back to agreement
      </button>
      <button type="button" className="modal-close" aria-label="Close the disagreement bar" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
