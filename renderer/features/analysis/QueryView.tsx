/** Coding queries: the builder (operator, codes, distance, exclusion, memo text) and the passages it finds, live. */
import { useMemo, useState } from 'react';
import type { Segment } from '../../domain/model';
import { useProject } from '../../ui/ProjectContext';
import { CodePicker } from './CodePicker';
import { EMPTY_DRAFT, OPERATORS, queryOf, takesTwoSides, type QueryDraft } from './queryDraft';
import { restrictionOf, type RestrictionChoice } from './restriction';
import { ResultsList } from './ResultsList';
import { useAnswer, useAnalysisStatus } from './useAnalysis';

interface Props {
  active: boolean;
  choice: RestrictionChoice;
  coders: readonly string[] | null;
  titles: ReadonlyMap<string, string>;
  onReveal: (segment: Segment) => void;
}

export function QueryView({ active, choice, coders, titles, onReveal }: Props) {
  const { codes } = useProject();
  const [draft, setDraft] = useState<QueryDraft>(EMPTY_DRAFT);
  const set = (patch: Partial<QueryDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const query = queryOf(draft);
  const restriction = restrictionOf(choice, coders, draft.memo);
  const key = JSON.stringify([query, restriction]);
  const request = useMemo(() => (active && query ? { kind: 'query' as const, query, restriction } : null), [key, active]); // eslint-disable-line react-hooks/exhaustive-deps
  const { answer, error, busy } = useAnswer(request, key);
  const { textsRead, textsTotal } = useAnalysisStatus();
  const two = takesTwoSides(draft.operator);
  const operator = OPERATORS.find((o) => o.id === draft.operator)!;

  return (
    <div className="query-view">
      <form className="query-builder" aria-label="Query" onSubmit={(e) => e.preventDefault()}>
        <label>
          Find passages coded with
          <select value={draft.operator} onChange={(e) => set({ operator: e.target.value as QueryDraft['operator'] })} aria-describedby="operator-hint">
            {OPERATORS.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <p id="operator-hint" className="hint">
          {operator.hint}
        </p>
        <div className="pickers">
          <CodePicker legend={two ? 'First codes' : 'Codes'} codes={codes} selected={draft.codes} onChange={(ids) => set({ codes: ids })} />
          {two && <CodePicker legend={draft.operator === 'near' ? 'Near codes' : 'Followed by codes'} codes={codes} selected={draft.others} onChange={(ids) => set({ others: ids })} />}
          <CodePicker legend="But not coded with" codes={codes} selected={draft.exclude} onChange={(ids) => set({ exclude: ids })} />
        </div>
        <div className="query-options">
          <label>
            <input type="checkbox" checked={draft.withSubcodes} onChange={(e) => set({ withSubcodes: e.target.checked })} />
            Include sub-codes
          </label>
          {two && (
            <label>
              Within
              <input type="number" min={0} step={1} value={draft.within} disabled={draft.sameParagraph} onChange={(e) => set({ within: Number(e.target.value) })} />
              characters
            </label>
          )}
          {draft.operator === 'near' && (
            <label>
              <input type="checkbox" checked={draft.sameParagraph} onChange={(e) => set({ sameParagraph: e.target.checked })} />
              In the same paragraph
            </label>
          )}
          {draft.exclude.length > 0 && (
            <label>
              <input type="checkbox" checked={draft.excludeOverlapping} onChange={(e) => set({ excludeOverlapping: e.target.checked })} />
              Also leave out passages that overlap them
            </label>
          )}
          <label>
            Memo contains
            <input type="search" value={draft.memo} onChange={(e) => set({ memo: e.target.value })} />
          </label>
        </div>
      </form>
      {!query && <p className="hint">Choose codes to see the passages they find.</p>}
      {query && error && <p role="alert">{error}</p>}
      {query && draft.sameParagraph && textsRead < textsTotal && (
        <p role="status">
          Reading the documents for their paragraphs… {textsRead} of {textsTotal}
        </p>
      )}
      {query && answer && (
        <div aria-busy={busy}>
          <ResultsList label="Passages found" hits={answer.hits} titles={titles} coders={coders} onReveal={onReveal} name="query-results" />
        </div>
      )}
    </div>
  );
}
