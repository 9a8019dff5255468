/** The project's coders (seen on codings, given a profile, or current), for pickers and filters. */
import { useMemo } from 'react';
import { projectCoders } from '../domain/coders';
import type { CoderProfile } from '../domain/model';
import { useProject } from './ProjectContext';

export function useCoders(): CoderProfile[] {
  const { segments, settings } = useProject();
  const counts = segments.coderCounts;
  return useMemo(() => projectCoders(counts.keys(), settings.coders, settings.coder), [counts, settings.coders, settings.coder]);
}
