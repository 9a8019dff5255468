/**
 * The Analysis panel, under the reader so the analyst can code and watch the numbers move:
 * coding queries, frequencies, matrices, charts, memos and the report, as tabs, over the
 * documents and coders the restriction keeps. It can take the whole window, and closes with
 * its button (or Escape on a tab).
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Segment } from '../../domain/model';
import { useCoderFilter } from '../../ui/useCoderFilter';
import type { ReadableDocument } from '../../ui/useCorpus';
import { ChartsView } from './ChartsView';
import { FrequenciesView } from './FrequenciesView';
import { DEFAULT_MATRIX, type MatrixChoice } from './matrixChoice';
import { DEFAULT_GRID, type GridOptions } from './matrixGrid';
import { MatrixView } from './MatrixView';
import { MemosView } from './MemosView';
import { QueryView } from './QueryView';
import { ReportView } from './ReportView';
import { describeRestriction, EVERYTHING, type RestrictionChoice } from './restriction';
import { RestrictionBar } from './RestrictionBar';
import { useAnalysisService, useAnalysisStatus } from './useAnalysis';
import { useAttributes } from './useAttributes';
import { useProjectName } from './useProjectName';
import { analysisDocuments } from '../../project/analysis/analysisDocuments';
import './analysis.css';

const TABS = ['Query', 'Frequencies', 'Matrices', 'Charts', 'Memos', 'Report'] as const;
type Tab = (typeof TABS)[number];

interface Props {
  documents: readonly ReadableDocument[];
  /** The corpus's name: it names the project where there is no project file. */
  projectName: string | null;
  onReveal: (segment: Segment) => void;
  onClose: () => void;
}

export function AnalysisPanel({ documents, projectName: corpusName, onReveal, onClose }: Props) {
  const service = useAnalysisService();
  const projectName = useProjectName(corpusName);
  const { unplaced } = useAnalysisStatus();
  const { shown: coders } = useCoderFilter();
  const [tab, setTab] = useState<Tab>('Matrices');
  const [full, setFull] = useState(false);
  const [choice, setChoice] = useState<RestrictionChoice>(EVERYTHING);
  const [matrix, setMatrix] = useState<MatrixChoice>(DEFAULT_MATRIX);
  const [grid, setGrid] = useState<GridOptions>(DEFAULT_GRID);
  const attributes = useAttributes();
  const listed = useMemo(() => analysisDocuments(documents), [documents]);
  const titles = useMemo(() => new Map(documents.map((d) => [d.id, d.title])), [documents]);
  const order = useMemo(() => documents.map((d) => d.id), [documents]);
  const headingId = useId();
  const tabIds = useId();
  const tabList = useRef<HTMLDivElement>(null);

  // Words and paragraphs need each text once; read them while the analyst looks around.
  useEffect(() => void service.readTexts(), [service]);
  // Opened from the header: the keyboard goes to the views.
  useEffect(() => tabList.current?.querySelector<HTMLButtonElement>('[aria-selected="true"]')?.focus(), []);

  /** A passage opens in the reader: a panel that hid the reader gives it room again. */
  const reveal = (segment: Segment) => {
    setFull(false);
    onReveal(segment);
  };

  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = TABS.indexOf(tab);
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (e.key === 'Escape') return onClose();
    if (to === undefined) return;
    e.preventDefault();
    const next = TABS[(to + TABS.length) % TABS.length]!;
    setTab(next);
    tabList.current?.querySelector<HTMLButtonElement>(`[data-tab="${next}"]`)?.focus();
  };

  const common = { choice, coders, titles };
  const scope = describeRestriction(choice, documents.length, coders);

  return (
    <section className={`analysis-panel${full ? ' full' : ''}`} aria-labelledby={headingId}>
      <div className="analysis-head">
        <h2 id={headingId} className="pane-title">
          Analysis
        </h2>
        <div role="tablist" aria-label="Analysis views" ref={tabList} onKeyDown={onTabKey}>
          {TABS.map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              id={`${tabIds}-tab-${t}`}
              data-tab={t}
              aria-selected={t === tab}
              aria-controls={`${tabIds}-panel-${t}`}
              tabIndex={t === tab ? 0 : -1}
              onClick={() => setTab(t)}
            >
              {t}
            </button>
          ))}
        </div>
        <button type="button" aria-pressed={full} onClick={() => setFull((f) => !f)}>
          {full ? 'Show the reader' : 'Full window'}
        </button>
        <button type="button" onClick={onClose}>
          Close analysis
        </button>
      </div>
      <RestrictionBar documents={listed} attributes={attributes} choice={choice} onChange={setChoice} coders={coders} />
      {unplaced > 0 && (
        <p role="note" className="analysis-unplaced">
          {unplaced === 1 ? '1 segment' : `${unplaced.toLocaleString('en')} segments`} could not be found in the current text of
          {unplaced === 1 ? ' its document and is' : ' their documents and are'} left out of every view (as exports leave out their offsets).
        </p>
      )}
      {TABS.map((t) => (
        <div key={t} role="tabpanel" id={`${tabIds}-panel-${t}`} aria-labelledby={`${tabIds}-tab-${t}`} hidden={t !== tab} className="analysis-body">
          {t === 'Query' && <QueryView active={tab === t} {...common} onReveal={reveal} />}
          {t === 'Frequencies' && <FrequenciesView active={tab === t} choice={choice} coders={coders} />}
          {t === 'Matrices' && <MatrixView active={tab === t} {...common} onReveal={reveal} matrix={matrix} onMatrix={setMatrix} grid={grid} onGrid={setGrid} />}
          {t === 'Charts' && <ChartsView active={tab === t} {...common} matrix={matrix} grid={grid} />}
          {t === 'Memos' && <MemosView active={tab === t} titles={titles} documentOrder={order} projectName={projectName} onReveal={reveal} />}
          {t === 'Report' && (
            <ReportView active={tab === t} choice={choice} coders={coders} scope={scope} titles={titles} documentOrder={order} matrix={matrix} grid={grid} projectName={projectName} />
          )}
        </div>
      ))}
    </section>
  );
}
