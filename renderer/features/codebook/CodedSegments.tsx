/**
 * Retrieval: every passage coded with the selected code (and, optionally, its sub-codes),
 * across documents, in reading order. Choosing one opens its document at that passage.
 */
import { useMemo, useState } from 'react';
import { useProject } from '../../ui/ProjectContext';
import { useCoderFilter } from '../../ui/useCoderFilter';
import { descendantIds } from '../../domain/codeTree';
import type { Code, Segment } from '../../domain/model';

const PAGE = 100;

interface Props {
  code: Code;
  documentTitles: ReadonlyMap<string, string>;
  documentOrder: readonly string[];
  onReveal: (segment: Segment) => void;
}

export function CodedSegments({ code, documentTitles, documentOrder, onReveal }: Props) {
  const { codes, segments } = useProject();
  const { accepts } = useCoderFilter();
  const [withSubcodes, setWithSubcodes] = useState(true);
  const [shown, setShown] = useState(PAGE);
  const list = useMemo(() => {
    const ids = new Set([code.id, ...(withSubcodes ? descendantIds(codes, code.id) : [])]);
    const rank = new Map(documentOrder.map((id, i) => [id, i]));
    return segments
      .all()
      .filter((s) => s.codings.some((c) => ids.has(c.codeId) && (!accepts || accepts(c.coder))))
      .sort((a, b) => (rank.get(a.documentId) ?? 1e9) - (rank.get(b.documentId) ?? 1e9) || a.start - b.start);
  }, [codes, segments, code.id, withSubcodes, documentOrder, accepts]);

  return (
    <section className="coded-segments" aria-label={`Passages coded ${code.name}`}>
      <h3>
        Passages coded {code.name} ({list.length})
      </h3>
      <label className="inline">
        <input type="checkbox" checked={withSubcodes} onChange={(e) => setWithSubcodes(e.target.checked)} />
        Include sub-codes
      </label>
      <ol>
        {list.slice(0, shown).map((s) => (
          <li key={s.id}>
            <button type="button" className="retrieval-item" onClick={() => onReveal(s)}>
              <span className="retrieval-quote">{s.quote.length > 160 ? `${s.quote.slice(0, 160)}…` : s.quote}</span>
              <span className="retrieval-doc">{documentTitles.get(s.documentId) ?? s.documentId}</span>
            </button>
          </li>
        ))}
      </ol>
      {list.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + PAGE)}>
          Show more ({list.length - shown} left)
        </button>
      )}
    </section>
  );
}
