/** The header's Search button: shows the Search view (Ctrl/Cmd+Shift+F), or goes back to the document. */
import type { useSearchView } from './useSearchView';

export function SearchButton({ view }: { view: ReturnType<typeof useSearchView> }) {
  return (
    <button type="button" aria-pressed={view.open} aria-keyshortcuts="Control+Shift+F Meta+Shift+F" onClick={view.open ? view.hide : view.show}>
      Search
    </button>
  );
}
