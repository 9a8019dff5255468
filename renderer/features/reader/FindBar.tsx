/**
 * The find bar of the open document (Ctrl/Cmd+F, or Edit → Find… in Electron). Enter goes to
 * the next match, Shift+Enter to the previous; Escape closes and leaves the current match
 * selected in the text, ready to be coded. Quotes and dashes always match their typographic
 * forms; case and diacritics only when their boxes are ticked.
 */
import { useEffect, useRef } from 'react';
import type { FindOptions } from '../../viewer/findMatches';

interface Props {
  query: string;
  onQuery: (q: string) => void;
  options: FindOptions;
  onOptions: (o: FindOptions) => void;
  count: number;
  current: number;
  onStep: (delta: number) => void;
  onClose: (keepMatch: boolean) => void;
  /** Changes each time Find is asked for: focus comes back to the field. */
  focusRequest: number;
}

export function FindBar({ query, onQuery, options, onOptions, count, current, onStep, onClose, focusRequest }: Props) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);
  return (
    <div className="find-bar" role="search" aria-label="Find in document">
      <input
        ref={input}
        type="search"
        aria-label="Find in document"
        placeholder="Find in document…"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onStep(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose(true);
          }
        }}
      />
      <span className="find-count" role="status">
        {query ? (count ? `${current + 1} of ${count}` : 'No matches') : ''}
      </span>
      <button type="button" onClick={() => onStep(-1)} disabled={!count} aria-label="Previous match">
        ↑
      </button>
      <button type="button" onClick={() => onStep(1)} disabled={!count} aria-label="Next match">
        ↓
      </button>
      <label className="find-option">
        <input type="checkbox" checked={options.matchCase} onChange={(e) => onOptions({ ...options, matchCase: e.target.checked })} />
        Match case
      </label>
      <label className="find-option">
        <input type="checkbox" checked={options.matchDiacritics} onChange={(e) => onOptions({ ...options, matchDiacritics: e.target.checked })} />
        Match diacritics
      </label>
      <button type="button" onClick={() => onClose(false)} aria-label="Close find">
        ×
      </button>
    </div>
  );
}
