/** Resolving a disagreement into the consensus coder, as one undoable action built at commit time. */
import type { Change } from '../../domain/change';
import type { Stretch } from '../../domain/agreement/resultColumns';
import { resolveStretch, type ConsensusDocument, type Outcome } from '../../domain/agreement/consensus';
import type { ProjectStore } from '../projectStore';

export function resolveDisagreement(
  store: ProjectStore,
  doc: ConsensusDocument,
  stretch: Stretch,
  outcome: Outcome,
  consensusCoder: string,
  label: string,
): Promise<Change | null> {
  return store.act(
    (ctx, state) => {
      const { placed } = store.placements.place(doc.id, state.segments.inDocument(doc.id), doc.text, doc.sha256);
      return resolveStretch(placed, doc, stretch, outcome, consensusCoder, ctx, label);
    },
    { documentId: doc.id },
  );
}
