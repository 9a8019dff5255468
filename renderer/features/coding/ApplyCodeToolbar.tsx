/**
 * The toolbar next to a selection: one button per code and a "Find or create code" combobox
 * (typing a new name and pressing Enter creates the code and applies it). Buttons keep the
 * text selection (mousedown is prevented); the span is captured when the toolbar opens, so
 * moving focus into the combobox cannot lose it.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { flattenTree } from '../../domain/codeTree';
import type { Code } from '../../domain/model';

interface Props {
  codes: readonly Code[];
  position: { left: number; top?: number; bottom?: number };
  onApply: (codeId: string) => void;
  onCreate: (name: string) => void;
  onClose: () => void;
}

const keepSelection = (e: React.MouseEvent) => e.preventDefault();

export function ApplyCodeToolbar({ codes, position, onApply, onCreate, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // Enter applies the highlighted match only once the analyst has moved to it with the arrows;
  // otherwise a typed name that is not a code's exact name creates that code.
  const [navigated, setNavigated] = useState(false);
  const listId = useId();
  const ordered = useMemo(() => flattenTree(codes).map((e) => e.code), [codes]);
  const q = query.trim().toLocaleLowerCase();
  const matches = q ? ordered.filter((c) => c.name.toLocaleLowerCase().includes(q)) : [];
  const exact = ordered.find((c) => c.name.toLocaleLowerCase() === q);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && matches.length) {
      e.preventDefault();
      setActive((a) => (navigated ? (a + 1) % matches.length : 0));
      setNavigated(true);
    } else if (e.key === 'ArrowUp' && matches.length) {
      e.preventDefault();
      setActive((a) => (a - 1 + matches.length) % matches.length);
      setNavigated(true);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!q) return;
      const chosen = exact ?? (navigated ? matches[active] : undefined);
      if (chosen) onApply(chosen.id);
      else onCreate(query);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };

  return (
    <div
      role="toolbar"
      aria-label="Apply code"
      className="apply-toolbar"
      style={position}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      {ordered.map((code) => (
        <button
          key={code.id}
          type="button"
          className="code-button"
          aria-label={code.name}
          aria-keyshortcuts={code.shortcut ? String(code.shortcut) : undefined}
          title={code.shortcut ? `${code.name} (${code.shortcut})` : code.name}
          onMouseDown={keepSelection}
          onClick={() => onApply(code.id)}
        >
          <span className="swatch" style={{ background: code.colour }} aria-hidden="true" />
          {code.name}
          {code.shortcut ? <kbd aria-hidden="true">{code.shortcut}</kbd> : null}
        </button>
      ))}
      <div className="combo">
        <input
          role="combobox"
          aria-label="Find or create code"
          aria-expanded={matches.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={navigated && matches.length ? `${listId}-${active}` : undefined}
          placeholder="Find or create code…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setNavigated(false);
          }}
          onKeyDown={onKeyDown}
        />
        <ul role="listbox" id={listId} aria-label="Matching codes" hidden={matches.length === 0}>
          {matches.map((c, i) => (
            <li
              key={c.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={navigated && i === active}
              onMouseDown={keepSelection}
              onClick={() => onApply(c.id)}
            >
              <span className="swatch" style={{ background: c.colour }} aria-hidden="true" />
              {c.name}
            </li>
          ))}
        </ul>
        {q && !exact && <p className="combo-hint">Enter creates “{query.trim()}”</p>}
      </div>
    </div>
  );
}
