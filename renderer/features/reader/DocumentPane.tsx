/**
 * The open document: an article labelled by its title, with metadata, the document memo and
 * the read-only text. Wires the viewer's plugins to coding (popup, shortcuts), highlights,
 * hover names and the Segment panel.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReadableDocument } from '../../ui/useCorpus';
import { useProject, useServices } from '../../ui/ProjectContext';
import { isDocumentReady } from '../../project/projectStore';
import { codeIdsOf } from '../../domain/codings';
import type { Code, Segment } from '../../domain/model';
import { DocumentText } from '../../viewer/DocumentText';
import type { Span } from '../../domain/span';
import { CopyPlugin } from '../../viewer/plugins/CopyPlugin';
import { FindPlugin } from '../../viewer/plugins/FindPlugin';
import { HighlightPlugin } from '../../viewer/plugins/HighlightPlugin';
import { KeyboardCaretPlugin } from '../../viewer/plugins/KeyboardCaretPlugin';
import { PointerPlugin } from '../../viewer/plugins/PointerPlugin';
import { SelectionPlugin } from '../../viewer/plugins/SelectionPlugin';
import { ViewerHandlePlugin, type ViewerHandle } from '../../viewer/plugins/ViewerHandlePlugin';
import { CodingPopup } from '../coding/CodingPopup';
import { CodingShortcutsPlugin } from '../coding/CodingShortcutsPlugin';
import { useCoding } from '../coding/useCoding';
import { usePopupSelection } from '../coding/usePopupSelection';
import { afterCoding } from '../coding/afterCoding';
import { DocumentMemoField } from './DocumentMemoField';
import { FindBar } from './FindBar';
import { HoverTooltip } from './HoverTooltip';
import { SelectionStatus } from './SelectionStatus';
import { UnplacedNotice } from './UnplacedNotice';
import { useFind } from './useFind';
import { usePlacedSegments } from './usePlacedSegments';
import { useShownSegments } from './useShownSegments';
import { SegmentMargin } from './SegmentMargin';
import { StripesToggle, useStripesSetting } from './StripesToggle';

interface Props {
  doc: ReadableDocument;
  text: string;
  /** Segments shown in the Segment panel (underlined in the text). */
  activeSegmentIds: readonly string[];
  onOpenSegments: (ids: string[]) => void;
  /** A segment to scroll to (from the codebook's retrieval list), then reported done. */
  reveal: Segment | null;
  onRevealed: (segmentId: string) => void;
  /** A span to scroll to and select (a search hit), ready to code; then reported done. */
  revealSpan?: Span | null;
  onSpanRevealed?: () => void;
}

