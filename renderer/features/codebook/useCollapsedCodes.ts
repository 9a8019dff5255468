/** Which branches of the code tree are closed, remembered between sessions. */
import { useCallback, useMemo } from 'react';
import { z } from 'zod';
import { useStoredState } from '../../ui/useStoredState';

const COLLAPSED = z.array(z.string());

export function useCollapsedCodes(): { collapsed: ReadonlySet<string>; setExpanded: (ids: readonly string[], expanded: boolean) => void } {
  const [ids, setIds] = useStoredState('marginalia.codebook.collapsed', COLLAPSED, []);
  const collapsed = useMemo(() => new Set(ids), [ids]);
  const setExpanded = useCallback(
    (changed: readonly string[], expanded: boolean) =>
      setIds((current) => {
        const next = new Set(current);
        for (const id of changed) {
          if (expanded) next.delete(id);
          else next.add(id);
        }
        return [...next];
      }),
    [setIds],
  );
  return { collapsed, setExpanded };
}
