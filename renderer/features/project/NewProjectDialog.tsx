/**
 * File ▸ New project: a name, the documents it reads (the bundled corpus, a folder of the
 * analyst's own, or none yet — documents can be added later) and its first codebook: empty, a
 * REFI-QDA codebook (.qdc), or the default one that goes with the bundled corpus.
 */
import { useId, useState } from 'react';
import { base64ToBytes } from '../../../common/bytes';
import { decodeText } from '../../../common/text/utf8';
import type { NewProjectRequest } from '../../../common/projectApi';
import { defaultContext } from '../../domain/context';
import { defaultCodebook } from '../../domain/defaultCodebook';
import type { Code } from '../../domain/model';
import { importQdc } from '../../formats/refiQda/codebook';
import { Modal } from '../../ui/Modal';
import { useServices } from '../../ui/ProjectContext';
import { useProjectFile } from './useProjectFile';
import { errorMessage } from '../../../common/errorMessage';

type Documents = 'bundled' | 'folder' | 'none';
type Codebook = { kind: 'empty' } | { kind: 'default' } | { kind: 'qdc'; name: string; codes: Code[] };

export function NewProjectDialog({ onClose }: { onClose: () => void }) {
  const { projectFile, api, store } = useServices();
  const view = useProjectFile();
  const [name, setName] = useState('');
  const [documents, setDocuments] = useState<Documents>('folder');
  const [folder, setFolder] = useState('');
  const [codebook, setCodebook] = useState<Codebook>({ kind: 'empty' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { name: useId(), folder: useId(), error: useId() };
  if (!projectFile || !view) return null;

  const chooseFolder = async () => {
    const chosen = await projectFile.chooseDocumentsFolder().catch((err: unknown) => setError(`The folder could not be chosen: ${errorMessage(err)}`));
    if (chosen) setFolder(chosen.path);
  };
  const chooseQdc = async () => {
    setError(null);
    try {
      const file = await api.openImport({ title: 'Codebook (.qdc)', extensions: ['qdc'] });
      if (!file) return;
      const { codes, report } = importQdc(decodeText(base64ToBytes(file.base64), file.name));
      if (codes.length === 0) setError(`${file.name} holds no codes${report.length ? `: ${report.join('; ')}` : '.'}`);
      else setCodebook({ kind: 'qdc', name: file.name, codes });
    } catch (err) {
      setError(`The codebook could not be read: ${errorMessage(err)}`);
    }
  };
  const create = async () => {
    if (name.trim() === '') return setError('Give the project a name.');
    if (documents === 'folder' && folder.trim() === '') return setError('Name the folder of your documents.');
    const corpus: NewProjectRequest['corpus'] = documents === 'folder' ? { kind: 'folder', path: folder.trim() } : { kind: documents };
    const codes = codebook.kind === 'qdc' ? codebook.codes : codebook.kind === 'default' ? defaultCodebook(defaultContext()) : [];
    setBusy(true);
    setError(null);
    try {
      // The analyst stays who they are; nothing else of this project's settings goes over.
      const made = await projectFile.newProject({ name: name.trim(), corpus }, codes, { coder: store.getSnapshot().settings.coder });
      if (!made) setBusy(false);
    } catch (err) {
      setBusy(false);
      setError(`The project was not made: ${errorMessage(err)}`);
    }
  };

  return (
    <Modal title="New project" onClose={onClose} className="project-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
        aria-describedby={error ? ids.error : undefined}
      >
        <label htmlFor={ids.name}>Name</label>
        <input id={ids.name} value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
        <fieldset>
          <legend>Documents</legend>
          <label>
            <input type="radio" name="documents" checked={documents === 'folder'} onChange={() => setDocuments('folder')} /> A folder of my documents
          </label>
          {documents === 'folder' && (
            <div className="folder-field">
              <label htmlFor={ids.folder}>Folder</label>
              <input
                id={ids.folder}
                value={folder}
                onChange={(e) => setFolder(e.target.value)}
                placeholder={view.nativeDialogs ? '' : '/home/me/interviews'}
                readOnly={view.nativeDialogs}
              />
              {view.nativeDialogs && (
                <button type="button" onClick={() => void chooseFolder()}>
                  Choose…
                </button>
              )}
            </div>
          )}
          <label>
            <input type="radio" name="documents" checked={documents === 'none'} onChange={() => setDocuments('none')} /> None yet (I will add documents)
          </label>
          <label>
            <input
              type="radio"
              name="documents"
              checked={documents === 'bundled'}
              onChange={() => setDocuments('bundled')}
            />{' '}
            The sample corpus that comes with Marginalia
          </label>
        </fieldset>
        <fieldset>
          <legend>Codebook</legend>
          <label>
            <input type="radio" name="codebook" checked={codebook.kind === 'empty'} onChange={() => setCodebook({ kind: 'empty' })} /> Empty
          </label>
          <label>
            <input type="radio" name="codebook" checked={codebook.kind === 'qdc'} onChange={() => void chooseQdc()} />{' '}
            {codebook.kind === 'qdc' ? `From ${codebook.name} (${codebook.codes.length} codes)` : 'From a REFI-QDA codebook (.qdc)…'}
          </label>
          {documents === 'bundled' && (
            <label>
              <input type="radio" name="codebook" checked={codebook.kind === 'default'} onChange={() => setCodebook({ kind: 'default' })} /> The
              sample corpus’s codes (the Coalition’s working groups)
            </label>
          )}
        </fieldset>
        {error && (
          <p role="alert" id={ids.error} className="project-error">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create project'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
