/**
 * The "Documents" navigation: one link per document, named by its title, with date and kind
 * (imported documents whose text the project file lost come last, marked "Text unavailable");
 * Add documents… (or files dropped on the list), the documents-and-attributes table, and a
 * filter by attribute value. The entries are one Tab stop: arrows, Home and End move between
 * them (listKeys.ts), Enter opens one.
 */
import { memo, useMemo, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { ReadableDocument, UnavailableDocument } from '../../ui/useCorpus';
import type { SegmentTable } from '../../domain/segmentTable';
import { allAttributes } from '../../domain/documents/attributes';
import { useProject } from '../../ui/ProjectContext';
import { AddDocumentsDialog } from './AddDocumentsDialog';
import { DocumentTable } from './DocumentTable';
import { UnavailableDocumentItem } from './UnavailableDocumentItem';
import { useAddDocuments } from './useAddDocuments';
import { listStep, tabStop } from './listKeys';
import './documents.css';

interface Props {
  documents: readonly ReadableDocument[];
  /** Imported documents whose text is unavailable. */
  unavailable?: readonly UnavailableDocument[];
  currentId: string | null;
  /** For each document's count of coded passages. */
  segments: SegmentTable;
  corpusName: string | null;
}

export function documentHref(id: string): string {
  return `#doc=${encodeURIComponent(id)}`;
}

const NONE_UNAVAILABLE: readonly UnavailableDocument[] = [];

const hasFiles = (e: DragEvent) => [...e.dataTransfer.types].includes('Files');

export function DocumentList({ documents, unavailable = [], currentId, segments, corpusName }: Props) {
  const { attributes } = useProject();
  const { adding, choose, drop, cancel, close } = useAddDocuments(documents, unavailable);
  const [tableOpen, setTableOpen] = useState(false);
  const [dropping, setDropping] = useState(false);
  const [filter, setFilter] = useState({ attributeId: '', value: '' });
  const columns = allAttributes(attributes);
  const filterAttribute = columns.find((a) => a.id === filter.attributeId) ?? null;
  const shown = useMemo(() => {
    const wanted = filter.value.trim().toLocaleLowerCase();
    if (!filterAttribute || wanted === '') return documents;
    return documents.filter((d) => {
      const value = (d.attributes?.[filterAttribute.id] ?? '').toLocaleLowerCase();
      return filterAttribute.type === 'category' ? value === wanted : value.includes(wanted);
    });
  }, [documents, filterAttribute, filter.value]);
  // Their attribute values are unknown here, so a filter leaves them out.
  const unavailableShown = shown === documents ? unavailable : NONE_UNAVAILABLE;
  const order = useMemo(() => [...shown, ...unavailableShown].map((d) => d.id), [shown, unavailableShown]);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const tabbableId = tabStop(order, focusedId, currentId);

  const onListKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const id = (e.target as HTMLElement).closest<HTMLElement>('[data-doc-id]')?.dataset['docId'];
    const next = id === undefined ? null : listStep(e.key, order.indexOf(id), order.length);
    if (next === null) return;
    e.preventDefault();
    const nextId = order[next]!;
    setFocusedId(nextId);
    [...e.currentTarget.querySelectorAll<HTMLElement>('[data-doc-id]')].find((el) => el.dataset['docId'] === nextId)?.focus();
  };

  return (
    <nav
      aria-label="Documents"
      className={`doc-list${dropping ? ' doc-list-dropping' : ''}`}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDropping(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropping(false);
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setDropping(false);
        void drop([...e.dataTransfer.files]);
      }}
    >
      <h2 className="pane-title">Documents</h2>
      {corpusName && <p className="corpus-name">{corpusName}</p>}
      <div className="doc-list-actions">
        <button type="button" onClick={() => void choose()} title="Or drop files on this list">
          Add documents…
        </button>
        <button type="button" onClick={() => setTableOpen(true)}>
          Attributes…
        </button>
      </div>
      <fieldset className="doc-filter">
        <legend>Filter by attribute</legend>
        <select aria-label="Attribute" value={filter.attributeId} onChange={(e) => setFilter({ attributeId: e.target.value, value: '' })}>
          <option value="">No filter</option>
          {columns.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        {filterAttribute?.type === 'category' ? (
          <select aria-label="Value" value={filter.value} onChange={(e) => setFilter({ ...filter, value: e.target.value })}>
            <option value="">Any</option>
            {filterAttribute.values.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        ) : (
          filterAttribute && <input aria-label="Value" value={filter.value} onChange={(e) => setFilter({ ...filter, value: e.target.value })} />
        )}
      </fieldset>
      {shown.length !== documents.length && (
        <p className="doc-list-meta" role="status">
          {shown.length} of {documents.length} documents
        </p>
      )}
      <ul
        onKeyDown={onListKeyDown}
        onFocus={(e) => {
          const id = (e.target as HTMLElement).dataset['docId'];
          if (id !== undefined) setFocusedId(id);
        }}
      >
        {shown.map((d) => (
          <DocumentItem key={d.id} doc={d} current={d.id === currentId} tabbable={d.id === tabbableId} count={segments.countInDocument(d.id)} />
        ))}
        {unavailableShown.map((d) => (
          <UnavailableDocumentItem
            key={d.id}
            doc={d}
            href={documentHref(d.id)}
            current={d.id === currentId}
            tabbable={d.id === tabbableId}
            count={segments.countInDocument(d.id)}
          />
        ))}
      </ul>
      {adding && <AddDocumentsDialog adding={adding} onCancel={cancel} onClose={close} />}
      {tableOpen && <DocumentTable documents={documents} onClose={() => setTableOpen(false)} />}
    </nav>
  );
}

/**
 * One entry; memoised so that coding a passage re-renders only its document's entry, not a
 * list of a thousand.
 */
const DocumentItem = memo(function DocumentItem({
  doc: d,
  current,
  tabbable,
  count,
}: {
  doc: ReadableDocument;
  current: boolean;
  /** The list's one Tab stop. */
  tabbable: boolean;
  count: number;
}) {
  const value = (id: 'kind' | 'place' | 'date') => d.attributes?.[id] ?? d[id];
  const meta = [value('date') || 'undated', value('kind'), value('place')].filter(Boolean).join(' · ');
  return (
    <li>
      <a
        href={documentHref(d.id)}
        data-doc-id={d.id}
        tabIndex={tabbable ? 0 : -1}
        aria-current={current ? 'page' : undefined}
        aria-labelledby={`doclink-${d.id}`}
        aria-describedby={`docmeta-${d.id}`}
      >
        <span id={`doclink-${d.id}`} className="doc-list-title">
          {d.title}
        </span>
        <span id={`docmeta-${d.id}`} className="doc-list-meta">
          {meta}
          {d.origin === 'imported' ? ' · imported' : ''}
          {count > 0 ? ` · ${count} coded` : ''}
        </span>
      </a>
    </li>
  );
});
