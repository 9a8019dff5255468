/** The query and how to match it: the mode (phrase, all words, any word, regular expression), case, diacritics, whole words. */
import { useEffect, useRef } from 'react';
import type { MatchMode, SearchOptions } from '../../domain/search/query';

const MODES: Array<{ mode: MatchMode; label: string }> = [
  { mode: 'phrase', label: 'Exact phrase' },
  { mode: 'all', label: 'All words' },
  { mode: 'any', label: 'Any word' },
  { mode: 'regex', label: 'Regular expression' },
];

interface Props {
  query: string;
  options: SearchOptions;
  onQuery: (query: string) => void;
  onOptions: (options: SearchOptions) => void;
  onSubmit: () => void;
  /** Counts requests to (re)open the view: each puts focus in the query field. */
  focusRequest: number;
}

export function SearchForm({ query, options, onQuery, onOptions, onSubmit, focusRequest }: Props) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);
  const flag = (key: 'matchCase' | 'matchDiacritics' | 'wholeWord' | 'stem', label: string, disabled = false) => (
    <label className="search-flag">
      <input type="checkbox" checked={options[key] ?? false} disabled={disabled} onChange={(e) => onOptions({ ...options, [key]: e.target.checked })} />
      {label}
    </label>
  );
  return (
    <form
      role="search"
      aria-label="Search all documents"
      className="search-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <label className="search-query">
        Search for
        <input ref={input} type="search" value={query} onChange={(e) => onQuery(e.target.value)} aria-describedby="search-help" spellCheck={false} />
      </label>
      <fieldset className="search-modes">
        <legend>Match</legend>
        {MODES.map((m) => (
          <label key={m.mode}>
            <input type="radio" name="search-mode" checked={options.mode === m.mode} onChange={() => onOptions({ ...options, mode: m.mode })} />
            {m.label}
          </label>
        ))}
      </fieldset>
      <div className="search-flags">
        {flag('matchCase', 'Match case')}
        {flag('matchDiacritics', 'Match diacritics (é ≠ e)')}
        {flag('wholeWord', 'Whole words')}
        {flag('stem', 'English word forms (stemming)', options.mode === 'regex')}
      </div>
      <p id="search-help" className="search-help">
        {options.mode === 'regex'
          ? options.matchDiacritics
            ? 'A JavaScript regular expression; typographic quotes and dashes in the text match plain ones.'
            : 'A JavaScript regular expression over the text with diacritics dropped (Communique finds Communiqué) and typographic quotes and dashes plain.'
          : options.stem
            ? 'Each word finds the English words of its stem: fight finds fights, fighting (fight* finds fighters too); in All or Any words, "quotes" keep a phrase together.'
            : 'fight* finds fighters, fighting …; in All or Any words, "quotes" keep a phrase together. Typographic quotes and dashes (’ “ –) match plain ones.'}
      </p>
    </form>
  );
}
