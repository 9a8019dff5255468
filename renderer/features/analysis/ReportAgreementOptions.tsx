/** The report's inter-coder agreement choice: left out, the two chosen coders, or every pair of coders. */
import { useId } from 'react';
import type { AgreementChoice } from './report/reportAgreement';

interface Props {
  choice: AgreementChoice | null;
  onChange: (choice: AgreementChoice | null) => void;
  /** Coders with codings, most codings first. */
  coders: readonly string[];
}

/** The consensus coder resolves disagreements: not one to compare by default. */
const CONSENSUS = 'consensus';

export function defaultAgreement(coders: readonly string[]): AgreementChoice {
  const compared = coders.filter((c) => c !== CONSENSUS);
  const two = (compared.length >= 2 ? compared : coders).slice(0, 2);
  return { pairs: 'two', pair: [two[0] ?? '', two[1] ?? ''] };
}

export function ReportAgreementOptions({ choice, onChange, coders }: Props) {
  const name = useId();
  const enough = coders.length >= 2;
  const pairCount = (coders.length * (coders.length - 1)) / 2;
  const setPair = (side: 0 | 1, coder: string) => {
    if (!choice) return;
    onChange({ ...choice, pair: side === 0 ? [coder, choice.pair[1]] : [choice.pair[0], coder] });
  };
  return (
    <fieldset>
      <legend>Inter-coder agreement</legend>
      <label>
        <input type="checkbox" checked={choice !== null} disabled={!enough} onChange={(e) => onChange(e.target.checked ? defaultAgreement(coders) : null)} />
        Agreement by code (percentage, Cohen’s κ, Krippendorff’s α)
      </label>
      {!enough && <p className="hint">Needs the codings of two or more coders.</p>}
      {choice && (
        <>
          <label>
            <input type="radio" name={name} checked={choice.pairs === 'two'} onChange={() => onChange({ ...choice, pairs: 'two' })} />
            Two coders
          </label>
          {choice.pairs === 'two' && (
            <div className="report-agreement-pair">
              {(['A', 'B'] as const).map((side, i) => (
                <label key={side}>
                  Coder {side}
                  <select value={choice.pair[i]} onChange={(e) => setPair(i as 0 | 1, e.target.value)}>
                    {coders.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
          )}
          <label>
            <input type="radio" name={name} checked={choice.pairs === 'every'} onChange={() => onChange({ ...choice, pairs: 'every' })} />
            Every pair of coders ({pairCount} {pairCount === 1 ? 'pair' : 'pairs'})
          </label>
          {choice.pairs === 'two' && choice.pair[0] === choice.pair[1] && <p className="hint">Choose two different coders.</p>}
          <p className="hint">Over the codes chosen above (every code when none is), in the documents both coders coded.</p>
        </>
      )}
    </fieldset>
  );
}
