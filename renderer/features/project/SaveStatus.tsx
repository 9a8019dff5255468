/**
 * Whether the project file has every change: "Saved", "Saving…" or "Not saved: why". Quiet: it is
 * not announced at every coding (aria-live off); a failure is (an alert). Read-only projects say so,
 * and so does a window with no project file at all (`--no-project-file`, or a host that could not
 * be reached at start): its work lives only in this browser's storage.
 */

const BROWSER_ONLY_WHY =
  'There is no project folder on disk for this window: your work is kept only in this browser’s storage, and clearing the browser’s data loses it. Export a Project backup (JSON) to keep a copy.';
import { useProjectFile } from './useProjectFile';

export function SaveStatus() {
  const view = useProjectFile();
  if (view === null) {
    return (
      <span className="save-status browser-only" title={BROWSER_ONLY_WHY}>
        Browser only
      </span>
    );
  }
  if (view.project.readOnly !== null) {
    return (
      <span className="save-status read-only" title={view.project.readOnly}>
        Read-only
      </span>
    );
  }
  const { status } = view;
  if (status.kind === 'failed') {
    return (
      <span className="save-status failed" role="alert">
        Not saved: {status.message}
      </span>
    );
  }
  return (
    <span className="save-status" role="status" aria-live="off" title={view.project.path}>
      {status.kind === 'saved' ? 'Saved' : 'Saving…'}
    </span>
  );
}
