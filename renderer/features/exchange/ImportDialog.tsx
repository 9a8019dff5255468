/**
 * Import: every format of the registry that reads files. The file is read and checked first
 * (a .qdpx in a worker, so the window stays responsive); a damaged or unsafe file is explained
 * and nothing is stored. A whole project coming into a project that is not empty asks first:
 * replace or merge. What is valid goes in as one change (one Undo), planned from the stored
 * state when it is stored (project/jobs/importJob.ts), and the dialog reports what was added,
 * matched, skipped or lost.
 */
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { base64ToBytes } from '../../../common/bytes';
import type { OpenedFile, OpenImportResult } from '../../../common/contract';
import { useProject, useServices } from '../../ui/ProjectContext';
import type { CorpusState } from '../../ui/useCorpus';
import { nextTurn, type Incoming } from '../../formats/format';
import { IMPORT_FORMATS, importFormat, type ImportFormat } from '../../formats/registry';
import { importTarget, readFolderImport, readImport, storeImport, type ImportSource } from '../../project/jobs/importJob';
import { asksReplaceOrMerge, type ImportFile } from '../../project/jobs/importPlans';
import { Modal } from '../../ui/Modal';
import { useCodeMapping } from './useCodeMapping';
import { importFormatForFile } from './openedFile';
import { importChoice } from './importChoice';
import { pickedFolder } from './pickedFolder';
import { errorMessage } from '../../../common/errorMessage';
import { plural } from '../../../common/plural';

interface Done {
  fileName: string;
  summary: string;
  notes: string[];
}

/** A read file waiting for the analyst's choice: replace the project or merge into it. */
interface Pending {
  incoming: Incoming;
  file: ImportFile;
}


