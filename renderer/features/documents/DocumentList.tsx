/** The "Documents" navigation: one link per document, named by its title, with date and kind. */
import { memo } from 'react';
import type { ReadableDocument } from '../../ui/useCorpus';
import type { SegmentTable } from '../../domain/segmentTable';

interface Props {
  documents: readonly ReadableDocument[];
  currentId: string | null;
  /** For each document's count of coded passages. */
  segments: SegmentTable;
  corpusName: string | null;
}

export function documentHref(id: string): string {
  return `#doc=${encodeURIComponent(id)}`;
}

export function DocumentList({ documents, currentId, segments, corpusName }: Props) {
  return (
    <nav aria-label="Documents" className="doc-list">
      <h2 className="pane-title">Documents</h2>
      {corpusName && <p className="corpus-name">{corpusName}</p>}
      <ul>
        {documents.map((d) => (
          <DocumentItem key={d.id} doc={d} current={d.id === currentId} count={segments.countInDocument(d.id)} />
        ))}
      </ul>
    </nav>
  );
}

/**
 * One entry; memoised so that coding a passage re-renders only its document's entry, not a
 * list of a thousand.
 */
const DocumentItem = memo(function DocumentItem({ doc: d, current, count }: { doc: ReadableDocument; current: boolean; count: number }) {
  const meta = [d.date ?? 'undated', d.kind, d.place].filter(Boolean).join(' · ');
  return (
    <li>
      <a
        href={documentHref(d.id)}
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
