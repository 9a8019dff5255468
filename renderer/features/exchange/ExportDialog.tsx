/**
 * Export: every format of the registry, the CSV options for the formats that take them, a
 * progress bar while a big file is written, then the result ("Saved to …" / "Downloaded …",
 * and what could not be placed) or what went wrong. The work itself is the export job
 * (project/jobs/produceExport.ts); this dialog chooses, shows and saves.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { loadExportSettings, saveExportSettings } from './exportSettings';
import { flushSync } from 'react-dom';
import { useProject, useServices } from '../../ui/ProjectContext';
import type { CorpusState } from '../../ui/useCorpus';
import { DomainError } from '../../domain/change';
import { codersOfAll } from '../../domain/codings';
import { ExportCancelled, type ProducedExport } from '../../formats/format';
import { EXPORT_FORMATS, exportFileName, exportFormat } from '../../formats/registry';
import { Modal } from '../../ui/Modal';
import { exportProject, type ExportStage } from '../../project/jobs/produceExport';
import { choosesNothing, CsvOptionsPanel, csvOptionsOf, DEFAULT_CSV_CHOICES, type CsvChoices } from './CsvOptionsPanel';
import { errorMessage } from '../../../common/errorMessage';
import { plural } from '../../../common/plural';

interface Busy {
  label: string;
  done?: number;
  total?: number;
}

const STAGE_LABELS: Record<ExportStage, string> = { reading: 'Reading the documents…', writing: 'Writing the file…' };

/** What the analyst is told about the segments whose passage is not in the current text any more. */
function placementNote(produced: ProducedExport): string {
  if (produced.leftOut) return ` ${plural(produced.leftOut, 'segment')} could not be placed in the current text and ${produced.leftOut === 1 ? 'was' : 'were'} left out: this format needs positions.`;
  if (produced.unplaced) return ` ${plural(produced.unplaced, 'segment')} could not be placed in the current text and ${produced.unplaced === 1 ? 'has' : 'have'} no offsets in the file.`;
  return '';
}

