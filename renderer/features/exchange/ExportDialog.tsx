/**
 * Export: every format, the CSV filters and options, a progress bar while a big file is
 * written, then the result ("Saved to …" / "Downloaded …") or what went wrong.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useProject, useServices } from '../../ui/ProjectContext';
import type { CorpusState } from '../../ui/useCorpus';
import { DomainError } from '../../domain/change';
import { flattenTree } from '../../domain/codeTree';
import { EXPORT_FORMATS, exportFileName, exportFormat, type ExportFormat } from '../../formats/registry';
import { Modal } from '../../ui/Modal';
import { ExportCancelled, produceExport } from '../../project/jobs/produceExport';
import { buildProjectData, codersOf, corpusTextsNeeded } from '../../project/jobs/exportData';

interface Busy {
  label: string;
  done?: number;
  total?: number;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function ExportDialog({ corpus, onClose }: { corpus: CorpusState; onClose: () => void }) {
  const { api, host, store } = useServices();
  const { codes, segments, settings } = useProject();
  const [format, setFormat] = useState<ExportFormat>('csv-long');
  const [excludedDocs, setExcludedDocs] = useState<ReadonlySet<string>>(new Set());
  const [excludedCodes, setExcludedCodes] = useState<ReadonlySet<string>>(new Set());
  const [includeDescendants, setIncludeDescendants] = useState(true);
  const [coder, setCoder] = useState('');
  const [bom, setBom] = useState(true);
  const [excelSafe, setExcelSafe] = useState(true);
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

  const tree = useMemo(() => flattenTree(codes), [codes]);
  const coders = useMemo(() => codersOf(segments.all()), [segments]);
  const isCsv = format === 'csv-long' || format === 'csv-wide';
  const docCount = corpus.documents.filter((d) => !excludedDocs.has(d.id)).length;
  const codeCount = codes.filter((c) => !excludedCodes.has(c.id)).length;
  const nothingChosen = isCsv && (docCount === 0 || codeCount === 0);

  const toggle = (set: ReadonlySet<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.delete(id);
    else next.add(id);
    return next;
  };

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
        setError(`The coded segments could not be read, so nothing was exported: ${errorText(err)}`);
        return;
      }
      if (closed.current) return;
    }
    const snapshot = store.getSnapshot();
    const info = exportFormat(format);
    const needed = corpusTextsNeeded(format, corpus.documents, snapshot.segments.all());
    setBusy({ label: needed.length ? 'Reading the documents…' : 'Preparing the file…' });
    try {
      const texts = new Map<string, string>();
      await Promise.all(
        needed.map(async (id) => {
          try {
            texts.set(id, await corpus.loadText(id));
          } catch (err) {
            const title = corpus.documents.find((d) => d.id === id)?.title ?? id;
            throw new Error(`“${title}” could not be read: ${errorText(err)}`);
          }
        }),
      );
      if (closed.current) return;
      const data = buildProjectData(corpus.documents, texts, { ...snapshot, segments: snapshot.segments.all() });
      const allDocs = corpus.documents.every((d) => !excludedDocs.has(d.id));
      const allCodes = snapshot.codes.every((c) => !excludedCodes.has(c.id));
      // Shown before the heavy work starts (a .qdpx is one long call).
      flushSync(() => setBusy({ label: isCsv ? 'Writing rows…' : 'Preparing the file…' }));
      const produced = await produceExport(format, data, {
        now,
        userName: snapshot.settings.coder,
        projectName: corpus.name ?? undefined,
        csv: {
          bom,
          excelSafe,
          documentIds: allDocs ? undefined : corpus.documents.filter((d) => !excludedDocs.has(d.id)).map((d) => d.id),
          codeIds: allCodes ? undefined : snapshot.codes.filter((c) => !excludedCodes.has(c.id)).map((c) => c.id),
          includeDescendants,
          coder: coder === '' ? undefined : coder,
        },
        // Rendered at once (not batched with the next chunk), so the bar moves between chunks.
        onProgress: (done, total) => {
          if (!closed.current) flushSync(() => setBusy({ label: 'Writing rows…', done, total }));
        },
        cancelled: () => closed.current,
      });
      if (closed.current) return;
      setBusy({ label: 'Saving…' });
      const saved = await api.saveExport({
        suggestedName: exportFileName(format, now),
        mimeType: info.mimeType,
        content: produced.content,
        encoding: produced.encoding,
      });
      if (closed.current) return;
      const rows = produced.rows !== undefined ? ` (${produced.rows.toLocaleString()} ${produced.rows === 1 ? 'row' : 'rows'})` : '';
      if (!saved.saved) setResult('Export cancelled: nothing was saved.');
      else if (host === 'electron') setResult(`Saved to ${saved.location ?? 'the chosen file'}${rows}.`);
      else setResult(`Downloaded ${saved.location ?? 'the file'}${rows}.`);
    } catch (err) {
      if (err instanceof ExportCancelled || closed.current) return;
      setError(err instanceof DomainError ? err.message : `The export failed: ${errorText(err)}`);
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
                  checked={format === f.id}
                  onChange={() => setFormat(f.id)}
                  aria-describedby={`export-hint-${f.id}`}
                />
                {f.label}
              </label>
              <small id={`export-hint-${f.id}`} className="exchange-hint">
                {f.hint}
              </small>
            </div>
          ))}
        </fieldset>

        {isCsv && (
          <div className="csv-options">
            <fieldset className="check-list">
              <legend>Documents</legend>
              <div className="check-list-actions">
                <button type="button" onClick={() => setExcludedDocs(new Set())}>
                  All documents
                </button>
                <button type="button" onClick={() => setExcludedDocs(new Set(corpus.documents.map((d) => d.id)))}>
                  No documents
                </button>
              </div>
              <ul>
                {corpus.documents.map((d) => (
                  <li key={d.id}>
                    <label>
                      <input
                        type="checkbox"
                        checked={!excludedDocs.has(d.id)}
                        onChange={(e) => setExcludedDocs((s) => toggle(s, d.id, e.target.checked))}
                      />
                      {d.title}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>

            <fieldset className="check-list">
              <legend>Codes</legend>
              <div className="check-list-actions">
                <button type="button" onClick={() => setExcludedCodes(new Set())}>
                  All codes
                </button>
                <button type="button" onClick={() => setExcludedCodes(new Set(codes.map((c) => c.id)))}>
                  No codes
                </button>
              </div>
              <ul>
                {tree.map(({ code, depth }) => (
                  <li key={code.id} style={{ paddingInlineStart: `${depth * 1.1}rem` }}>
                    <label>
                      <input
                        type="checkbox"
                        checked={!excludedCodes.has(code.id)}
                        onChange={(e) => setExcludedCodes((s) => toggle(s, code.id, e.target.checked))}
                      />
                      <span className="swatch" style={{ background: code.colour }} aria-hidden="true" />
                      {code.name}
                    </label>
                  </li>
                ))}
              </ul>
              <label className="inline-check">
                <input type="checkbox" checked={includeDescendants} onChange={(e) => setIncludeDescendants(e.target.checked)} />
                Include sub-codes
              </label>
            </fieldset>

            <div className="csv-settings">
              <label>
                Coder
                <select value={coder} onChange={(e) => setCoder(e.target.value)}>
                  <option value="">All coders</option>
                  {coders.map((c) => (
                    <option key={c} value={c}>
                      {c || '(no name)'}
                    </option>
                  ))}
                </select>
              </label>
              <label className="inline-check">
                <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} />
                UTF-8 BOM (for Excel)
              </label>
              <label className="inline-check">
                <input
                  type="checkbox"
                  checked={excelSafe}
                  onChange={(e) => setExcelSafe(e.target.checked)}
                  aria-describedby="excel-safe-hint"
                />
                Protect against spreadsheet formulas
              </label>
              <p id="excel-safe-hint" className="exchange-hint">
                Puts an apostrophe before text that starts with = + - or @, so Excel does not run it. Turn it off for R or
                pandas, which read the text as it is.
              </p>
            </div>
          </div>
        )}

        {format === 'qdc' && codes.length === 0 && <p className="exchange-hint">The codebook is empty: there is nothing to export.</p>}
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
