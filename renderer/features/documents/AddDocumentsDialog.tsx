/** Progress of adding documents, a Cancel while it runs, and each file's result when it is done. */
import { Modal } from '../../ui/Modal';
import type { FileResult } from '../../project/jobs/addDocuments';
import type { AddingState } from './useAddDocuments';

function describe(result: FileResult): string {
  switch (result.status) {
    case 'added':
      return `added as “${result.title}”${result.warnings.length ? ` (${result.warnings.join('; ')})` : ''}`;
    case 'restored':
      return `the text of ${result.titles.map((t) => `“${t}”`).join(', ')}, which the project file had lost: restored`;
    case 'duplicate':
      return `skipped: the same text as “${result.sameAs}”`;
    default:
      return `refused: ${result.reason}`;
  }
}

export function AddDocumentsDialog({ adding, onCancel, onClose }: { adding: AddingState; onCancel: () => void; onClose: () => void }) {
  const running = adding.finished === null;
  const added = adding.results.filter((r) => r.status === 'added' || r.status === 'restored').length;
  return (
    <Modal title="Add documents" onClose={running ? onCancel : onClose} className="add-documents">
      <progress max={adding.total} value={adding.done} aria-label="Files converted">
        {adding.done} of {adding.total}
      </progress>
      <p role="status">
        {running
          ? `Converting ${adding.done + 1} of ${adding.total}${adding.current ? `: ${adding.current}` : ''}…`
          : adding.finished === 'cancelled'
            ? 'Cancelled: no document was added.'
            : `${added} of ${adding.total} added.`}
      </p>
      {!running && adding.results.length > 0 && (
        <ul aria-label="Results" className="add-results">
          {adding.results.map((r, i) => (
            <li key={i} className={`add-result-${r.status}`}>
              <strong>{r.name}</strong>: {describe(r)}
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-buttons">
        {running ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : (
          <button type="button" onClick={onClose}>
            Close
          </button>
        )}
      </div>
    </Modal>
  );
}
