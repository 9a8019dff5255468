/** Saved searches: the current query, options and scope under a name, kept in the project (its settings, so backups carry them), run again with one click. */
import { useState } from 'react';
import { newId } from '../../domain/ids';
import type { SearchOptions } from '../../domain/search/query';
import type { SavedSearch, SearchScopeChoice } from '../../domain/search/savedSearch';
import { useProject, useServices } from '../../ui/ProjectContext';

interface Props {
  query: string;
  options: SearchOptions;
  scope: SearchScopeChoice;
  onRun: (saved: SavedSearch) => void;
}

export function SavedSearches({ query, options, scope, onRun }: Props) {
  const { store } = useServices();
  const saved = useProject().settings.savedSearches ?? [];
  const [name, setName] = useState('');
  const write = (savedSearches: SavedSearch[]) => store.saveSettings({ ...store.getSnapshot().settings, savedSearches });

  return (
    <details className="saved-searches">
      <summary>Saved searches ({saved.length})</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const trimmed = name.trim();
          if (!trimmed || !query.trim()) return;
          const others = (store.getSnapshot().settings.savedSearches ?? []).filter((s) => s.name !== trimmed);
          void write([...others, { id: newId(), name: trimmed, query, options, scope }]).then(() => setName(''));
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
              <button type="button" aria-label={`Delete saved search ${s.name}`} onClick={() => void write(saved.filter((x) => x.id !== s.id))}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
