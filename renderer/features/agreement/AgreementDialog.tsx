/**
 * Inter-coder agreement: choose coders, codes and documents, compare (computed off the main
 * thread), read the table per code, overall and per document, export it as CSV, and walk the
 * disagreements into a consensus coder. It takes the whole window. Closing it to read a stretch in
 * its document ("Show in text") and opening it again finds the comparison as it was
 * (project/agreement/agreementSession.ts), scrolled back to that stretch (agreementPlace.ts);
 * meanwhile a bar over the text steps through the disagreements (AgreementWalk.tsx).
 */
import { plural } from '../../../common/plural';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { stretchesOf, type Stretch } from '../../domain/agreement/resultColumns';
import { outcomeRuns, type Outcome } from '../../domain/agreement/consensus';
import { codePath, codesById } from '../../domain/codeTree';
import type { Segment } from '../../domain/model';
import { documentsInScope, runAgreement, type DocumentScope } from '../../project/agreement/agreementJob';
import { agreementSession, stretchKey } from '../../project/agreement/agreementSession';
import { resolveDisagreement } from '../../project/agreement/consensus';
import { Modal } from '../../ui/Modal';
import { useProject, useServices } from '../../ui/ProjectContext';
import type { CorpusState } from '../../ui/useCorpus';
import { useCoders } from '../../ui/useCoders';
import { agreementCsv } from './agreementCsv';
import { AgreementOptions, type AgreementChoices } from './AgreementOptions';
import { AgreementTables } from './AgreementTables';
import { placeFor, rememberPlace } from './agreementPlace';
import { stretchSegment } from './revealStretch';
import { DisagreementList } from './DisagreementList';
import { countText } from './figures';
import './agreement.css';
import { errorMessage } from '../../../common/errorMessage';

const CONSENSUS = 'consensus';

interface Props {
  corpus: CorpusState;
  onRevealSegment: (segment: Segment) => void;
  /** A stretch was shown in its document: the view gives way to it (and to the walk bar). */
  onShownInText: () => void;
  onClose: () => void;
}