export function DocumentPane({ doc, text, activeSegmentIds, onOpenSegments, reveal, onRevealed, revealSpan, onSpanRevealed }: Props) {
  const project = useProject();
  const { codes, segments } = project;
  // The open document's segments are read ahead of the rest: it shows and codes them as soon as they are in.
  const ready = isDocumentReady(project, doc.id);
  const { store } = useServices();
  useEffect(() => void store.loadDocumentSegments(doc.id), [store, doc.id]);
  const { placed, index: placedIndex, unplaced } = usePlacedSegments(doc.id, segments.inDocument(doc.id), text, doc.sha256);
  // The coder filter: only the codings it keeps are painted, hovered and opened.
  const { shown, index } = useShownSegments(placed, placedIndex);
  const openDocument = useMemo(() => ({ id: doc.id, sha256: doc.sha256, text }), [doc.id, doc.sha256, text]);
  const coding = useCoding(openDocument);
  const { selection, setSelection, onSelectionChange, openSpan } = usePopupSelection();
  const [hover, setHover] = useState<{ x: number; y: number; codes: Code[] } | null>(null);
  const find = useFind(doc.id);
  const [stripes, setStripes] = useStripesSetting();
  const viewer = useRef<ViewerHandle | null>(null);
  const [viewerReady, setViewerReady] = useState(false);
  const onHandle = useCallback((h: ViewerHandle | null) => {
    viewer.current = h;
    setViewerReady(h !== null);
  }, []);

  useEffect(() => {
    if (!reveal || !viewerReady) return;
    const here = placed.find((s) => s.id === reveal.id);
    if (here) viewer.current?.scrollToSpan(here);
    onRevealed(reveal.id);
  }, [reveal, viewerReady, placed, onRevealed]);

  useEffect(() => {
    if (!revealSpan || !viewerReady) return;
    viewer.current?.scrollToSpan(revealSpan);
    viewer.current?.selectSpan(revealSpan);
    onSpanRevealed?.();
  }, [revealSpan, viewerReady, onSpanRevealed]);

  useEffect(() => setSelection(null), [doc.id]);
  // Asking for Find (again) puts the analyst in the find bar: the coding popup would be in the way.
  useEffect(() => setSelection(null), [find.requests]);

  // Escape dismisses the popup (and the selection) from anywhere in the window.
  useEffect(() => {
    if (!selection) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setSelection(null);
      window.getSelection()?.collapseToEnd();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selection]);

  const codeById = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const paintCodes = useMemo(() => codes.map((c) => ({ id: c.id, colour: c.colour })), [codes]);

  const onHover = useCallback(
    (offset: number | null, x: number, y: number) => {
      if (offset === null) return setHover(null);
      const ids = new Set(index.segmentsAt(offset).flatMap(codeIdsOf));
      const here = [...ids].map((id) => codeById.get(id)).filter((c): c is Code => !!c);
      setHover(here.length ? { x, y, codes: here } : null);
    },
    [index, codeById],
  );

  const onActivate = useCallback(
    (offset: number) => {
      const here = index.segmentsAt(offset);
      if (here.length) onOpenSegments(here.map((s) => s.id));
    },
    [index, onOpenSegments],
  );

  /** After a coding is stored: close its popup, without touching what the analyst has moved on to (see afterCoding.ts). */
  const popupArea = useRef<HTMLDivElement>(null);
  const finisher = useCallback(
    (coded: Span) => (ok: boolean) => {
      if (!ok) return;
      const next = afterCoding({
        coded,
        popup: openSpan(),
        selection: viewer.current?.selectionSpan() ?? null,
        focusInPopup: !!popupArea.current?.contains(document.activeElement),
      });
      if (next === 'none') return;
      if (next === 'collapse') window.getSelection()?.collapseToEnd();
      if (next === 'caretAfter') viewer.current?.selectSpan({ start: coded.end, end: coded.end });
      setSelection(null);
    },
    [openSpan, setSelection],
  );
  const applyToSpan = useCallback(
    (span: Span, codeId: string) => void coding.apply(span, codeId).then(finisher(span)),
    [coding, finisher],
  );
  const codeInVivo = useCallback((span: Span) => void coding.codeInVivo(span).then(finisher(span)), [coding, finisher]);

  const meta = [doc.kind, doc.place, doc.date ?? 'undated'].filter(Boolean).join(' · ');
  const titleId = `doc-title-${doc.id}`;

  return (
    <article aria-labelledby={titleId} className={stripes ? 'doc-pane with-stripes' : 'doc-pane'} lang="en">
      <header className="doc-header">
        <h1 id={titleId}>{doc.title}</h1>
        <p className="doc-meta">
          {meta}
          {doc.origin === 'imported' ? ' · imported' : ''} ·{' '}
          {ready ? `${placed.length} coded segment${placed.length === 1 ? '' : 's'}` : 'reading coded segments…'}
        </p>
        <StripesToggle on={stripes} onChange={setStripes} />
        <DocumentMemoField key={doc.id} documentId={doc.id} />
        <UnplacedNotice segments={unplaced} />
      </header>
      {find.open && (
        <FindBar
          query={find.query}
          onQuery={find.setQuery}
          options={find.options}
          onOptions={find.setOptions}
          focusRequest={find.requests}
          count={find.matches.length}
          current={find.current}
          onStep={find.step}
          onClose={(keep) => {
            const match = find.matches[find.current];
            find.close();
            if (keep && match) viewer.current?.selectSpan(match);
          }}
        />
      )}
      <div className="doc-body">
        <DocumentText key={doc.id} text={text} label="Document text">
          <HighlightPlugin spans={shown} codes={paintCodes} activeIds={activeSegmentIds} />
          <KeyboardCaretPlugin />
          <CopyPlugin />
          {/* Coding waits until the document's segments are in memory (large projects read them after the text). */}
          {ready && <SelectionPlugin onChange={onSelectionChange} />}
          <PointerPlugin onHover={onHover} onActivate={onActivate} />
          {ready && <CodingShortcutsPlugin codes={codes} onApply={applyToSpan} onInVivo={codeInVivo} />}
          <ViewerHandlePlugin onHandle={onHandle} />
          <SegmentMargin doc={openDocument} placed={shown} codes={codes} stripes={stripes} activeSegmentIds={activeSegmentIds} onOpenSegments={onOpenSegments} />
          {find.open && <FindPlugin query={find.query} options={find.options} current={find.current} onMatches={find.setMatches} />}
        </DocumentText>
      </div>
      <SelectionStatus span={selection?.span ?? null} />
      <div ref={popupArea}>
        {selection && (
          <CodingPopup
            key={`${selection.span.start}-${selection.span.end}`}
            codes={codes}
            anchor={selection.rect}
            selectedText={text.slice(selection.span.start, selection.span.end)}
            onApply={(codeId) => applyToSpan(selection.span, codeId)}
            onCreate={(name) => void coding.createAndApply(selection.span, name).then(finisher(selection.span))}
            onInVivo={() => codeInVivo(selection.span)}
            onClose={() => finisher(selection.span)(true)}
          />
        )}
      </div>
      <HoverTooltip at={hover} codes={hover?.codes ?? []} />
    </article>
  );
}
