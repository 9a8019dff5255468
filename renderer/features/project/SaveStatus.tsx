/**
 * Whether the project file has every change: "Saved", "Saving…" or "Not saved: why". Quiet: it is
 * not announced at every coding (aria-live off); a failure is (an alert). Read-only projects say so.
 */
import { useProjectFile } from './useProjectFile';

export function SaveStatus() {
  const view = useProjectFile();
  if (view === null) return null;
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
