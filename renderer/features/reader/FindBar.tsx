/**
 * The find bar of the open document (Ctrl/Cmd+F, or Edit → Find… in Electron). Enter goes to
 * the next match, Shift+Enter to the previous; Escape closes and leaves the current match
 * selected in the text, ready to be coded.
 */
import { useEffect, useRef } from 'react';

interface Props {
  query: string;
  onQuery: (q: string) => void;
  count: number;
  current: number;
  onStep: (delta: number) => void;
  onClose: (keepMatch: boolean) => void;
}

export function FindBar({ query, onQuery, count, current, onStep, onClose }: Props) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
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
      <button type="button" onClick={() => onClose(false)} aria-label="Close find">
        ×
      </button>
    </div>
  );
}
