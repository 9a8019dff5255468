/** Saved searches: the current query, options and scope under a name, kept in the project (rows, so backups and Undo carry them), run again with one click. */
import { useMemo, useState } from 'react';
import type { SearchOptions } from '../../domain/search/query';
import type { SavedSearch, SearchScopeChoice } from '../../domain/search/savedSearch';
import { deleteSavedSearch, saveSearch } from '../../domain/search/savedSearchChanges';
import { useProject, useServices } from '../../ui/ProjectContext';

interface Props {
  query: string;
  options: SearchOptions;
  scope: SearchScopeChoice;
  onRun: (saved: SavedSearch) => void;
}

export function SavedSearches({ query, options, scope, onRun }: Props) {
  const { store } = useServices();
  const rows = useProject().savedSearches;
  // By name: rows come back from the database in id order, which means nothing to the analyst.
  const saved = useMemo(() => [...rows].sort((a, b) => a.name.localeCompare(b.name)), [rows]);
  const [name, setName] = useState('');

  return (
    <details className="saved-searches">
      <summary>Saved searches ({saved.length})</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const trimmed = name.trim();
          if (!trimmed || !query.trim()) return;
          void store.act((ctx, state) => saveSearch(state.savedSearches, { name: trimmed, query, options, scope }, ctx)).then((stored) => stored && setName(''));
        }}
      >
        <label>
          Name
          <input type="text" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" disabled={!name.trim() || !query.trim()}>
          Save this search
        </button>
      </form>
      {saved.length > 0 && (
        <ul>
          {saved.map((s) => (
            <li key={s.id}>
              <button type="button" className="link-button" aria-label={`Run saved search ${s.name}`} onClick={() => onRun(s)}>
                {s.name}
              </button>{' '}
              <span className="saved-query">{s.query}</span>{' '}
              <button type="button" aria-label={`Delete saved search ${s.name}`} onClick={() => void store.act((_ctx, state) => deleteSavedSearch(state.savedSearches, s.id))}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
