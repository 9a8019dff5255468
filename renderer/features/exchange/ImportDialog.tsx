/**
 * Import: a backup (replace or merge), a REFI-QDA project or codebook. The file is read and
 * checked first; a damaged file is explained and nothing is stored. What is valid goes in as
 * one change (one Undo), and the dialog reports what was added, matched, skipped or lost.
 */
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useProject, useServices } from '../../ui/ProjectContext';
import type { CorpusState } from '../../ui/useCorpus';
import { parseBackup, type Backup } from '../../formats/backup/backup';
import { importQdc } from '../../formats/refiQda/codebook';
import { importQdpx } from '../../formats/refiQda/importQdpx';
import { decodeText } from '../../formats/refiQda/xmlReader';
import { base64ToBytes } from '../../transport/browserFiles';
import { IMPORT_FORMATS, importFormat, type ImportFormat } from '../../formats/registry';
import {
  isProjectEmpty,
  planBackupRestore,
  planQdcImport,
  planQdpxImport,
  type CorpusRef,
  type ImportPlan,
  type ImportTarget,
} from '../../project/jobs/importPlans';
import { Modal } from '../../ui/Modal';
import { nextTurn } from '../../project/jobs/produceExport';

interface Done {
  fileName: string;
  summary: string;
  notes: string[];
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function ImportDialog({ corpus, onClose }: { corpus: CorpusState; onClose: () => void }) {
  const { api, store } = useServices();
  const snapshot = useProject();
  const [format, setFormat] = useState<ImportFormat>('backup');
  const [busy, setBusy] = useState<string | null>(null);
  const [pending, setPending] = useState<{ backup: Backup; fileName: string } | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [error, setError] = useState<string | null>(null);
  const choiceRef = useRef<HTMLButtonElement>(null);
  const closed = useRef(false);

  useEffect(() => {
    closed.current = false;
    return () => {
      closed.current = true;
    };
  }, []);
  useEffect(() => {
    if (pending) choiceRef.current?.focus();
  }, [pending]);

  /** The project as stored, all segments included (a large project reads them after start-up). */
  const target = async (): Promise<ImportTarget> => {
    await store.whenLoaded();
    const s = store.getSnapshot();
    return { codes: s.codes, segments: s.segments.all(), memos: s.memos, importedDocuments: s.documents, settings: s.settings };
  };
  const corpusRefs = (): CorpusRef[] =>
    corpus.documents.filter((d) => d.origin === 'corpus').map((d) => ({ id: d.id, title: d.title, sha256: d.sha256 }));

  async function apply(plan: ImportPlan, fileName: string) {
    const stored = await store.act(() => plan.change);
    if (closed.current) return;
    if (!stored) {
      setError(`${fileName} could not be stored: ${store.getSnapshot().error ?? 'unknown error'}. Nothing was changed.`);
      return;
    }
    setDone({ fileName, summary: plan.summary, notes: plan.notes });
  }

  async function choose() {
    setError(null);
    setDone(null);
    setPending(null);
    const info = importFormat(format);
    let file: Awaited<ReturnType<typeof api.openImport>>;
    try {
      file = await api.openImport({ title: `Import ${info.label}`, extensions: info.extensions });
    } catch (err) {
      setError(`The file could not be opened: ${errorText(err)}`);
      return;
    }
    if (!file || closed.current) return;
    const fileName = file.name;
    flushSync(() => setBusy(`Reading ${fileName}…`));
    await nextTurn(); // paint the busy state before parsing a big file
    try {
      const bytes = base64ToBytes(file.base64);
      const now = new Date().toISOString();
      if (format === 'backup') {
        const parsed = parseBackup(decodeText(bytes, fileName));
        if (!parsed.ok) {
          setError(`${fileName} was not imported. ${parsed.message}`);
          return;
        }
        const current = await target();
        if (isProjectEmpty(current)) await apply(planBackupRestore(current, parsed.backup, 'replace', corpusRefs()), fileName);
        else setPending({ backup: parsed.backup, fileName });
      } else if (format === 'qdpx') {
        const imported = await importQdpx(bytes, { now, fileName });
        if (closed.current) return;
        await apply(planQdpxImport(await target(), imported, corpusRefs(), { now, fileName }), fileName);
      } else {
        const imported = importQdc(decodeText(bytes, fileName), { now });
        await apply(planQdcImport(await target(), imported, { now, fileName }), fileName);
      }
    } catch (err) {
      if (!closed.current) setError(`${fileName} was not imported. ${errorText(err)}`);
    } finally {
      if (!closed.current) setBusy(null);
    }
  }

  async function restore(mode: 'replace' | 'merge') {
    if (!pending) return;
    const { backup, fileName } = pending;
    setPending(null);
    setBusy(mode === 'replace' ? 'Restoring…' : 'Merging…');
    try {
      await apply(planBackupRestore(await target(), backup, mode, corpusRefs()), fileName);
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
                checked={format === f.id}
                onChange={() => setFormat(f.id)}
                aria-describedby={`import-hint-${f.id}`}
              />
              {f.label}
            </label>
            <small id={`import-hint-${f.id}`} className="exchange-hint">
              {f.hint}
            </small>
          </div>
        ))}
      </fieldset>

      {pending && (
        <div className="restore-choice" role="group" aria-labelledby="restore-question">
          <p id="restore-question">
            This project already has {snapshot.codes.length} code(s) and {snapshot.segments.size} segment(s). Replace it with{' '}
            {pending.fileName}, or merge the backup in?
          </p>
          <ul className="exchange-hint">
            <li>Replace: everything now in the project is replaced by the backup.</li>
            <li>Merge: nothing is lost; ids are kept and codes with the same name are combined.</li>
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

      {busy && (
        <div className="export-progress">
          <progress aria-label="Import progress" />
          <span>{busy}</span>
        </div>
      )}

      <div role="status" className="exchange-status">
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
          Choose file…
        </button>
      </div>
    </Modal>
  );
}
