/**
 * Word frequencies over the search's scope (all documents, chosen ones, or the text coded
 * with a code), without the stop words — an English list the analyst can edit, kept in the
 * project. A word opens a search for it; the list exports as CSV.
 */
import { useEffect, useMemo, useState } from 'react';
import { DEFAULT_STOP_WORDS, parseStopWords, type FrequencyTable } from '../../domain/search/frequencies';
import type { SearchScopeChoice } from '../../domain/search/savedSearch';
import { frequencyCsv } from '../../domain/search/searchCsv';
import type { CorpusSearch } from '../../project/search/corpusSearch';
import { useDebouncedSave } from '../../ui/useDebouncedSave';
import { useProject, useServices } from '../../ui/ProjectContext';
import { useSaveCsv } from './useSaveCsv';
import { errorMessage } from '../../../common/errorMessage';

const LIMIT = 200;
const DEFAULT_TEXT = DEFAULT_STOP_WORDS.join(' ');

interface Props {
  search: CorpusSearch;
  scope: SearchScopeChoice;
  onSearchWord: (word: string) => void;
}

export function FrequencyPanel({ search, scope, onSearchWord }: Props) {
  const { store } = useServices();
  const { settings, segments } = useProject();
  const stored = settings.searchStopWords ?? DEFAULT_TEXT;
  const stopWords = useDebouncedSave(stored, (text) => store.saveSettings({ ...store.getSnapshot().settings, searchStopWords: text }));
  const stopSet = useMemo(() => parseStopWords(stopWords.draft), [stopWords.draft]);
  const [table, setTable] = useState<FrequencyTable | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { save, message } = useSaveCsv();
  const codedScope = scope.text.kind !== 'anywhere';

  useEffect(() => {
    let live = true;
    setError(null);
    search.frequencies(scope, stopSet, LIMIT).then(
      (t) => live && setTable(t),
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [search, scope, stopSet, codedScope ? segments : null]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <div className="frequencies">
      <details className="stop-words">
        <summary>Stop words ({stopSet.size.toLocaleString('en')}) — left out of the counts</summary>
        <label>
          Stop words (separated by spaces, commas or lines)
          <textarea rows={4} value={stopWords.draft} onChange={(e) => stopWords.onChange(e.target.value)} onBlur={stopWords.flush} />
        </label>
        <button type="button" onClick={() => stopWords.onChange(DEFAULT_TEXT)} disabled={stopWords.draft === DEFAULT_TEXT}>
          Restore the English list
        </button>
      </details>
      {error && <p role="alert">{error}</p>}
      {table && (
        <>
          <p className="search-summary">
            {table.totalWords.toLocaleString('en')} words counted, {table.distinctWords.toLocaleString('en')} distinct (stop words and numbers aside).{' '}
            <button type="button" onClick={() => void save('marginalia-word-frequencies.csv', () => frequencyCsv(table.words))} disabled={table.words.length === 0}>
              Export frequencies (CSV)
            </button>
          </p>
          {message && <p role="status">{message}</p>}
          <table className="frequency-table">
            <caption>Most frequent words{table.words.length === LIMIT ? ` (top ${LIMIT})` : ''}</caption>
            <thead>
              <tr>
                <th scope="col">Rank</th>
                <th scope="col">Word</th>
                <th scope="col">Count</th>
                <th scope="col">Documents</th>
              </tr>
            </thead>
            <tbody>
              {table.words.map((w, i) => (
                <tr key={w.word}>
                  <td>{i + 1}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => onSearchWord(w.word)} aria-label={`Search for ${w.word}`}>
                      {w.word}
                    </button>
                  </td>
                  <td>{w.count.toLocaleString('en')}</td>
                  <td>{w.documents.toLocaleString('en')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {!table && !error && <p role="status">Counting words…</p>}
    </div>
  );
}
