/**
 * The popup's list of codes: one option per code (swatch, name, parents' path, shortcuts) and
 * the explicit "Create …" option. Virtualised: only the rows in view (and a few either side)
 * are in the DOM, each ROW_PX high, between two spacers that give the list its full height — the cost of
 * opening the popup does not grow with the codebook (every element added is styled against
 * every code's highlight rule). Options carry aria-setsize/aria-posinset, and the highlighted
 * one is always rendered and scrolled into view, so aria-activedescendant always points at it.
 */
import { memo, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { PopupItem } from './codeChoices';
import { CODING_KEYS } from './codingKeys';

/** The height of one option; codingPopup.css sets the same. */
export const ROW_PX = 26;
/** Rows rendered beyond each edge of the view, so a quick scroll shows no gap. */
const OVERSCAN = 6;

interface Props {
  id: string;
  items: readonly PopupItem[];
  active: number;
  /** The code "." applies again. */
  lastUsedId: string | undefined;
  /** The list's height: the popup's placement decides it. */
  height: number;
  /** Id of the hint line that describes the highlighted option. */
  hintId: string;
  listRef: RefObject<HTMLUListElement | null>;
  onChoose: (item: PopupItem) => void;
}

export const optionId = (listId: string, index: number) => `${listId}-${index}`;

const keepSelection = (e: React.MouseEvent) => e.preventDefault();

export function CodeOptions({ id, items, active, lastUsedId, height, hintId, listRef, onChoose }: Props) {
  const [scrollTop, setScrollTop] = useState(0);
  // Also in a ref: moving the highlight reads it, scrolling by hand must not move the highlight into view.
  const scrolled = useRef(0);

  // Keep the highlighted option in view, scrolling the list only (never the page behind). The
  // scroll position is known from onScroll: nothing here makes the browser lay out early.
  useLayoutEffect(() => {
    const ul = listRef.current;
    const now = scrolled.current;
    const top = active * ROW_PX;
    const next = top < now ? top : top + ROW_PX > now + height ? top + ROW_PX - height : now;
    if (!ul || next === now) return;
    ul.scrollTop = next;
    // Render the rows now in view at once (onScroll comes a frame later): the highlighted one must exist.
    scrolled.current = next;
    setScrollTop(next);
  }, [active, height, listRef]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_PX) - OVERSCAN);
  const last = Math.min(items.length - 1, Math.ceil((scrollTop + height) / ROW_PX) + OVERSCAN);
  const rows: number[] = [];
  for (let i = first; i <= last; i++) rows.push(i);
  // The recent codes that lead the list end with a rule, where the rest of the codebook begins.
  const leadingRecent = items.findIndex((item) => item.kind !== 'code' || !item.choice.recent);

  return (
    <ul
      role="listbox"
      id={id}
      aria-label="Codes"
      className="code-options"
      ref={listRef}
      onScroll={(e) => {
        scrolled.current = e.currentTarget.scrollTop;
        setScrollTop(scrolled.current);
      }}
      style={{ height }}
    >
      <Spacer rows={first} />
      {rows.map((i) => {
        const item = items[i]!;
        return (
          <Option
            key={item.kind === 'code' ? item.choice.code.id : 'create'}
            listId={id}
            index={i}
            count={items.length}
            item={item}
            selected={i === active}
            endsRecent={i === leadingRecent - 1}
            hintId={hintId}
            lastUsed={item.kind === 'code' && item.choice.code.id === lastUsedId}
            onChoose={onChoose}
          />
        );
      })}
      <Spacer rows={items.length - 1 - last} />
    </ul>
  );
}

/** Stands in for rows not rendered (hidden from assistive technology, which counts by aria-setsize). */
function Spacer({ rows }: { rows: number }) {
  return rows > 0 ? <li aria-hidden="true" className="code-options-spacer" style={{ height: rows * ROW_PX }} /> : null;
}

interface OptionProps {
  listId: string;
  index: number;
  count: number;
  item: PopupItem;
  selected: boolean;
  endsRecent: boolean;
  hintId: string;
  lastUsed: boolean;
  onChoose: (item: PopupItem) => void;
}

const Option = memo(function Option({ listId, index, count, item, selected, endsRecent, hintId, lastUsed, onChoose }: OptionProps) {
  const common = {
    id: optionId(listId, index),
    role: 'option',
    'aria-selected': selected,
    'aria-setsize': count,
    'aria-posinset': index + 1,
    'aria-describedby': selected ? hintId : undefined,
    onMouseDown: keepSelection,
    onClick: () => onChoose(item),
  } as const;
  if (item.kind === 'create') {
    return (
      <li {...common} className="code-option create">
        <span className="create-sign" aria-hidden="true">
          +
        </span>
        Create “{item.name}”
      </li>
    );
  }
  const { code, path, parents } = item.choice;
  const shortcuts = [code.shortcut ? String(code.shortcut) : null, lastUsed ? CODING_KEYS.repeat : null].filter(Boolean).join(' ');
  return (
    <li {...common} aria-label={path} aria-keyshortcuts={shortcuts || undefined} className={endsRecent ? 'code-option ends-recent' : 'code-option'} title={code.description || undefined}>
      <span className="swatch" style={{ background: code.colour }} aria-hidden="true" />
      <span className="code-option-name">{code.name}</span>
      {parents && <span className="code-option-parents">{parents}</span>}
      {code.shortcut ? <kbd aria-hidden="true">{code.shortcut}</kbd> : null}
      {lastUsed && (
        <kbd aria-hidden="true" title="Last used: press . in the text to apply it again">
          {CODING_KEYS.repeat}
        </kbd>
      )}
    </li>
  );
});
