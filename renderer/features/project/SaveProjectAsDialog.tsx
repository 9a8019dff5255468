/** File ▸ Save project as: the project goes on under a new name; the old one stays as it was. */
import { useId, useState } from 'react';
import { Modal } from '../../ui/Modal';
import { useServices } from '../../ui/ProjectContext';
import { useProjectFile } from './useProjectFile';
import { errorMessage } from '../../../common/errorMessage';

export function SaveProjectAsDialog({ onClose }: { onClose: () => void }) {
  const { projectFile } = useServices();
  const view = useProjectFile();
  const [name, setName] = useState(view ? `${view.project.name} (copy)` : '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameId = useId();
  if (!projectFile || !view) return null;

  const save = async () => {
    if (name.trim() === '') return setError('Give the project a name.');
    setBusy(true);
    setError(null);
    try {
      if (!(await projectFile.saveProjectAs(name.trim()))) setBusy(false);
    } catch (err) {
      setBusy(false);
      setError(`The project was not saved: ${errorMessage(err)}`);
    }
  };

  return (
    <Modal title="Save project as" onClose={onClose} className="project-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label htmlFor={nameId}>New name</label>
        <input id={nameId} value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
        <p className="exchange-hint">
          {view.nativeDialogs ? 'You choose the folder next.' : `Saved in ${view.projectsFolder ?? 'the projects folder'}.`} “{view.project.name}” stays as it is now.
        </p>
        {error && (
          <p role="alert" className="project-error">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
