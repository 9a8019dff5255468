/**
 * The coder filter for React: the shared choice (project/coderFilter.ts) with the current coder
 * and blind coding from the settings, as a predicate that stays the same function until one
 * of them changes (painters compare it by reference).
 */
import { useMemo, useSyncExternalStore } from 'react';
import { coderPredicate, shownCoders, type CoderFilterChoice, type CoderPredicate } from '../domain/coderFilter';
import { coderFilter } from '../project/coderFilter';
import { useProject } from './ProjectContext';

export interface CoderFilterState {
  choice: CoderFilterChoice;
  setChoice: (choice: CoderFilterChoice) => void;
  /** Which codings the views show; null: all. */
  accepts: CoderPredicate;
  /** The coders shown (null: all); blind coding shows the current coder only. */
  shown: readonly string[] | null;
  blind: boolean;
}

const setChoice = (choice: CoderFilterChoice) => coderFilter.set(choice);

export function useCoderFilter(): CoderFilterState {
  const choice = useSyncExternalStore(coderFilter.subscribe, coderFilter.getSnapshot);
  const { settings } = useProject();
  const blind = settings.blindCoding === true;
  const accepts = useMemo(() => coderPredicate(choice, settings.coder, blind), [choice, settings.coder, blind]);
  const shown = useMemo(() => shownCoders(choice, settings.coder, blind), [choice, settings.coder, blind]);
  return { choice, setChoice, accepts, shown, blind };
}
