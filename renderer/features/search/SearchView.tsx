/**
 * The Search view (Ctrl/Cmd+Shift+F): a query over every document with its options and
 * scope, the hits as keyword in context (sortable, keyboard navigable, opened in the reader
 * with the hit selected), hits per document, "Code all hits", CSV export, saved searches and
 * word frequencies. The index is built off the main thread; its progress shows here.
 */
import { useEffect, useMemo, useState } from 'react';
import type { KwicRow } from '../../domain/search/kwic';
import { DEFAULT_SEARCH_OPTIONS } from '../../domain/search/query';
import { resultsCsv } from '../../project/search/exportResults';
import { useProject, useServices } from '../../ui/ProjectContext';
import { useCorpus } from '../../ui/useCorpus';
import { CodeAllPanel } from './CodeAllPanel';
import { DocumentCounts } from './DocumentCounts';
import { FrequencyPanel } from './FrequencyPanel';
import { KwicList } from './KwicList';
import { SavedSearches } from './SavedSearches';
import { ScopeFields } from './ScopeFields';
import { SearchForm } from './SearchForm';
import { useCorpusSearch, useIndexStatus, useSearchSession } from './useSearch';
import { useSaveCsv } from './useSaveCsv';
import './search.css';

interface Props {
  onOpenHit: (hit: { documentId: string; start: number; end: number }) => void;
  onClose: () => void;
  /** Counts requests to show the view: each puts focus back in the query field. */
  focusRequest: number;
}

const TABS = [
  { id: 'hits', label: 'Hits' },
  { id: 'words', label: 'Word frequencies' },
] as const;

export function SearchView({ onOpenHit, onClose, focusRequest }: Props) {
  const search = useCorpusSearch();
  const status = useIndexStatus(search);
  const [state, session] = useSearchSession(search);
  const corpus = useCorpus();
  const { codes, segments, documents: imported } = useProject();
  const { corpus: texts } = useServices();
  const { save, message: saved } = useSaveCsv();
  const [codingOpen, setCodingOpen] = useState(false);
  const titles = useMemo(() => new Map(corpus.documents.map((d) => [d.id, d.title])), [corpus.documents]);
  const titleOf = (id: string) => titles.get(id) ?? id;
  const { result, excluded } = state;

  // Documents came or went (the index followed): answer again.
  useEffect(() => {
    if (!status.building) session.run();
  }, [status.building, status.indexed, session]);
  // Coded text bounds the search: codings changed, answer again.
  const bounded = state.scope.text.kind !== 'anywhere';
  useEffect(() => {
    if (bounded) session.run();
  }, [bounded, segments, session]);

  const included = result ? result.total - excluded.size : 0;
  const open = (row: KwicRow) => onOpenHit({ documentId: row.documentId, start: row.start, end: row.end });
  const toggle = (hit: number) => {
    const next = new Set(excluded);
    if (!next.delete(hit)) next.add(hit);
    session.setExcluded(next);
  };

  return (
    <section className="search-view" aria-labelledby="search-title">
      <header className="search-header">
        <h1 id="search-title">Search all documents</h1>
        <p className="search-index" role="status">
          {status.building ? `Indexing ${status.indexed.toLocaleString('en')} of ${status.total.toLocaleString('en')} documents…` : `${status.indexed.toLocaleString('en')} documents indexed`}
        </p>
        <button type="button" onClick={onClose}>
          Back to the document
        </button>
      </header>
      {status.error && <p role="alert">{status.error}</p>}
      <SearchForm
        query={state.query}
        options={state.options}
        onQuery={(query) => session.set({ query })}
        onOptions={(options) => session.set({ options })}
        onSubmit={() => session.run()}
        focusRequest={focusRequest}
      />
      <ScopeFields scope={state.scope} onScope={(scope) => session.set({ scope })} documents={corpus.documents} codes={codes} />
      <SavedSearches
        query={state.query}
        options={state.options}
        scope={state.scope}
        onRun={(s) => session.set({ query: s.query, options: s.options, scope: s.scope, tab: 'hits' })}
      />
      <div role="tablist" aria-label="Results" className="search-tabs">
        {TABS.map((t, i) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`search-tab-${t.id}`}
            aria-controls={`search-panel-${t.id}`}
            aria-selected={state.tab === t.id}
            tabIndex={state.tab === t.id ? 0 : -1}
            onClick={() => session.set({ tab: t.id })}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
              session.set({ tab: next.id });
              document.getElementById(`search-tab-${next.id}`)?.focus();
            }}
          >
            {t.label}
            {t.id === 'hits' && result ? ` (${result.total.toLocaleString('en')})` : ''}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="search-panel-hits" aria-labelledby="search-tab-hits" className="search-panel" hidden={state.tab !== 'hits'}>
        {state.message && <p className="search-message">{state.message}</p>}
        <p className="search-summary" role="status">
          {result
            ? `${result.total.toLocaleString('en')} ${result.total === 1 ? 'hit' : 'hits'} in ${result.perDocument.length.toLocaleString('en')} ${result.perDocument.length === 1 ? 'document' : 'documents'}${excluded.size ? ` (${included.toLocaleString('en')} included)` : ''}`
            : state.running
              ? 'Searching…'
              : ''}
        </p>
        {result && result.total > 0 && (
          <>
            <div className="search-actions">
              <button type="button" onClick={() => session.setExcluded(new Set())} disabled={excluded.size === 0}>
                Include all
              </button>
              <button type="button" onClick={() => session.setExcluded(new Set(Array.from({ length: result.total }, (_, i) => i)))} disabled={included === 0}>
                Include none
              </button>
              <button
                type="button"
                onClick={() => void save('marginalia-search-results.csv', () => resultsCsv(search.client, result, state.sort, excluded, titleOf, (id) => texts.textOf(id, imported)))}
                disabled={included === 0}
              >
                Export results (CSV)
              </button>
            </div>
            {saved && <p role="status">{saved}</p>}
            <DocumentCounts result={result} excluded={excluded} onExcluded={(e) => session.setExcluded(e)} titleOf={titleOf} />
            <details className="code-all-details" open={codingOpen} onToggle={(e) => setCodingOpen(e.currentTarget.open)}>
              <summary>Code all hits</summary>
              {/* Mounted only while open: its preview reads every hit's text. */}
              {codingOpen && <CodeAllPanel search={search} result={result} excluded={excluded} included={included} />}
            </details>
            <KwicList
              key={result.resultId}
              result={result}
              resultSort={state.answeredSort}
              sort={state.sort}
              onSort={(sort) => session.setSort(sort)}
              excluded={excluded}
              onToggle={toggle}
              titleOf={titleOf}
              client={search.client}
              onOpen={open}
            />
          </>
        )}
      </div>
      <div role="tabpanel" id="search-panel-words" aria-labelledby="search-tab-words" className="search-panel" hidden={state.tab !== 'words'}>
        {state.tab === 'words' && (
          <FrequencyPanel
            search={search}
            scope={state.scope}
            onSearchWord={(word) => session.set({ query: word, options: { ...DEFAULT_SEARCH_OPTIONS, mode: 'phrase' }, tab: 'hits' })}
          />
        )}
      </div>
    </section>
  );
}
