import { createContext, useContext } from 'react';
import type { BlockLayout } from './blocks';
import type { ViewportTracker } from './viewportTracker';

/** What viewer plugins need once the document's blocks are in the DOM. */
export interface ViewerReady {
  /** The Lexical root element (focusable, read-only). */
  root: HTMLElement;
  /** One element per block, in order; each carries data-start. */
  blocks: HTMLElement[];
  layout: BlockLayout;
  text: string;
  /** For long documents, which blocks are near the viewport (null: short, everything is laid out). */
  viewport: ViewportTracker | null;
}

export const ViewerContext = createContext<ViewerReady | null>(null);

export function useViewer(): ViewerReady {
  const v = useContext(ViewerContext);
  if (!v) throw new Error('useViewer outside a ready DocumentText');
  return v;
}
