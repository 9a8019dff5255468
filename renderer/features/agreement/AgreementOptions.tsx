/** What to compare: coders (the pair for two-coder measures), codes, documents, overlap, consensus coder. */
import { useMemo } from 'react';
import { codePath, codesById, flattenTree } from '../../domain/codeTree';
import type { Code, CoderProfile } from '../../domain/model';
import type { DocumentScope } from '../../project/agreement/agreementJob';

export interface AgreementChoices {
  coders: string[];
  pair: [string, string];
  codeIds: string[];
  scope: DocumentScope;
  /** Segment overlap share in %. */
  overlapPercent: number;
  consensusCoder: string;
}

interface Props {
  choices: AgreementChoices;
  onChange: (choices: AgreementChoices) => void;
  coders: readonly CoderProfile[];
  codes: readonly Code[];
  /** How many documents each scope compares, for the current coders. */
  scopeCounts: Record<DocumentScope, number>;
  disabled: boolean;
}

const SCOPES: [DocumentScope, string][] = [
  ['every', 'Documents every chosen coder coded'],
  ['any', 'Documents any chosen coder coded'],
  ['all', 'All documents'],
];

export function AgreementOptions({ choices, onChange, coders, codes, scopeCounts, disabled }: Props) {
  const set = (patch: Partial<AgreementChoices>) => onChange({ ...choices, ...patch });
  const tree = useMemo(() => {
    const byId = codesById(codes);
    return flattenTree(codes).map(({ code }) => ({ id: code.id, path: codePath(byId, code.id) }));
  }, [codes]);
  const setCoder = (name: string, on: boolean) => {
    const chosen = coders.map((c) => c.name).filter((n) => (n === name ? on : choices.coders.includes(n)));
    const pair: [string, string] = chosen.includes(choices.pair[0]) && chosen.includes(choices.pair[1]) ? choices.pair : [chosen[0] ?? '', chosen[1] ?? ''];
    set({ coders: chosen, pair });
  };
  const setCode = (id: string, on: boolean) => set({ codeIds: tree.map((c) => c.id).filter((c) => (c === id ? on : choices.codeIds.includes(c))) });

  return (
    <fieldset className="agreement-options" disabled={disabled}>
      <legend>Compare</legend>
      <fieldset className="check-list">
        <legend>Coders (two or more)</legend>
        <ul>
          {coders.map((c) => (
            <li key={c.name}>
              <label>
                <input type="checkbox" checked={choices.coders.includes(c.name)} onChange={(e) => setCoder(c.name, e.target.checked)} />
                {c.name}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {choices.coders.length > 2 && (
        <div className="agreement-pair">
          {(['A', 'B'] as const).map((side, i) => (
            <label key={side}>
              Coder {side} (kappa, segments, disagreements)
              <select
                value={choices.pair[i]}
                onChange={(e) => set({ pair: i === 0 ? [e.target.value, choices.pair[1]] : [choices.pair[0], e.target.value] })}
              >
                {choices.coders.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      )}
      <fieldset className="check-list">
        <legend>
          Codes ({choices.codeIds.length} of {tree.length})
        </legend>
        <div className="check-list-actions">
          <button type="button" onClick={() => set({ codeIds: tree.map((c) => c.id) })}>
            All codes
          </button>
          <button type="button" onClick={() => set({ codeIds: [] })}>
            No codes
          </button>
        </div>
        <ul>
          {tree.map((c) => (
            <li key={c.id}>
              <label>
                <input type="checkbox" checked={choices.codeIds.includes(c.id)} onChange={(e) => setCode(c.id, e.target.checked)} />
                {c.path}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset>
        <legend>Documents</legend>
        {SCOPES.map(([scope, label]) => (
          <label key={scope} className="inline-check">
            <input type="radio" name="agreement-scope" checked={choices.scope === scope} onChange={() => set({ scope })} />
            {label} ({scopeCounts[scope]})
          </label>
        ))}
      </fieldset>
      <div className="agreement-settings">
        <label>
          Segments match when they overlap by at least (%)
          <input
            type="number"
            min={1}
            max={100}
            value={choices.overlapPercent}
            onChange={(e) => set({ overlapPercent: Math.min(100, Math.max(1, Number(e.target.value) || 90)) })}
          />
        </label>
        <label>
          Consensus coder
          <input value={choices.consensusCoder} maxLength={100} onChange={(e) => set({ consensusCoder: e.target.value })} />
        </label>
      </div>
    </fieldset>
  );
}
