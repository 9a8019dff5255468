/** The window: header (undo, coder, export/import), documents, the open document, codebook and segment panels. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CodebookPanel } from '../features/codebook/CodebookPanel';
import { DocumentList, documentHref } from '../features/documents/DocumentList';
import type { Segment } from '../domain/model';
import { ExchangeMenu } from '../features/exchange/ExchangeMenu';
import { UndoControls } from '../features/history/UndoControls';
import { DocumentPane } from '../features/reader/DocumentPane';
import { SegmentPanel } from '../features/segment/SegmentPanel';
import { CoderField } from '../features/settings/CoderField';
import { CorpusIssues } from './CorpusIssues';
import { Notices } from './Notices';
import { SetAsideRows } from './SetAsideRows';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { useProject, useServices } from '../ui/ProjectContext';
import { useCorpus } from '../ui/useCorpus';
import { readSegments } from '../project/jobs/startup';
import { useHashDocument } from './useHashDocument';

export function App() {
  const corpus = useCorpus();
  const { segments } = useProject();
  const hashId = useHashDocument();
  const current = corpus.documents.find((d) => d.id === hashId) ?? corpus.documents[0] ?? null;
  const [text, setText] = useState<{ id: string; text: string } | null>(null);
  const [textError, setTextError] = useState<string | null>(null);
  const [openSegments, setOpenSegments] = useState<string[]>([]);
  /** A segment chosen in the codebook's retrieval list, to be scrolled to once its document shows. */
  const [reveal, setReveal] = useState<Segment | null>(null);

  useEffect(() => {
    if (!current) return;
    let live = true;
    setTextError(null);
    corpus
      .loadText(current.id)
      .then((t) => live && setText({ id: current.id, text: t }))
      .catch((err: unknown) => live && setTextError(`“${current.title}” could not be opened: ${err instanceof Error ? err.message : err}`));
    setOpenSegments([]);
    return () => {
      live = false;
    };
  }, [current?.id, corpus.loadText]); // eslint-disable-line react-hooks/exhaustive-deps

  // Read the coded segments once the document list has painted (see project/jobs/startup.ts).
  const { store } = useServices();
  const listed = corpus.documents.length > 0 || !corpus.loading;
  const openId = useRef<string | null>(null);
  openId.current = current?.id ?? null;
  useEffect(() => {
    if (!listed) return;
    const frame = requestAnimationFrame(() =>
      setTimeout(() => {
        void readSegments(store, openId.current).catch(() => undefined); // the store shows the failure
      }, 0),
    );
    return () => cancelAnimationFrame(frame);
  }, [listed, store]);

  const onOpenSegments = useCallback((ids: string[]) => setOpenSegments(ids), []);
  const documentTitles = useMemo(() => new Map(corpus.documents.map((d) => [d.id, d.title])), [corpus.documents]);
  const documentOrder = useMemo(() => corpus.documents.map((d) => d.id), [corpus.documents]);
  const onRevealSegment = useCallback((segment: Segment) => {
    window.location.hash = documentHref(segment.documentId);
    setReveal(segment);
  }, []);
  const onRevealed = useCallback((segmentId: string) => {
    setReveal(null);
    setOpenSegments([segmentId]);
  }, []);
  const openText = text && current && text.id === current.id ? text.text : null;

  return (
    <div className="app">
      <header className="app-header">
        <span className="app-name">Marginalia</span>
        <UndoControls />
        <ExchangeMenu corpus={corpus} />
        <CoderField />
      </header>
      <Notices />
      <SetAsideRows />
      <div className="layout">
        <div className="left">
          <ErrorBoundary what="the list of documents">
            <DocumentList documents={corpus.documents} currentId={current?.id ?? null} segments={segments} corpusName={corpus.name} />
            <CorpusIssues issues={corpus.issues} loadError={corpus.loadError} />
          </ErrorBoundary>
        </div>
        <main className="reader">
          {corpus.loading && <p role="status">Loading the corpus…</p>}
          {textError && <p role="alert">{textError}</p>}
          {current && openText !== null && (
            <ErrorBoundary what={`the document “${current.title}”`} resetKey={current.id}>
              <DocumentPane
                doc={current}
                text={openText}
                activeSegmentIds={openSegments}
                onOpenSegments={onOpenSegments}
                reveal={reveal?.documentId === current.id ? reveal : null}
                onRevealed={onRevealed}
              />
            </ErrorBoundary>
          )}
          {!corpus.loading && !current && <p>No documents to show.</p>}
        </main>
        <aside className="right" aria-label="Coding">
          <ErrorBoundary what="the coding panels">
            {openSegments.length > 0 && <SegmentPanel segmentIds={openSegments} text={openText} onClose={() => setOpenSegments([])} />}
            <CodebookPanel documentTitles={documentTitles} documentOrder={documentOrder} onRevealSegment={onRevealSegment} />
          </ErrorBoundary>
        </aside>
      </div>
    </div>
  );
}
