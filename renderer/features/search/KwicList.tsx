/**
 * The hits as keyword-in-context rows: document | left context | hit | right context. A grid
 * of thousands of rows drawn only near the view (rows are fixed-height); rows are fetched from
 * the search engine a page at a time, in the chosen sort. Arrow keys, Page Up/Down, Home/End
 * move between rows, Space includes or leaves out a hit, Enter (or a click) opens it.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { KwicRow, KwicSort, KwicSortKey } from '../../domain/search/kwic';
import type { SearchClient } from '../../project/search/searchClient';
import type { SearchSummary } from '../../project/search/protocol';

/** Height of a row in px; matches .kwic-row in search.css. */
export const ROW_PX = 30;
const PAGE = 100;
/** Rows drawn beyond those in view (at least a page, so the first hundred rows paint at once). */
const DRAWN = 100;

interface Props {
  result: SearchSummary;
  /** The sort `result.rows` came in. */
  resultSort: KwicSort;
  sort: KwicSort;
  onSort: (sort: KwicSort) => void;
  excluded: ReadonlySet<number>;
  onToggle: (hit: number) => void;
  titleOf: (documentId: string) => string;
  client: SearchClient;
  onOpen: (row: KwicRow) => void;
}

const COLUMNS: Array<{ key: KwicSortKey; label: string; className: string }> = [
  { key: 'document', label: 'Document', className: 'kwic-doc' },
  { key: 'left', label: 'Left context', className: 'kwic-left' },
  { key: 'position', label: 'Hit', className: 'kwic-hit' },
  { key: 'right', label: 'Right context', className: 'kwic-right' },
];

export function KwicList({ result, resultSort, sort, onSort, excluded, onToggle, titleOf, client, onOpen }: Props) {
  const body = useRef<HTMLDivElement>(null);
  const [first, setFirst] = useState(0);
  const [visible, setVisible] = useState(20);
  const [active, setActive] = useState(0);
  const focusActive = useRef(false);
  const [, repaint] = useReducer((n: number) => n + 1, 0);
  // Rows fetched for this result in this sort, by position: the first page came with the result.
  const key = `${result.resultId}/${sort.key}/${sort.descending}`;
  const cache = useRef<{ key: string; rows: Map<number, KwicRow>; requested: Set<number> } | null>(null);
  if (cache.current?.key !== key) {
    const sameSort = sort.key === resultSort.key && sort.descending === resultSort.descending;
    cache.current = { key, rows: new Map(sameSort ? result.rows.map((r, i) => [i, r]) : []), requested: new Set(sameSort ? [0] : []) };
  }
  const { rows } = cache.current;

  // A new sort starts at its first row (a new result is a new list: see SearchView's key).
  const sortedOnce = useRef(false);
  useEffect(() => {
    if (!sortedOnce.current) return void (sortedOnce.current = true);
    setActive(0);
    setFirst(0);
    if (body.current) body.current.scrollTop = 0;
  }, [sort.key, sort.descending]);

  const last = Math.min(result.total, first + Math.max(DRAWN, visible + 20));
  useEffect(() => {
    const current = cache.current!;
    for (let page = Math.floor(first / PAGE) * PAGE; page < last; page += PAGE) {
      if (current.requested.has(page)) continue;
      current.requested.add(page);
      client.request({ method: 'rows', resultId: result.resultId, from: page, count: PAGE, sort }).then(
        (answer) => {
          answer.rows.forEach((r, i) => current.rows.set(page + i, r));
          if (cache.current === current) repaint();
        },
        () => current.requested.delete(page),
      );
    }
  }, [first, last, client, result.resultId, sort, key]);

  // How many rows fit, from the observer's measure (read after layout, so nothing forces one).
  useEffect(() => {
    const el = body.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => entry && setVisible(Math.ceil(entry.contentRect.height / ROW_PX) + 1));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!focusActive.current) return;
    focusActive.current = false;
    body.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.focus();
  });

  const moveTo = useCallback(
    (index: number) => {
      const el = body.current;
      const to = Math.max(0, Math.min(result.total - 1, index));
      if (el) {
        if (to * ROW_PX < el.scrollTop) el.scrollTop = to * ROW_PX;
        else if ((to + 1) * ROW_PX > el.scrollTop + el.clientHeight) el.scrollTop = (to + 1) * ROW_PX - el.clientHeight;
        setFirst(Math.floor(el.scrollTop / ROW_PX));
      }
      focusActive.current = true;
      setActive(to);
    },
    [result.total],
  );

  const onKeyDown = (e: React.KeyboardEvent, index: number, row: KwicRow | undefined) => {
    const page = Math.max(1, visible - 2);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + page, PageUp: index - page, Home: 0, End: result.total - 1 };
    if (e.key in moves) {
      e.preventDefault();
      moveTo(moves[e.key]!);
    } else if (e.key === 'Enter' && row) {
      e.preventDefault();
      onOpen(row);
    } else if (e.key === ' ' && row) {
      e.preventDefault();
      onToggle(row.hit);
    }
  };

  const drawn: number[] = [];
  for (let i = first; i < last; i++) drawn.push(i);
  if (active < first || active >= last) drawn.push(active); // the row with focus stays in the DOM

  return (
    <div role="grid" aria-label="Hits" aria-rowcount={result.total + 1} aria-colcount={5} aria-multiselectable="true" className="kwic">
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="kwic-row kwic-head">
          <div role="columnheader" className="kwic-pick">
            <span className="visually-hidden">Included</span>
          </div>
          {COLUMNS.map((c) => (
            <div key={c.key} role="columnheader" className={c.className} aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
              <button type="button" onClick={() => onSort({ key: c.key, descending: sort.key === c.key && !sort.descending })}>
                {c.label}
                {c.key === 'position' ? ' (position)' : ''}
              </button>
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="kwic-body" ref={body} onScroll={(e) => setFirst(Math.floor(e.currentTarget.scrollTop / ROW_PX))}>
        <div className="kwic-spacer" style={{ height: result.total * ROW_PX }}>
          {drawn.map((i) => {
            const row = rows.get(i);
            const included = row ? !excluded.has(row.hit) : true;
            return (
              <div
                key={i}
                role="row"
                data-index={i}
                aria-rowindex={i + 2}
                aria-selected={included}
                aria-busy={row ? undefined : true}
                tabIndex={i === active ? 0 : -1}
                className="kwic-row"
                style={{ top: i * ROW_PX }}
                onClick={() => {
                  setActive(i);
                  if (row) onOpen(row);
                }}
                onKeyDown={(e) => onKeyDown(e, i, row)}
              >
                {/* A drawn tick, not a form control per row: the row's aria-selected says it, Space or a click on it toggles. */}
                <div
                  role="gridcell"
                  className="kwic-pick"
                  onClick={(e) => {
                    e.stopPropagation();
                    if (row) onToggle(row.hit);
                  }}
                >
                  <span className="kwic-tick" aria-hidden="true" />
                </div>
                <div role="gridcell" className="kwic-doc">{row ? titleOf(row.documentId) : '…'}</div>
                <div role="gridcell" className="kwic-left">
                  <span>{row?.left}</span>
                </div>
                <div role="gridcell" className="kwic-hit">
                  <mark>{row?.match}</mark>
                </div>
                <div role="gridcell" className="kwic-right">{row?.right}</div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
