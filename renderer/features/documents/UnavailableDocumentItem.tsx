/**
 * A Documents-list entry for an imported document whose text the project file lost: named like
 * any other, marked "Text unavailable" in words (not colour alone) that are also the link's
 * accessible description, with the reason on hover. Opening it shows what to do.
 */
import { memo } from 'react';
import type { UnavailableDocument } from '../../ui/useCorpus';

interface Props {
  doc: UnavailableDocument;
  href: string;
  current: boolean;
  /** The Documents list's one Tab stop. */
  tabbable: boolean;
  /** Its coded passages, kept while the text is away. */
  count: number;
}

export const UnavailableDocumentItem = memo(function UnavailableDocumentItem({ doc: d, href, current, tabbable, count }: Props) {
  const meta = [d.date || 'undated', d.kind, d.place].filter(Boolean).join(' · ');
  return (
    <li>
      <a
        href={href}
        data-doc-id={d.id}
        tabIndex={tabbable ? 0 : -1}
        aria-current={current ? 'page' : undefined}
        aria-labelledby={`doclink-${d.id}`}
        aria-describedby={`docbadge-${d.id} docmeta-${d.id}`}
      >
        <span id={`doclink-${d.id}`} className="doc-list-title">
          {d.title}
        </span>
        <span id={`docbadge-${d.id}`} className="doc-badge" title={`The project file cannot give its text: ${d.problem}`}>
          Text unavailable
        </span>
        <span id={`docmeta-${d.id}`} className="doc-list-meta">
          {meta} · imported
          {count > 0 ? ` · ${count} coded` : ''}
        </span>
      </a>
    </li>
  );
});
