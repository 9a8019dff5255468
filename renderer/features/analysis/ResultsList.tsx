/**
 * Passages a query or a matrix cell found: each with its document, the quote in its context,
 * codes, coders and memo. Up/Down/Home/End move between them, Enter or a click opens the
 * document at the passage. The whole list saves as CSV.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Hit } from '../../domain/analysis/requests';
import type { Segment } from '../../domain/model';
import { useProject, useServices } from '../../ui/ProjectContext';
import { hitCsvRows, hitRows, HIT_CSV_HEADER } from './hitRows';
import { fileName, saveText, savedMessage } from './saveFile';
import { toCsv } from './tableCsv';
import { errorMessage } from '../../../common/errorMessage';

const PAGE = 100;

interface Props {
  label: string;
  hits: readonly Hit[];
  titles: ReadonlyMap<string, string>;
  coders: readonly string[] | null;
  onReveal: (segment: Segment) => void;
  /** Base of the CSV file's name. */
  name: string;
}

export function ResultsList({ label, hits, titles, coders, onReveal, name }: Props) {
  const { segments, codes } = useProject();
  const { api, host } = useServices();
  const [shown, setShown] = useState(PAGE);
  const [focus, setFocus] = useState(0);
  const [message, setMessage] = useState('');
  const list = useRef<HTMLOListElement>(null);
  const rows = useMemo(() => hitRows(hits, segments, codes, titles, coders), [hits, segments, codes, titles, coders]);
  const visible = rows.slice(0, shown);
  const current = Math.min(focus, Math.max(0, visible.length - 1));

  const move = (e: KeyboardEvent) => {
    const to = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: visible.length - 1 }[e.key];
    if (to === undefined || visible.length === 0) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(visible.length - 1, to));
    setFocus(next);
    list.current?.querySelector<HTMLButtonElement>(`[data-index="${next}"]`)?.focus();
  };

  const save = async () => {
    try {
      const saved = await saveText(api, fileName(name, 'csv'), 'text/csv', toCsv(HIT_CSV_HEADER, hitCsvRows(rows)));
      setMessage(savedMessage(saved, host));
    } catch (err) {
      setMessage(`Could not save: ${errorMessage(err)}`);
    }
  };

  return (
    <section className="results" aria-label={label}>
      <div className="results-head">
        <h3>
          {label} ({rows.length.toLocaleString()})
        </h3>
        <button type="button" onClick={() => void save()} disabled={rows.length === 0}>
          Save results (CSV)
        </button>
        <span role="status">{message}</span>
      </div>
      {rows.length === 0 ? (
        <p className="empty">No passages.</p>
      ) : (
        <ol className="results-list" ref={list} onKeyDown={move}>
          {visible.map((r, i) => (
            <li key={r.segment.id}>
              <button
                type="button"
                className="result"
                data-index={i}
                tabIndex={i === current ? 0 : -1}
                onFocus={() => setFocus(i)}
                onClick={() => onReveal(r.segment)}
                aria-label={`${r.segment.quote.length > 120 ? `${r.segment.quote.slice(0, 120)}…` : r.segment.quote} — ${r.documentTitle}`}
                aria-describedby={`result-meta-${r.segment.id}`}
              >
                <span className="result-doc">{r.documentTitle}</span>
                <span className="result-quote">
                  <span className="context">…{r.segment.prefix}</span>
                  <mark>{r.segment.quote}</mark>
                  <span className="context">{r.segment.suffix}…</span>
                </span>
                <span className="result-meta" id={`result-meta-${r.segment.id}`}>
                  {r.codes.join(', ')} · {r.coders.join(', ')}
                  {r.segment.memo && <span className="result-memo"> · Memo: {r.segment.memo}</span>}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {rows.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + PAGE)}>
          Show more ({(rows.length - shown).toLocaleString()} left)
        </button>
      )}
    </section>
  );
}
