/** The attributes analysis offers: built in (kind, place, year, month) and those the analyst defined. */
import { useMemo } from 'react';
import { withDefined, type DocumentAttribute } from '../../domain/analysis/attributes';
import { useProject } from '../../ui/ProjectContext';

export function useAttributes(): DocumentAttribute[] {
  const { attributes } = useProject();
  return useMemo(() => withDefined(attributes), [attributes]);
}
