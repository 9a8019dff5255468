/** The "Documents" navigation: one link per document, named by its title, with date and kind. */
import type { ReadableDocument } from '../../app/useCorpus';

interface Props {
  documents: readonly ReadableDocument[];
  currentId: string | null;
  segmentCounts: ReadonlyMap<string, number>;
  corpusName: string | null;
}

export function documentHref(id: string): string {
  return `#doc=${encodeURIComponent(id)}`;
}

export function DocumentList({ documents, currentId, segmentCounts, corpusName }: Props) {
  return (
    <nav aria-label="Documents" className="doc-list">
      <h2 className="pane-title">Documents</h2>
      {corpusName && <p className="corpus-name">{corpusName}</p>}
      <ul>
        {documents.map((d) => {
          const meta = [d.date ?? 'undated', d.kind, d.place].filter(Boolean).join(' · ');
          const count = segmentCounts.get(d.id) ?? 0;
          return (
            <li key={d.id}>
              <a
                href={documentHref(d.id)}
                aria-current={d.id === currentId ? 'page' : undefined}
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
        })}
      </ul>
    </nav>
  );
}
