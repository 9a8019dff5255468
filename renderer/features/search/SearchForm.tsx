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
  const flag = (key: 'matchCase' | 'matchDiacritics' | 'wholeWord', label: string) => (
    <label className="search-flag">
      <input type="checkbox" checked={options[key]} onChange={(e) => onOptions({ ...options, [key]: e.target.checked })} />
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
      </div>
      <p id="search-help" className="search-help">
        {options.mode === 'regex'
          ? 'A JavaScript regular expression, matched against the text as written.'
          : 'fight* finds fighters, fighting …; in All or Any words, "quotes" keep a phrase together. Typographic quotes and dashes (’ “ –) match plain ones.'}
      </p>
    </form>
  );
}