export function AgreementDialog({ corpus, onRevealSegment, onShownInText, onClose }: Props) {
  const { store, api } = useServices();
  const { codes, segments, settings } = useProject();
  const coders = useCoders();
  const session = useSyncExternalStore(agreementSession.subscribe, agreementSession.getSnapshot);
  const run = session.run;
  const [choices, setChoices] = useState<AgreementChoices>(() => {
    if (run) {
      const r = run.request;
      return { coders: [...r.coders], pair: [...r.pair], codeIds: [...r.codeIds], scope: r.scope, overlapPercent: Math.round(r.overlap * 100), consensusCoder: run.consensusCoder };
    }
    // The two coders with most codings (the consensus coder is not one to compare).
    const ranked = [...segments.coderCounts].filter(([name]) => name !== CONSENSUS).sort((a, b) => b[1] - a[1]).map(([name]) => name);
    const two = ranked.slice(0, 2).sort((a, b) => a.localeCompare(b));
    return { coders: two, pair: [two[0] ?? '', two[1] ?? ''], codeIds: codes.map((c) => c.id), scope: 'every', overlapPercent: 90, consensusCoder: CONSENSUS };
  });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const blind = settings.blindCoding === true;
  const stretches = useMemo(() => (run ? stretchesOf(run.result) : []), [run]);
  // Read once, when the view opens: where "Show in text" left the analyst in these results.
  const [place] = useState(() => (run ? placeFor(run.computedAt) : null));

  const byId = useMemo(() => codesById(codes), [codes]);
  const pathOf = (id: string) => (byId.has(id) ? codePath(byId, id) : id);
  const titles = useMemo(() => new Map(corpus.documents.map((d) => [d.id, d.title])), [corpus.documents]);
  const titleOf = (id: string) => titles.get(id) ?? id;
  const scopeCounts = useMemo(() => {
    const count = (scope: DocumentScope) => documentsInScope(corpus.documents, segments, choices.coders, scope).length;
    return { every: count('every'), any: count('any'), all: corpus.documents.length };
  }, [corpus.documents, segments, choices.coders]);

  const problem =
    choices.coders.length < 2
      ? 'Choose two or more coders.'
      : choices.pair[0] === choices.pair[1]
        ? 'Choose two different coders as A and B.'
        : choices.codeIds.length === 0
          ? 'Choose one or more codes.'
          : !choices.consensusCoder.trim() || choices.coders.includes(choices.consensusCoder.trim())
            ? 'Name a consensus coder who is not one of the compared coders.'
            : null;

  async function compare() {
    setError(null);
    setSaved(null);
    setBusy('Comparing…');
    try {
      if (blind) await store.saveSettings({ ...store.getSnapshot().settings, blindCoding: false });
      const next = await runAgreement(store, corpus.documents, corpus.loadText, {
        coders: choices.coders,
        pair: choices.pair,
        codeIds: choices.codeIds,
        scope: choices.scope,
        overlap: choices.overlapPercent / 100,
      });
      agreementSession.setRun({ ...next, consensusCoder: choices.consensusCoder.trim(), computedAt: new Date().toISOString() });
    } catch (err) {
      setError(`The comparison failed: ${errorMessage(err)}`);
    } finally {
      setBusy(null);
    }
  }

  async function exportCsv() {
    if (!run) return;
    setSaved(null);
    try {
      const content = await agreementCsv(run.result, { coderA: run.request.pair[0], coderB: run.request.pair[1], codePath: pathOf, documentTitle: titleOf });
      const result = await api.saveExport({ suggestedName: `marginalia-agreement-${new Date().toISOString().slice(0, 10)}.csv`, mimeType: 'text/csv', content });
      setSaved(result.saved ? `Saved ${result.location ?? 'the table'}.` : 'Export cancelled: nothing was saved.');
    } catch (err) {
      setError(`The export failed: ${errorMessage(err)}`);
    }
  }

  function show(stretch: Stretch, listed: number) {
    if (!run) return;
    rememberPlace({ computedAt: run.computedAt, shownKey: stretchKey(stretch), listed });
    const segment = stretchSegment(segments, stretch, run.request.pair);
    if (segment) onRevealSegment(segment);
    onShownInText();
  }

  async function resolve(stretch: Stretch, outcome: Outcome) {
    if (!run) return;
    const doc = run.documents.find((d) => d.id === stretch.documentId);
    const text = run.texts.get(stretch.documentId);
    if (!doc || text === undefined) return;
    const [a, b] = run.request.pair;
    const label = `Consensus ${pathOf(stretch.codeId)}: ${outcome === 'both' ? 'keep both' : `accept ${outcome === 'a' ? a : b}`}`;
    setBusy('Resolving…');
    try {
      const stored = await resolveDisagreement(store, { id: doc.id, sha256: doc.sha256, text }, stretch, outcome, run.consensusCoder, label);
      if (stored) agreementSession.setLeftUncoded(stretch, outcomeRuns(stretch, outcome).length === 0);
      else setError(store.getSnapshot().error ?? 'The consensus could not be stored.');
    } finally {
      setBusy(null);
    }
  }

  return (
    <Modal title="Agreement" onClose={onClose} className="agreement-dialog">
      {blind && (
        <p className="agreement-blind">
          Blind coding is on: other coders’ codings are hidden while you code. Comparing turns it off and shows them.
        </p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!problem && !busy) void compare();
        }}
      >
        <AgreementOptions choices={choices} onChange={setChoices} coders={coders} codes={codes} scopeCounts={scopeCounts} disabled={!!busy} />
        <div className="dialog-buttons">
          {problem && <span className="exchange-hint">{problem}</span>}
          <button type="submit" className="primary" disabled={!!problem || !!busy}>
            {blind ? 'Turn off blind coding and compare' : 'Compare'}
          </button>
        </div>
      </form>
      <div role="status" className="exchange-status">
        {busy}
        {saved}
      </div>
      <div role="alert" className={error ? 'exchange-error' : undefined}>
        {error}
      </div>
      {run && (
        <section className="agreement-results" aria-label="Agreement results">
          <p>
            {run.request.pair[0]} (A) and {run.request.pair[1]} (B){run.request.coders.length > 2 ? `; α over ${run.request.coders.join(', ')}` : ''}: {run.documents.length}{' '}
            document{run.documents.length === 1 ? '' : 's'}, {countText(run.result.characters)} characters, {run.request.codeIds.length} code
            {run.request.codeIds.length === 1 ? '' : 's'}; segments match at {Math.round(run.request.overlap * 100)}% overlap.
            {run.unplaced > 0 ? ` ${plural(run.unplaced, 'coding whose passage is no longer in the text was', 'codings whose passage is no longer in the text were')} left out.` : ''}
          </p>
          <AgreementTables key={run.computedAt} result={run.result} coderA={run.request.pair[0]} coderB={run.request.pair[1]} codePath={pathOf} documentTitle={titleOf} />
          <div className="dialog-buttons">
            <button type="button" onClick={() => void exportCsv()}>
              Export table (CSV)
            </button>
          </div>
          <DisagreementList
            key={`${run.computedAt}-list`}
            stretches={stretches}
            texts={run.texts}
            coderA={run.request.pair[0]}
            coderB={run.request.pair[1]}
            consensusCoder={run.consensusCoder}
            leftUncoded={session.leftUncoded}
            lastShown={place && place.computedAt === run.computedAt ? { key: place.shownKey, listed: place.listed } : null}
            codePath={pathOf}
            documentTitle={titleOf}
            onShow={show}
            onResolve={(s, o) => void resolve(s, o)}
            busy={!!busy}
          />
        </section>
      )}
    </Modal>
  );
}
