/**
 * The header's Agreement button, the view it opens, and — after "Show in text" — the bar that
 * walks the disagreements in the text and leads back to the view.
 */
import { useState } from 'react';
import type { Segment } from '../../domain/model';
import type { CorpusState } from '../../ui/useCorpus';
import { AgreementDialog } from './AgreementDialog';
import { AgreementWalk } from './AgreementWalk';

interface Props {
  corpus: CorpusState;
  onRevealSegment: (segment: Segment) => void;
}

export function AgreementButton({ corpus, onRevealSegment }: Props) {
  const [shown, setShown] = useState<'closed' | 'view' | 'walk'>('closed');
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setShown('view')}>
        Agreement
      </button>
      {shown === 'view' && (
        <AgreementDialog corpus={corpus} onRevealSegment={onRevealSegment} onShownInText={() => setShown('walk')} onClose={() => setShown('closed')} />
      )}
      {shown === 'walk' && <AgreementWalk onRevealSegment={onRevealSegment} onBack={() => setShown('view')} onClose={() => setShown('closed')} />}
    </>
  );
}