export function ExportDialog({ corpus, onClose }: { corpus: CorpusState; onClose: () => void }) {
  const { api, host, store } = useServices();
  const { codes, segments } = useProject();
  // The last export's format and text settings, as the analyst left them.
  const [remembered] = useState(loadExportSettings);
  const [formatId, setFormatId] = useState(
    EXPORT_FORMATS.find((f) => f.id === remembered?.formatId)?.id ?? EXPORT_FORMATS[0]!.id,
  );
  const [csvChoices, setCsvChoices] = useState<CsvChoices>(() =>
    remembered ? { ...DEFAULT_CSV_CHOICES, bom: remembered.bom, excelSafe: remembered.excelSafe } : DEFAULT_CSV_CHOICES,
  );
  useEffect(() => saveExportSettings({ formatId, bom: csvChoices.bom, excelSafe: csvChoices.excelSafe }), [formatId, csvChoices.bom, csvChoices.excelSafe]);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const closed = useRef(false);

  useEffect(() => {
    closed.current = false;
    return () => {
      closed.current = true; // stops a running export between chunks
    };
  }, []);

  const format = exportFormat(formatId);
  const hasCsvOptions = format.export.options === 'csv';
  const coders = useMemo(() => codersOfAll(segments.all()), [segments]);
  const nothingChosen = hasCsvOptions && choosesNothing(csvChoices, corpus.documents, codes);
  const unavailable = format.export.unavailable?.({ codes }) ?? null;

  async function run() {
    setError(null);
    setResult(null);
    const now = new Date();
    if (!store.getSnapshot().segmentsLoaded) {
      // A large project reads its segments after start-up: an export must not leave any out.
      setBusy({ label: 'Reading the coded segments…' });
      try {
        await store.whenLoaded();
      } catch (err) {
        setBusy(null);
        setError(`The coded segments could not be read, so nothing was exported: ${errorMessage(err)}`);
        return;
      }
      if (closed.current) return;
    }
    const snapshot = store.getSnapshot();
    setBusy({ label: 'Preparing the file…' });
    try {
      const produced = await exportProject(
        format.id,
        { listing: corpus.documents, loadText: corpus.loadText, state: snapshot, placements: store.placements },
        {
          now,
          userName: snapshot.settings.coder,
          projectName: corpus.name ?? undefined,
          csv: csvOptionsOf(csvChoices, corpus.documents, snapshot.codes),
          // Rendered at once (not batched with the work that follows), so each stage paints.
          onStage: (stage) => {
            if (!closed.current) flushSync(() => setBusy({ label: STAGE_LABELS[stage] }));
          },
          onProgress: (done, total) => {
            if (!closed.current) flushSync(() => setBusy({ label: 'Writing rows…', done, total }));
          },
          cancelled: () => closed.current,
        },
      );
      if (closed.current) return;
      setBusy({ label: 'Saving…' });
      const saved = await api.saveExport({
        suggestedName: exportFileName(format, now),
        mimeType: format.mimeType,
        content: produced.content,
        encoding: produced.encoding,
      });
      if (closed.current) return;
      const rows = produced.rows !== undefined ? ` (${produced.rows.toLocaleString()} ${produced.rows === 1 ? 'row' : 'rows'})` : '';
      if (!saved.saved) setResult('Export cancelled: nothing was saved.');
      else if (host === 'electron') setResult(`Saved to ${saved.location ?? 'the chosen file'}${rows}.${placementNote(produced)}`);
      else setResult(`Downloaded ${saved.location ?? 'the file'}${rows}.${placementNote(produced)}`);
    } catch (err) {
      if (err instanceof ExportCancelled || closed.current) return;
      setError(err instanceof DomainError ? err.message : `The export failed: ${errorMessage(err)}`);
    } finally {
      if (!closed.current) setBusy(null);
    }
  }

  return (
    <Modal title="Export" onClose={onClose} className="export-dialog">
      <form
        className="exchange-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy && !nothingChosen) void run();
        }}
      >
        <fieldset className="format-list" role="radiogroup">
          <legend>Format</legend>
          {EXPORT_FORMATS.map((f) => (
            <div key={f.id} className="format-option">
              <label>
                <input
                  type="radio"
                  name="export-format"
                  value={f.id}
                  checked={formatId === f.id}
                  onChange={() => setFormatId(f.id)}
                  aria-describedby={`export-hint-${f.id}`}
                />
                {f.label}
              </label>
              <small id={`export-hint-${f.id}`} className="exchange-hint">
                {f.export.hint}
              </small>
            </div>
          ))}
        </fieldset>

        {hasCsvOptions && (
          <CsvOptionsPanel choices={csvChoices} onChange={setCsvChoices} documents={corpus.documents} codes={codes} coders={coders} />
        )}

        {unavailable && <p className="exchange-hint">{unavailable}</p>}
        {nothingChosen && <p className="exchange-hint">Choose at least one document and one code.</p>}
        {corpus.loading && <p className="exchange-hint">Waiting for the corpus…</p>}

        {busy && (
          <div className="export-progress">
            <progress
              aria-label="Export progress"
              {...(busy.total !== undefined ? { max: Math.max(1, busy.total), value: busy.done ?? 0 } : {})}
            />
            <span>
              {busy.label}
              {busy.total !== undefined && ` ${(busy.done ?? 0).toLocaleString()} of ${busy.total.toLocaleString()}`}
            </span>
          </div>
        )}
        <p role="status" className="exchange-status">
          {result}
        </p>
        <div role="alert" className={error ? 'exchange-error' : undefined}>
          {error}
        </div>

        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            {result ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="primary" disabled={!!busy || nothingChosen || corpus.loading}>
            Export
          </button>
        </div>
      </form>
    </Modal>
  );
}