/** `opened`: a file the OS asked us to open (a double-clicked .qdpx), imported as if chosen here. */
export function ImportDialog({ corpus, onClose, opened }: { corpus: CorpusState; onClose: () => void; opened?: NonNullable<OpenedFile> }) {
  const { api, store, corpus: corpusTexts } = useServices();
  const snapshot = useProject();
  const codeMapping = useCodeMapping();
  const [formatId, setFormatId] = useState(() => (opened && importFormatForFile(opened.name)?.id) || IMPORT_FORMATS[0]!.id);
  const openedTaken = useRef(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Said when the file was read as another format than the one selected (what its content is). */
  const [readAs, setReadAs] = useState<string | null>(null);
  const choiceRef = useRef<HTMLButtonElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const chosenFormat = importFormat(formatId);
  const closed = useRef(false);
  // The file being read: closing the dialog stops its reading (and its worker).
  const reading = useRef<AbortController | null>(null);

  useEffect(() => {
    closed.current = false;
    return () => {
      closed.current = true;
      reading.current?.abort();
    };
  }, []);
  useEffect(() => {
    if (pending) choiceRef.current?.focus();
  }, [pending]);

  const source = (): ImportSource => ({
    corpus: corpus.documents.filter((d) => d.origin === 'corpus').map((d) => ({ id: d.id, title: d.title, sha256: d.sha256 })),
    corpusText: (id) => corpusTexts.corpusText(id),
  });

  async function apply(incoming: Incoming, file: ImportFile, mode?: 'replace' | 'merge') {
    // A merge first lets the analyst map incoming codes whose path is not here (nothing is written before).
    const replaces = incoming.kind === 'project' && mode !== 'merge';
    const reviewed = replaces ? { incoming, notes: [] } : await codeMapping.review(incoming, store.getSnapshot().codes, file.fileName);
    if (!reviewed || closed.current) return;
    const outcome = await storeImport(store, reviewed.incoming, file, source(), mode);
    if (closed.current) return;
    if (outcome.ok) setDone({ fileName: file.fileName, summary: outcome.summary, notes: [...reviewed.notes, ...outcome.notes] });
    else setError(outcome.message);
  }

  function startOver() {
    setError(null);
    setDone(null);
    setPending(null);
    setReadAs(null);
  }

  async function choose() {
    startOver();
    const format = importFormat(formatId);
    if (format.import.picks === 'folder') {
      // The browser's (and Electron's) own folder chooser: the main process picks files only.
      folderInput.current?.click();
      return;
    }
    let chosen: Awaited<ReturnType<typeof api.openImport>>;
    try {
      chosen = await api.openImport({ title: `Import ${format.label}`, extensions: [...format.extensions] });
    } catch (err) {
      setError(`The file could not be opened: ${errorMessage(err)}`);
      return;
    }
    if (!chosen || closed.current) return;
    await read(format, chosen);
  }

  function read(selected: ImportFormat, chosen: NonNullable<OpenImportResult>) {
    const bytes = base64ToBytes(chosen.base64);
    const choice = importChoice(bytes, selected, chosen.name);
    if ('refused' in choice) return setError(choice.refused);
    setFormatId(choice.format.id);
    setReadAs(choice.note);
    return readChosen(chosen.name, (file, signal) => readImport(choice.format.id, bytes, file, signal));
  }

  async function readFolder(list: FileList | null) {
    const folder = pickedFolder([...(list ?? [])]);
    if (folderInput.current) folderInput.current.value = ''; // the same folder can be picked again
    startOver();
    if (!folder) {
      setError('The folder you picked is empty: pick the project folder itself, the one whose name ends in .marginalia.');
      return;
    }
    await readChosen(folder.name, (file, signal) => readFolderImport(formatId, folder.files, file, signal));
  }

  async function readChosen(fileName: string, readIncoming: (file: ImportFile, signal: AbortSignal) => Promise<Incoming>) {
    const file: ImportFile = { fileName, now: new Date().toISOString() };
    flushSync(() => setBusy(`Reading ${file.fileName}…`));
    await nextTurn(); // paint the busy state before parsing a big file
    const controller = new AbortController();
    reading.current = controller;
    try {
      const incoming = await readIncoming(file, controller.signal);
      if (closed.current) return;
      await store.whenLoaded(); // whether the project is empty counts every segment
      if (asksReplaceOrMerge(incoming, importTarget(store.getSnapshot()))) setPending({ incoming, file });
      else await apply(incoming, file);
    } catch (err) {
      if (!closed.current) setError(`${file.fileName} was not imported. ${errorMessage(err)}`);
    } finally {
      if (reading.current === controller) reading.current = null;
      if (!closed.current) setBusy(null);
    }
  }

  // An opened file is read once the corpus is known (imports must not shadow corpus documents).
  useEffect(() => {
    if (!opened || openedTaken.current || corpus.loading) return;
    openedTaken.current = true;
    const format = importFormatForFile(opened.name);
    if ('error' in opened) setError(`${opened.name} could not be opened: ${opened.error}`);
    else if (format === null) setError(`${opened.name} was not imported: Marginalia does not import this kind of file.`);
    else void read(format, opened);
  });

  async function restore(mode: 'replace' | 'merge') {
    if (!pending) return;
    setPending(null);
    setBusy(mode === 'replace' ? 'Restoring…' : 'Merging…');
    try {
      await apply(pending.incoming, pending.file, mode);
    } finally {
      if (!closed.current) setBusy(null);
    }
  }

  return (
    <Modal title="Import" onClose={onClose} className="import-dialog">
      <fieldset className="format-list" role="radiogroup" disabled={!!busy || !!pending}>
        <legend>Format</legend>
        {IMPORT_FORMATS.map((f) => (
          <div key={f.id} className="format-option">
            <label>
              <input
                type="radio"
                name="import-format"
                value={f.id}
                checked={formatId === f.id}
                onChange={() => setFormatId(f.id)}
                aria-describedby={`import-hint-${f.id}`}
              />
              {f.label}
            </label>
            <small id={`import-hint-${f.id}`} className="exchange-hint">
              {f.import.hint}
            </small>
          </div>
        ))}
      </fieldset>

      {chosenFormat.import.picks === 'folder' && (
        <>
          <p className="exchange-hint" id="import-pick-hint">
            {chosenFormat.import.pickHint}
          </p>
          <input
            ref={folderInput}
            type="file"
            hidden
            aria-label={`${chosenFormat.label}: folder`}
            aria-describedby="import-pick-hint"
            // Not in React's types: Chromium's folder chooser (Electron's too), one entry per file under it.
            {...{ webkitdirectory: '' }}
            onChange={(event) => void readFolder(event.currentTarget.files)}
          />
        </>
      )}

      {pending && (
        <div className="restore-choice" role="group" aria-labelledby="restore-question">
          <p id="restore-question">
            This project already has {plural(snapshot.codes.length, 'code')} and {plural(snapshot.segments.size, 'segment')}. Replace it with{' '}
            {pending.file.fileName}, or merge it in?
          </p>
          <ul className="exchange-hint">
            <li>Replace: everything now in the project is replaced by {pending.file.fileName}.</li>
            <li>Merge: nothing is lost; ids are kept and codes with the same path are combined.</li>
          </ul>
          <p className="exchange-hint">Either way, Undo takes it back.</p>
          <div className="dialog-buttons">
            <button type="button" onClick={() => setPending(null)}>
              Cancel
            </button>
            <button type="button" onClick={() => void restore('merge')} ref={choiceRef}>
              Merge
            </button>
            <button type="button" className="danger" onClick={() => void restore('replace')}>
              Replace
            </button>
          </div>
        </div>
      )}

      {codeMapping.step}

      {busy && (
        <div className="export-progress">
          <progress aria-label="Import progress" />
          <span>{busy}</span>
        </div>
      )}

      <div role="status" className="exchange-status">
        {readAs && <p>{readAs}</p>}
        {done && (
          <>
            <p>
              Imported {done.fileName}: {done.summary}
            </p>
            {done.notes.length > 0 && (
              <details open={done.notes.length <= 8}>
                <summary>Import report ({done.notes.length})</summary>
                <ul className="import-report">
                  {done.notes.map((n, i) => (
                    <li key={i}>{n}</li>
                  ))}
                </ul>
              </details>
            )}
          </>
        )}
      </div>
      <div role="alert" className={error ? 'exchange-error' : undefined}>
        {error}
      </div>

      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          {done ? 'Close' : 'Cancel'}
        </button>
        <button type="button" className="primary" onClick={() => void choose()} disabled={!!busy || !!pending || corpus.loading}>
          {chosenFormat.import.picks === 'folder' ? 'Choose folder…' : 'Choose file…'}
        </button>
      </div>
    </Modal>
  );
}
