/** Code frequencies: codings, segments, documents and the share of the text coded, per code and per coder. */
import { useMemo, useState } from 'react';
import { useProject, useServices } from '../../ui/ProjectContext';
import { DataTable } from './DataTable';
import { coderRows, frequencyCsv, frequencyRows, FREQUENCY_HEADER } from './frequencyTable';
import { restrictionOf, type RestrictionChoice } from './restriction';
import { fileName, saveText, savedMessage } from './saveFile';
import { toCsv } from './tableCsv';
import { useAnswer, useAnalysisStatus } from './useAnalysis';
import { errorMessage } from '../../../common/errorMessage';

interface Props {
  active: boolean;
  choice: RestrictionChoice;
  coders: readonly string[] | null;
}

export function FrequenciesView({ active, choice, coders }: Props) {
  const { codes } = useProject();
  const { api, host } = useServices();
  const { textsRead, textsTotal } = useAnalysisStatus();
  const [withSubcodes, setWithSubcodes] = useState(false);
  const [message, setMessage] = useState('');
  const restriction = restrictionOf(choice, coders);
  const key = JSON.stringify(restriction);
  const request = useMemo(() => (active ? { kind: 'frequencies' as const, restriction } : null), [key, active]); // eslint-disable-line react-hooks/exhaustive-deps
  const { answer, error } = useAnswer(request, key);
  const rows = useMemo(() => (answer ? frequencyRows(answer, codes, withSubcodes) : []), [answer, codes, withSubcodes]);
  const byCoder = useMemo(() => (answer ? coderRows(answer, codes, withSubcodes) : null), [answer, codes, withSubcodes]);

  const save = async (what: 'codes' | 'coders') => {
    if (!answer) return;
    const table = what === 'codes' ? frequencyCsv(answer, codes) : coderRows(answer, codes, withSubcodes);
    try {
      setMessage(savedMessage(await saveText(api, fileName(`frequencies${what === 'coders' ? '-by-coder' : ''}`, 'csv'), 'text/csv', toCsv(table.header, table.rows)), host));
    } catch (err) {
      setMessage(`Could not save: ${errorMessage(err)}`);
    }
  };

  return (
    <div className="frequencies-view">
      <div className="view-options">
        <label>
          <input type="checkbox" checked={withSubcodes} onChange={(e) => setWithSubcodes(e.target.checked)} />
          Count sub-codes with their parent
        </label>
        <button type="button" onClick={() => void save('codes')} disabled={!answer}>
          Save table (CSV)
        </button>
        <button type="button" onClick={() => void save('coders')} disabled={!answer}>
          Save per coder (CSV)
        </button>
        <span role="status">{message}</span>
      </div>
      {error && <p role="alert">{error}</p>}
      {answer && (
        <>
          <p className="hint">
            {answer.documents} documents
            {answer.textChars !== null
              ? `, ${answer.textChars.toLocaleString()} characters and ${answer.textWords?.toLocaleString()} words of text.`
              : ` — reading their texts for the shares of text coded (${textsRead} of ${textsTotal})…`}
          </p>
          <div className="table-scroll">
            <DataTable caption={`Code frequencies${withSubcodes ? ', with sub-codes' : ''}`} header={FREQUENCY_HEADER} rows={rows.map((r) => r.cells)} />
          </div>
          {byCoder && answer.coders.length > 0 && (
            <div className="table-scroll">
              <DataTable caption="Codings and segments per coder" header={byCoder.header} rows={byCoder.rows} />
            </div>
          )}
        </>
      )}
    </div>
  );
}
