/**
 * The widths of the side panels (Documents on the left, Coding on the right) for a window
 * width: what the analyst chose, squeezed when the window is too narrow so the text column
 * keeps TEXT_MIN pixels — each panel giving up width above its minimum in proportion. Pure.
 */
export type PanelName = 'documents' | 'coding';

export interface PanelChoice {
  width: number;
  collapsed: boolean;
}

export type PanelChoices = Record<PanelName, PanelChoice>;

export const PANEL_LIMITS: Record<PanelName, { min: number; max: number; initial: number }> = {
  documents: { min: 140, max: 480, initial: 220 },
  coding: { min: 240, max: 640, initial: 320 },
};
export const TEXT_MIN = 560;
export const SPLITTER_WIDTH = 6;

export interface PanelSize {
  /** The width shown (0 when collapsed). */
  width: number;
  collapsed: boolean;
  min: number;
  /** The widest it can be now without taking the text column under TEXT_MIN. */
  max: number;
}

export const initialChoices = (): PanelChoices => ({
  documents: { width: PANEL_LIMITS.documents.initial, collapsed: false },
  coding: { width: PANEL_LIMITS.coding.initial, collapsed: false },
});

const NAMES: readonly PanelName[] = ['documents', 'coding'];

export function panelSizes(choices: PanelChoices, windowWidth: number): Record<PanelName, PanelSize> {
  const open = NAMES.filter((n) => !choices[n].collapsed);
  const room = windowWidth - TEXT_MIN - open.length * SPLITTER_WIDTH;
  const wanted = (n: PanelName) => Math.min(PANEL_LIMITS[n].max, Math.max(PANEL_LIMITS[n].min, choices[n].width));
  const excess = open.reduce((sum, n) => sum + wanted(n), 0) - room;
  const give = open.reduce((sum, n) => sum + (wanted(n) - PANEL_LIMITS[n].min), 0);
  const width = (n: PanelName) => {
    if (choices[n].collapsed) return 0;
    if (excess <= 0 || give === 0) return wanted(n);
    const share = (wanted(n) - PANEL_LIMITS[n].min) / give;
    return Math.floor(Math.max(PANEL_LIMITS[n].min, wanted(n) - excess * share));
  };
  const sizes = {} as Record<PanelName, PanelSize>;
  for (const n of NAMES) {
    const other = NAMES.find((o) => o !== n)!;
    const max = Math.max(PANEL_LIMITS[n].min, Math.min(PANEL_LIMITS[n].max, room - width(other)));
    sizes[n] = { width: width(n), collapsed: choices[n].collapsed, min: PANEL_LIMITS[n].min, max };
  }
  return sizes;
}
