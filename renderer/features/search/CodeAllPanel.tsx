/**
 * "Code all hits": the included hits (or their sentences, paragraphs, or ±N characters) coded
 * with an existing or a new code as one undoable change, after a preview of what it will do,
 * then a report ("412 codings in 37 documents; 3 already coded"). No code is chosen until the
 * analyst picks one: a bulk action of hundreds of codings must not default to whichever code
 * happens to be first in the codebook.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { flattenTree } from '../../domain/codeTree';
import { codeHitsReportText } from '../../domain/search/codeHits';
import type { HitSpanRule } from '../../domain/search/hitSpans';
import { codeAll, prepareHits, previewCodeAll, type CodeChoice, type Prepared } from '../../project/search/codeAllHits';
import type { CorpusSearch } from '../../project/search/corpusSearch';
import { includedHits } from '../../project/search/exportResults';
import type { SearchSummary } from '../../project/search/protocol';
import { useProject, useServices } from '../../ui/ProjectContext';
import { errorMessage } from '../../../common/errorMessage';

const NEW_CODE = '\u0000new';
/** The select's value before the analyst picks a code. */
const NO_CODE = '';
const RULES: Array<{ rule: HitSpanRule; label: string }> = [
  { rule: 'hit', label: 'The hit itself' },
  { rule: 'sentence', label: 'Its sentence' },
  { rule: 'paragraph', label: 'Its paragraph (line)' },
  { rule: 'around', label: 'The hit ± characters' },
];

interface Props {
  search: CorpusSearch;
  result: SearchSummary;
  excluded: ReadonlySet<number>;
  included: number;
}

export function CodeAllPanel({ search, result, excluded, included }: Props) {
  const { store, corpus } = useServices();
  const { codes, segments, documents } = useProject();
  const tree = useMemo(() => flattenTree(codes), [codes]);
  const [codeId, setCodeId] = useState(NO_CODE);
  const whyId = useId();
  const [newName, setNewName] = useState('');
  const [rule, setRule] = useState<HitSpanRule>('hit');
  const [around, setAround] = useState(100);
  const [prepared, setPrepared] = useState<Prepared[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<string | null>(null);
  const choice: CodeChoice = codeId === NEW_CODE ? { newName: newName.trim() } : { codeId };
  // A code deleted (or undone) since it was picked is no choice at all.
  const chosen = codeId === NEW_CODE || codes.some((c) => c.id === codeId) ? codeId : NO_CODE;

  useEffect(() => {
    let live = true;
    setPrepared(null);
    const hashes = new Map(search.listing().map((d) => [d.id, d.sha256]));
    const source = { store, loadText: (id: string) => corpus.textOf(id, documents), hashOf: (id: string) => hashes.get(id) };
    includedHits(search.client, result, excluded)
      .then((groups) => prepareHits(groups, { rule, around }, source))
      .then((p) => live && setPrepared(p))
      .catch((err: unknown) => live && setReport(`The hits could not be prepared: ${errorMessage(err)}`));
    return () => {
      live = false;
    };
  }, [search, result, excluded, rule, around, store, corpus, documents]);

  // Recounted whenever the coded segments change (e.g. after coding, or an Undo).
  const preview = useMemo(
    () => (prepared && chosen !== NO_CODE ? previewCodeAll(prepared, chosen === NEW_CODE ? { newName: '' } : { codeId: chosen }, store) : null),
    [prepared, chosen, segments, store],
  );

  const run = async () => {
    if (!prepared || chosen === NO_CODE) return;
    setBusy(true);
    setReport(null);
    const done = await codeAll(prepared, choice, store);
    setBusy(false);
    if (done) {
      setReport(codeHitsReportText(done));
      if (codeId === NEW_CODE) setNewName('');
    }
  };

  const nameMissing = chosen === NEW_CODE && !newName.trim();
  const why = chosen === NO_CODE ? 'Choose the code to apply first.' : nameMissing ? 'Name the new code first.' : null;
  return (
    <div className="code-all">
      <label>
        Code to apply
        <select value={chosen} onChange={(e) => setCodeId(e.target.value)}>
          <option value={NO_CODE} disabled>
            Choose a code…
          </option>
          {tree.map(({ code, depth }) => (
            <option key={code.id} value={code.id}>
              {'\u00a0\u00a0'.repeat(depth)}
              {code.name}
            </option>
          ))}
          <option value={NEW_CODE}>New code…</option>
        </select>
      </label>
      {chosen === NEW_CODE && (
        <label>
          New code name
          <input type="text" value={newName} onChange={(e) => setNewName(e.target.value)} />
        </label>
      )}
      <fieldset className="code-all-span">
        <legend>Code</legend>
        {RULES.map((r) => (
          <label key={r.rule}>
            <input type="radio" name="code-all-span" checked={rule === r.rule} onChange={() => setRule(r.rule)} />
            {r.label}
          </label>
        ))}
        {rule === 'around' && (
          <label>
            Characters each side
            <input type="number" min={0} max={10000} value={around} onChange={(e) => setAround(Math.max(0, Number(e.target.value) || 0))} />
          </label>
        )}
      </fieldset>
      <p className="code-all-preview" aria-live="polite">
        {chosen === NO_CODE ? null : preview === null ? 'Counting…' : `Will make ${codeHitsReportText(preview)}.`}
      </p>
      {why && (
        <p id={whyId} className="exchange-hint">
          {why}
        </p>
      )}
      <button type="button" onClick={() => void run()} disabled={busy || !prepared || why !== null || included === 0} aria-describedby={why ? whyId : undefined}>
        {busy ? 'Coding…' : `Code ${included.toLocaleString('en')} ${included === 1 ? 'hit' : 'hits'}`}
      </button>
      <p role="status" className="code-all-report">
        {report}
      </p>
    </div>
  );
}
