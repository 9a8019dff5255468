/**
 * The codebook as an ARIA tree: one focusable row at a time (roving tabindex), the WAI-ARIA
 * tree keys (treeKeys.ts), Alt+arrows and drag-and-drop to reorder and move codes (each move
 * one undoable change built at commit time), and a count of codings own · with sub-codes.
 * A long tree renders only the rows in view (rowWindow.ts); a row the keyboard moves to is
 * scrolled into the window first, then focused.
 */
import { useEffect, useLayoutEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useProject, useServices } from '../../ui/ProjectContext';
import { DomainError } from '../../domain/change';
import { reorderCode } from '../../domain/codebook';
import { isEmptyChange } from '../../domain/context';
import type { CodeCount } from '../../domain/codeCounts';
import type { Code } from '../../domain/model';
import { themeColour } from '../../domain/palette';
import { treeCommand, typeaheadMatch } from './treeKeys';
import { dropDestination, dropZoneAt, stepDestination, type Destination, type DropZone, type MoveStep } from './treeMoves';
import type { TreeRow } from './treeRows';
import { rowRange, scrollToShow } from './rowWindow';

interface Props {
  rows: readonly TreeRow[];
  /** Null until every segment is read: a count would be too low. */
  counts: ReadonlyMap<string, CodeCount> | null;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  setExpanded: (ids: readonly string[], expanded: boolean) => void;
}

const TYPEAHEAD_PAUSE_MS = 700;

