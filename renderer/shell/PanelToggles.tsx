/** Header buttons that show or hide the side panels (the state is remembered, see usePanelLayout). */
import type { PanelName, PanelSize } from './panelLayout';

export const PANEL_IDS: Record<PanelName, string> = { documents: 'documents-panel', coding: 'coding-panel' };
const LABELS: Record<PanelName, string> = { documents: 'Documents', coding: 'Codebook' };

interface Props {
  sizes: Record<PanelName, PanelSize>;
  setCollapsed: (panel: PanelName, collapsed: boolean) => void;
}

export function PanelToggles({ sizes, setCollapsed }: Props) {
  return (
    <div className="panel-toggles" role="group" aria-label="Panels">
      {(['documents', 'coding'] as const).map((panel) => (
        <button
          key={panel}
          type="button"
          aria-expanded={!sizes[panel].collapsed}
          aria-controls={PANEL_IDS[panel]}
          title={`${sizes[panel].collapsed ? 'Show' : 'Hide'} the ${LABELS[panel].toLowerCase()} panel`}
          onClick={() => setCollapsed(panel, !sizes[panel].collapsed)}
        >
          {LABELS[panel]}
        </button>
      ))}
    </div>
  );
}
