/**
 * Retrieval: every passage coded with the selected code (and, optionally, its sub-codes),
 * across documents, in reading order — the simplest coding query (domain/analysis). Choosing
 * one opens its document at that passage.
 */
import { useMemo, useState } from 'react';
import { useProject } from '../../ui/ProjectContext';
import { useCoderFilter } from '../../ui/useCoderFilter';
import { querySegments } from '../../domain/analysis/querySegments';
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
  const { shown: coders } = useCoderFilter();
  const [withSubcodes, setWithSubcodes] = useState(true);
  const [shown, setShown] = useState(PAGE);
  const list = useMemo(
    () => querySegments({ op: 'code', codeId: code.id, withSubcodes }, segments.all(), codes, documentOrder, coders ?? undefined),
    [codes, segments, code.id, withSubcodes, documentOrder, coders],
  );

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
