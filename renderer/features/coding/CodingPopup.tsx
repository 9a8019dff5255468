/**
 * The coding popup next to a selection: a filter field first, then the codes (recent first)
 * and "Create …", and an in-vivo button. Enter applies the highlighted item; the arrows move
 * the highlight. Typing a letter right after selecting goes into the filter. It sits above or
 * below the selection, always inside the viewport, its list scrolling inside it, and hides
 * while the passage is scrolled out of view. Mouse-downs on it are prevented so the text
 * selection stays.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { inVivoName } from '../../domain/inVivo';
import type { Code } from '../../domain/model';
import { popupItems, prepareCodes, type PopupItem } from './codeChoices';
import { CodeOptions, optionId, ROW_PX } from './CodeOptions';
import { CODING_KEYS, isInVivoKey } from './codingKeys';
import type { Anchor } from './popupPlacement';
import { LIST_MAX_PX, usePopupPlacement } from './usePopupPlacement';
import { useRecentCodeIds } from './recentCodes';
import './codingPopup.css';

interface Props {
  codes: readonly Code[];
  /** The selection's rectangle in the viewport. */
  anchor: Anchor;
  /** The selected words, named by the in-vivo button. */
  selectedText: string;
  onApply: (codeId: string) => void;
  onCreate: (name: string) => void;
  onInVivo: () => void;
  onClose: () => void;
}

const PAGE = 8;
const keepSelection = (e: React.MouseEvent) => e.preventDefault();
/** One printable character (a letter, punctuation, a symbol like "+" or "#"): not a control key, not white space. */
const PRINTABLE = /^[^\p{C}\s]$/u;
/** The coding shortcuts typed where the selection is (CodingShortcutsPlugin): digits apply, "." repeats. */
const SHORTCUT = /^[0-9.]$/;

export function CodingPopup({ codes, anchor, selectedText, onApply, onCreate, onInVivo, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const recentIds = useRecentCodeIds();
  const prepared = prepareCodes(codes);
  const items = useMemo(() => popupItems(codes, prepared, recentIds, query), [codes, prepared, recentIds, query]);
  const lastUsedId = useMemo(() => recentIds.find((id) => codes.some((c) => c.id === id)), [recentIds, codes]);
  const listId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const popup = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const { placement, outOfView } = usePopupPlacement(anchor, popup, list, items.length);
  const inVivo = inVivoName(selectedText);

  const choose = useCallback((item: PopupItem) => (item.kind === 'code' ? onApply(item.choice.code.id) : onCreate(item.name)), [onApply, onCreate]);
  const filter = useCallback((value: string) => {
    setQuery(value);
    setActive(0);
  }, []);
  useTypeToFilter(input, filter);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const move = { ArrowDown: 1, ArrowUp: -1, PageDown: PAGE, PageUp: -PAGE }[e.key];
    if (move !== undefined && items.length) {
      e.preventDefault();
      const wrap = Math.abs(move) === 1; // arrows wrap around; pages stop at the ends
      setActive((a) => (wrap ? (a + move + items.length) % items.length : Math.max(0, Math.min(items.length - 1, a + move))));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const item = items[active];
      if (item) choose(item);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (isInVivoKey(e)) {
      e.preventDefault();
      if (inVivo) onInVivo();
    }
  };

  return (
    <div
      ref={popup}
      role="dialog"
      aria-label="Apply code"
      className="coding-popup"
      hidden={outOfView}
      style={placement ? { left: placement.left, top: placement.top } : undefined}
    >
      <input
        ref={input}
        role="combobox"
        aria-label="Find or create code"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={items.length ? optionId(listId, active) : undefined}
        placeholder="Find or create code…"
        value={query}
        onChange={(e) => filter(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <CodeOptions
        id={listId}
        items={items}
        active={active}
        lastUsedId={lastUsedId}
        height={Math.min(items.length * ROW_PX, placement?.listMaxHeight ?? LIST_MAX_PX)}
        hintId={hintId}
        listRef={list}
        onChoose={choose}
      />
      <p id={hintId} className="coding-popup-hint">
        {hint(items[active])}
      </p>
      <div className="coding-popup-foot">
        <button type="button" onMouseDown={keepSelection} onClick={onInVivo} disabled={!inVivo} aria-keyshortcuts={CODING_KEYS.inVivo} title="Code in vivo (Ctrl+I): a code named after the selected words">
          In vivo “{inVivo}”
        </button>
      </div>
    </div>
  );
}

/** The hint line: what the highlighted item is or does. */
function hint(item: PopupItem | undefined): string {
  if (!item) return '';
  if (item.kind === 'create') return 'Creates a top-level code and applies it';
  const { code, path } = item.choice;
  return code.description || (code.parentId ? path : '');
}

/**
 * A character typed where the selection is (the text has focus), without Ctrl/Alt/Cmd, starts
 * the filter: focus moves into the field with that character — a letter, or a leading "+", "#"
 * or quote of a code name — unless the popup is hidden (its passage scrolled away). Digits and
 * "." stay shortcuts. AltGr (Ctrl+Alt on Windows) types characters such as "@" and "#".
 */
function useTypeToFilter(input: React.RefObject<HTMLInputElement | null>, filter: (value: string) => void) {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const modified = e.metaKey || ((e.ctrlKey || e.altKey) && !e.getModifierState('AltGraph'));
      if (modified || e.isComposing || e.defaultPrevented || !PRINTABLE.test(e.key) || SHORTCUT.test(e.key)) return;
      const field = input.current;
      const anchorNode = window.getSelection()?.anchorNode;
      if (!field || field.closest('[hidden]') || !(e.target instanceof Node) || !anchorNode || !e.target.contains(anchorNode)) return;
      e.preventDefault();
      field.focus();
      filter(e.key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [input, filter]);
}