export function CodeTree({ rows, counts, selectedId, onSelect, setExpanded }: Props) {
  const { store } = useServices();
  const { codes } = useProject();
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [drop, setDrop] = useState<{ id: string; zone: DropZone } | null>(null);
  const dragged = useRef<string | null>(null);
  const elements = useRef(new Map<string, HTMLLIElement>());
  // A moved row is re-inserted in the DOM and loses focus: give it back once the codes change.
  const refocus = useRef<{ id: string; codes: readonly Code[] } | null>(null);
  const typed = useRef({ text: '', at: 0 });
  const list = useRef<HTMLUListElement>(null);
  const [view, setView] = useState({ scrollTop: 0, height: 600, rowHeight: 28 });
  // A row the keyboard moved to that was outside the window: focused once it is rendered.
  const focusPending = useRef<string | null>(null);

  const range = rowRange(rows.length, view.scrollTop, view.height, view.rowHeight);
  const windowed = range.end - range.first < rows.length;

  // The scroller is the tree's parent (.codebook-tree); its scroll position picks the window.
  useEffect(() => {
    const scroller = list.current?.parentElement;
    if (!scroller) return;
    const update = () => {
      const row = list.current?.querySelector<HTMLElement>('[role=treeitem]');
      setView((v) => {
        const next = { scrollTop: scroller.scrollTop, height: scroller.clientHeight, rowHeight: row?.offsetHeight || v.rowHeight };
        return next.scrollTop === v.scrollTop && next.height === v.height && next.rowHeight === v.rowHeight ? v : next;
      });
    };
    update();
    scroller.addEventListener('scroll', update, { passive: true });
    const resized = new ResizeObserver(update);
    resized.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', update);
      resized.disconnect();
    };
  }, []);

  useLayoutEffect(() => {
    const id = focusPending.current;
    const element = id === null ? undefined : elements.current.get(id);
    if (!element) return;
    focusPending.current = null;
    element.focus();
  });

  useLayoutEffect(() => {
    const pending = refocus.current;
    if (!pending || pending.codes === codes) return;
    refocus.current = null;
    // The analyst may have gone elsewhere while the move was stored: the keyboard stays there.
    const active = document.activeElement;
    if (active && active !== document.body && !list.current?.contains(active)) return;
    focusRow(pending.id);
  }, [codes]);

  const rendered = (id: string | null) => {
    if (id === null) return false;
    const index = rows.findIndex((r) => r.code.id === id);
    return index >= range.first && index < range.end;
  };
  const tabbableId = rendered(focusedId) ? focusedId : rendered(selectedId) ? selectedId : (rows[range.first]?.code.id ?? null);

  const focusRow = (id: string) => {
    setFocusedId(id);
    const element = elements.current.get(id);
    if (element) return element.focus();
    // Outside the window: scroll it in, render, then focus (the layout effect above).
    const scroller = list.current?.parentElement;
    const index = rows.findIndex((r) => r.code.id === id);
    if (!scroller || index < 0) return;
    scroller.scrollTop = scrollToShow(index, scroller.scrollTop, scroller.clientHeight, view.rowHeight);
    focusPending.current = id;
    setView((v) => ({ ...v, scrollTop: scroller.scrollTop }));
  };

  /** Moves a code to a destination computed from the codes at commit time. */
  const move = (id: string, destination: (codes: readonly Code[]) => Destination | null, keepFocus: boolean) => {
    if (keepFocus) refocus.current = { id, codes };
    void store
      .act((ctx, state) => {
        const to = destination(state.codes);
        if (!to) throw new DomainError('That move is not possible: the code cannot go inside its own branch');
        return reorderCode(state.codes, id, to.parentId, to.index, ctx);
      })
      .then((stored) => {
        // Refused, or nothing moved: no re-render is coming to hand the focus back.
        if (!stored || isEmptyChange(stored)) refocus.current = null;
      });
  };

  const step = (id: string, how: MoveStep) => {
    const to = stepDestination(codes, id, how);
    if (!to) return; // already first, last, or at the top level: nothing to do
    if (to.parentId) setExpanded([to.parentId], true);
    move(id, (current) => stepDestination(current, id, how), true);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const index = rows.findIndex((r) => r.code.id === (e.target as HTMLElement).dataset['codeId']);
    if (index < 0) return;
    const command = treeCommand(rows, index, e);
    if (!command) {
      if (e.key.length === 1 && !e.altKey && !e.ctrlKey && !e.metaKey && e.key !== ' ') typeahead(index, e.key);
      return;
    }
    e.preventDefault();
    switch (command.kind) {
      case 'focus':
        return focusRow(command.id);
      case 'expand':
        return setExpanded([command.id], true);
      case 'collapse':
        return setExpanded([command.id], false);
      case 'expandSiblings':
        return setExpanded(command.ids, true);
      case 'select':
        return onSelect(command.id);
      case 'deselect':
        return onSelect(null);
      case 'move':
        return step(command.id, command.step);
    }
  };

  const typeahead = (index: number, key: string) => {
    const now = performance.now();
    const text = now - typed.current.at < TYPEAHEAD_PAUSE_MS ? typed.current.text + key : key;
    typed.current = { text, at: now };
    const id = typeaheadMatch(rows, index, text);
    if (id) focusRow(id);
  };

  const zoneOver = (e: DragEvent<HTMLLIElement>, targetId: string): DropZone | null => {
    const rect = e.currentTarget.getBoundingClientRect();
    const zone = dropZoneAt(e.clientY, rect.top, rect.height);
    return dragged.current && dropDestination(codes, dragged.current, targetId, zone) ? zone : null;
  };

  const endDrag = () => {
    dragged.current = null;
    setDrop(null);
  };

  return (
    <ul
      ref={list}
      role="tree"
      aria-label="Codes"
      aria-describedby="code-tree-keys"
      className="code-tree"
      data-windowed={windowed || undefined}
      style={windowed ? { paddingBlockStart: range.first * view.rowHeight, paddingBlockEnd: (rows.length - range.end) * view.rowHeight } : undefined}
      onKeyDown={onKeyDown}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDrop(null);
      }}
    >
      {rows.slice(range.first, range.end).map((row) => {
        const { code } = row;
        const count = counts?.get(code.id);
        return (
          <li
            key={code.id}
            ref={(el) => {
              if (el) elements.current.set(code.id, el);
              else elements.current.delete(code.id);
            }}
            role="treeitem"
            data-code-id={code.id}
            aria-level={row.level}
            aria-setsize={row.setSize}
            aria-posinset={row.posInSet}
            aria-expanded={row.hasChildren ? row.expanded : undefined}
            aria-selected={code.id === selectedId}
            aria-label={code.name}
            aria-describedby={`code-count-${code.id}`}
            tabIndex={code.id === tabbableId ? 0 : -1}
            title={code.description || code.name}
            className="code-row"
            data-drop={drop?.id === code.id ? drop.zone : undefined}
            style={{ paddingInlineStart: `${(row.level - 1) * 1.1 + 0.2}rem` }}
            draggable
            onFocus={(e) => e.target === e.currentTarget && setFocusedId(code.id)}
            onClick={() => {
              focusRow(code.id);
              // Clicking the selected code again keeps it selected (Escape lets go), as in other QDA tools.
              onSelect(code.id);
            }}
            onDragStart={(e) => {
              dragged.current = code.id;
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', code.name);
            }}
            onDragOver={(e) => {
              const zone = zoneOver(e, code.id);
              if (!zone) return setDrop(null);
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              if (drop?.id !== code.id || drop.zone !== zone) setDrop({ id: code.id, zone });
            }}
            onDrop={(e) => {
              const zone = zoneOver(e, code.id);
              const id = dragged.current;
              endDrag();
              if (!zone || !id) return;
              e.preventDefault();
              if (zone === 'inside') setExpanded([code.id], true);
              move(id, (current) => dropDestination(current, id, code.id, zone), false);
            }}
            onDragEnd={endDrag}
          >
            <span
              className="code-toggle"
              aria-hidden="true"
              onClick={(e) => {
                e.stopPropagation();
                if (row.hasChildren) setExpanded([code.id], !row.expanded);
              }}
            >
              {row.hasChildren ? (row.expanded ? '▾' : '▸') : ''}
            </span>
            <span className="swatch" style={{ background: themeColour(code.colour) }} aria-hidden="true" />
            <span className="code-name">{code.name}</span>
            <span className="code-count" aria-hidden="true">
              {count ? (row.hasChildren ? `${count.own} · ${count.withSubcodes}` : count.own) : '…'}
            </span>
            {code.shortcut ? <kbd aria-hidden="true">{code.shortcut}</kbd> : null}
            <span id={`code-count-${code.id}`} hidden>
              {describeCount(count, row.hasChildren)}
              {code.shortcut ? `, shortcut ${code.shortcut}` : ''}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

const codings = (n: number) => `${n} coding${n === 1 ? '' : 's'}`;

function describeCount(count: CodeCount | undefined, hasChildren: boolean): string {
  if (!count) return 'codings being counted';
  return hasChildren ? `${codings(count.own)}, ${count.withSubcodes} with sub-codes` : codings(count.own);
}
