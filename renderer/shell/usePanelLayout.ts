/** The side panels' widths and collapsed state: remembered in localStorage, fitted to the window. */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { z } from 'zod';
import { useStoredState } from '../ui/useStoredState';
import { initialChoices, panelSizes, type PanelChoices, type PanelName } from './panelLayout';

const CHOICE = z.object({ width: z.number().finite(), collapsed: z.boolean() });
const CHOICES = z.object({ documents: CHOICE, coding: CHOICE });

const subscribeResize = (onChange: () => void) => {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
};
const windowWidth = () => window.innerWidth;

export function usePanelLayout() {
  const [choices, setChoices] = useStoredState<PanelChoices>('marginalia.layout.panels', CHOICES, initialChoices());
  const width = useSyncExternalStore(subscribeResize, windowWidth);
  const sizes = useMemo(() => panelSizes(choices, width), [choices, width]);

  /** A new width for one panel; the other keeps the width it shows now, so nothing jumps. */
  const resize = useCallback(
    (panel: PanelName, value: number) =>
      setChoices((current) => {
        const shown = panelSizes(current, window.innerWidth);
        const other: PanelName = panel === 'documents' ? 'coding' : 'documents';
        return {
          ...current,
          [panel]: { ...current[panel], width: value },
          [other]: { ...current[other], width: shown[other].collapsed ? current[other].width : shown[other].width },
        } as PanelChoices;
      }),
    [setChoices],
  );

  const setCollapsed = useCallback(
    (panel: PanelName, collapsed: boolean) =>
      setChoices((current) => (current[panel].collapsed === collapsed ? current : { ...current, [panel]: { ...current[panel], collapsed } })),
    [setChoices],
  );

  return { sizes, resize, setCollapsed };
}
