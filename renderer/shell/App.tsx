/**
 * The window: header (undo, coder, export/import, panel toggles), documents, the open
 * document, and the Coding column (Segment panel above the codebook), with resizable and
 * collapsible side panels.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CodebookPanel } from '../features/codebook/CodebookPanel';
import { DocumentList, documentHref } from '../features/documents/DocumentList';
import type { Segment } from '../domain/model';
import { ExchangeMenu } from '../features/exchange/ExchangeMenu';
import { UndoControls } from '../features/history/UndoControls';
import { DocumentPane } from '../features/reader/DocumentPane';
import { UnavailableText } from '../features/reader/UnavailableText';
import { SearchButton } from '../features/search/SearchButton';
import { SearchView } from '../features/search/SearchView';
import { useSearchView, type SearchHit } from '../features/search/useSearchView';
import { SegmentPanel } from '../features/segment/SegmentPanel';
import { CoderField } from '../features/settings/CoderField';
import { CoderFilterControl } from '../features/coders/CoderFilterControl';
import { AgreementButton } from '../features/agreement/AgreementButton';
import { AnalysisPanel } from '../features/analysis/AnalysisPanel';
import { CorpusIssues } from './CorpusIssues';
import { CorpusProgress } from './CorpusProgress';
import { Notices } from './Notices';
import { StartNotices } from './StartNotices';
import { ProjectMenu } from '../features/project/ProjectMenu';
import { SaveStatus } from '../features/project/SaveStatus';
import { NoDocumentOpen } from './NoDocumentOpen';
import { SetAsideRows } from './SetAsideRows';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { useProject, useServices } from '../ui/ProjectContext';
import { useCorpus } from '../ui/useCorpus';
import { readSegments } from '../project/jobs/startup';
import { useHashDocument } from './useHashDocument';
import { Splitter } from '../ui/Splitter';
import { PANEL_IDS, PanelToggles } from './PanelToggles';
import { usePanelLayout } from './usePanelLayout';
import { SPLITTER_WIDTH } from './panelLayout';

export function App() {
  const corpus = useCorpus();
  const { segments } = useProject();
  const hashId = useHashDocument();
  // A document named in the address that is not listed yet waits for the corpus, rather than another opening meanwhile.
  const waitsForCorpus = corpus.loading && hashId !== null && !corpus.documents.some((d) => d.id === hashId);
  // An imported document whose text the project file lost opens to what to do, never to another document.
  const unavailableOpen = corpus.unavailable.find((d) => d.id === hashId) ?? null;
  const current = waitsForCorpus || unavailableOpen ? null : (corpus.documents.find((d) => d.id === hashId) ?? corpus.documents[0] ?? null);
  const [text, setText] = useState<{ id: string; text: string } | null>(null);
  const [textError, setTextError] = useState<string | null>(null);
  const [openSegments, setOpenSegments] = useState<string[]>([]);
  /** A segment chosen in the codebook's retrieval list, to be scrolled to once its document shows. */
  const [reveal, setReveal] = useState<Segment | null>(null);
  const { sizes, resize, setCollapsed } = usePanelLayout();

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

  /** Opens segments in the Segment panel, showing the Coding column if it was hidden. */
  const onOpenSegments = useCallback(
    (ids: string[]) => {
      setOpenSegments(ids);
      if (ids.length) setCollapsed('coding', false);
    },
    [setCollapsed],
  );
  const documentTitles = useMemo(() => new Map(corpus.documents.map((d) => [d.id, d.title])), [corpus.documents]);
  const documentOrder = useMemo(() => corpus.documents.map((d) => d.id), [corpus.documents]);
  const onRevealSegment = useCallback((segment: Segment) => {
    window.location.hash = documentHref(segment.documentId);
    setReveal(segment);
  }, []);
  const onRevealed = useCallback(
    (segmentId: string) => {
      setReveal(null);
      onOpenSegments([segmentId]);
    },
    [onOpenSegments],
  );
  const openText = text && current && text.id === current.id ? text.text : null;
  const search = useSearchView();
  /** A search hit to select once its document shows (the Search view gives way to it). */
  const [revealSpan, setRevealSpan] = useState<SearchHit | null>(null);
  const hideSearch = search.hide;
  const onOpenHit = useCallback(
    (hit: SearchHit) => {
      window.location.hash = documentHref(hit.documentId);
      setRevealSpan(hit);
      hideSearch();
    },
    [hideSearch],
  );
  const onSpanRevealed = useCallback(() => setRevealSpan(null), []);
  // Choosing a document in the list shows it: the Search view gives way (its results are kept).
  useEffect(() => hideSearch(), [hashId, hideSearch]);
  const [analysisOpen, setAnalysisOpen] = useState(false);
  const analysisButton = useRef<HTMLButtonElement>(null);

  return (
    <div className="app">
      <header className="app-header">
        <span className="app-name">Marginalia</span>
        <ProjectMenu />
        <SaveStatus />
        <UndoControls />
        <SearchButton view={search} />
        <ExchangeMenu corpus={corpus} />
        <AgreementButton corpus={corpus} onRevealSegment={onRevealSegment} />
        <button type="button" ref={analysisButton} aria-expanded={analysisOpen} onClick={() => setAnalysisOpen((open) => !open)}>
          Analysis
        </button>
        <CoderField />
        <CoderFilterControl />
        <PanelToggles sizes={sizes} setCollapsed={setCollapsed} />
      </header>
      <Notices />
      <StartNotices />
      <SetAsideRows />
      <div
        className="layout"
        style={{
          gridTemplateColumns: [
            sizes.documents.collapsed ? '' : `${sizes.documents.width}px ${SPLITTER_WIDTH}px`,
            'minmax(0, 1fr)',
            sizes.coding.collapsed ? '' : `${SPLITTER_WIDTH}px ${sizes.coding.width}px`,
          ].join(' '),
        }}
      >
        <div className="left" id={PANEL_IDS.documents} hidden={sizes.documents.collapsed}>
          <ErrorBoundary what="the list of documents">
            <DocumentList
              documents={corpus.documents}
              unavailable={corpus.unavailable}
              currentId={current?.id ?? unavailableOpen?.id ?? null}
              segments={segments}
              corpusName={corpus.name}
            />
            <CorpusIssues issues={corpus.issues} loadError={corpus.loadError} />
          </ErrorBoundary>
        </div>
        {!sizes.documents.collapsed && (
          <Splitter
            label="Resize documents panel"
            controls={PANEL_IDS.documents}
            value={sizes.documents.width}
            min={sizes.documents.min}
            max={sizes.documents.max}
            direction={1}
            onChange={(width) => resize('documents', width)}
          />
        )}
        <main className="reader">
          {corpus.loading && <CorpusProgress progress={corpus.progress} />}
          {textError && <p role="alert">{textError}</p>}
          {search.open && (
            <ErrorBoundary what="the Search view">
              <SearchView onOpenHit={onOpenHit} onClose={hideSearch} focusRequest={search.requests} />
            </ErrorBoundary>
          )}
          {!search.open && current && openText !== null && (
            <ErrorBoundary what={`the document “${current.title}”`} resetKey={current.id}>
              <DocumentPane
                doc={current}
                text={openText}
                activeSegmentIds={openSegments}
                onOpenSegments={onOpenSegments}
                reveal={reveal?.documentId === current.id ? reveal : null}
                onRevealed={onRevealed}
                revealSpan={revealSpan?.documentId === current.id ? revealSpan : null}
                onSpanRevealed={onSpanRevealed}
              />
            </ErrorBoundary>
          )}
          {!search.open && unavailableOpen && <UnavailableText doc={unavailableOpen} />}
          {!corpus.loading && !current && !unavailableOpen && <NoDocumentOpen corpus={corpus} />}
        </main>
        {!sizes.coding.collapsed && (
          <Splitter
            label="Resize coding panel"
            controls={PANEL_IDS.coding}
            value={sizes.coding.width}
            min={sizes.coding.min}
            max={sizes.coding.max}
            direction={-1}
            onChange={(width) => resize('coding', width)}
          />
        )}
        <aside className="right" aria-label="Coding" id={PANEL_IDS.coding} hidden={sizes.coding.collapsed}>
          <ErrorBoundary what="the coding panels">
            {/* Above the codebook in its own scroll, so an opened segment is always in view. */}
            {openSegments.length > 0 && <SegmentPanel segmentIds={openSegments} text={openText} onClose={() => setOpenSegments([])} />}
            <CodebookPanel documentTitles={documentTitles} documentOrder={documentOrder} onRevealSegment={onRevealSegment} />
          </ErrorBoundary>
        </aside>
      </div>
      {analysisOpen && (
        <ErrorBoundary what="the analysis">
          <AnalysisPanel
            documents={corpus.documents}
            projectName={corpus.name}
            onReveal={onRevealSegment}
            onClose={() => {
              setAnalysisOpen(false);
              analysisButton.current?.focus();
            }}
          />
        </ErrorBoundary>
      )}
    </div>
  );
}
