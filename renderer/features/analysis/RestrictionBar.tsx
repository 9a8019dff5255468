/**
 * "Restrict to": which documents and attribute values analysis counts. Coders follow the coder
 * filter the whole window shares (header), so counts agree with the highlights and the codebook.
 */
import { useMemo, useState } from 'react';
import { attributeValue, sortValues, valueLabel, type DocumentAttribute } from '../../domain/analysis/attributes';
import type { AnalysisDocument } from '../../domain/analysis/input';
import { describeRestriction, toggleValue, type RestrictionChoice } from './restriction';

interface Props {
  documents: readonly AnalysisDocument[];
  attributes: readonly DocumentAttribute[];
  choice: RestrictionChoice;
  onChange: (choice: RestrictionChoice) => void;
  coders: readonly string[] | null;
}

export function RestrictionBar({ documents, attributes, choice, onChange, coders }: Props) {
  const [open, setOpen] = useState(false);
  const values = useMemo(
    () => attributes.filter((a) => a.id !== 'month').map((a) => ({ attribute: a, values: sortValues(a, documents.map((d) => attributeValue(a, d))) })),
    [documents, attributes],
  );
  const kept = choice.documents ? new Set(choice.documents) : null;
  const toggleDocument = (id: string) => {
    const next = new Set(kept ?? documents.map((d) => d.id));
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange({ ...choice, documents: next.size === documents.length ? null : documents.filter((d) => next.has(d.id)).map((d) => d.id) });
  };

  return (
    <details className="analysis-restriction" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Restrict to… <span className="restriction-summary">{describeRestriction(choice, documents.length, coders)}</span>
      </summary>
      {open && (
        <div className="restriction-body">
          <fieldset>
            <legend>Documents</legend>
            <button type="button" onClick={() => onChange({ ...choice, documents: null })} disabled={!kept}>
              All documents
            </button>
            <ul className="check-list">
              {documents.map((d) => (
                <li key={d.id}>
                  <label>
                    <input type="checkbox" checked={!kept || kept.has(d.id)} onChange={() => toggleDocument(d.id)} />
                    {d.title}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          {values.map(({ attribute, values: all }) => (
            <fieldset key={attribute.id}>
              <legend>{attribute.label}</legend>
              <ul className="check-list">
                {all.map((v) => (
                  <li key={v}>
                    <label>
                      <input
                        type="checkbox"
                        checked={(choice.attributes[attribute.id] ?? all).includes(v)}
                        onChange={() => onChange(toggleValue(choice, attribute.id, v, all))}
                      />
                      {valueLabel(v)}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          ))}
          <p className="hint">Coders: {coders ? coders.join(', ') : 'all'} — as the coder filter in the header shows.</p>
        </div>
      )}
    </details>
  );
}
