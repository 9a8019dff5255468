/** The header's Agreement button and the dialog it opens. */
import { useState } from 'react';
import type { Segment } from '../../domain/model';
import type { CorpusState } from '../../ui/useCorpus';
import { AgreementDialog } from './AgreementDialog';

interface Props {
  corpus: CorpusState;
  onRevealSegment: (segment: Segment) => void;
}

export function AgreementButton({ corpus, onRevealSegment }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Agreement
      </button>
      {open && <AgreementDialog corpus={corpus} onRevealSegment={onRevealSegment} onClose={() => setOpen(false)} />}
    </>
  );
}
