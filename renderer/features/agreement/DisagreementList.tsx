/**
 * Every stretch where the two compared coders differ on a code, in reading order: the passage,
 * who coded what, and what the consensus coder has there. Each can be shown in its document and
 * resolved into the consensus coder: accept A, accept B, or keep both (one Undo each). The
 * stretch last shown in its document is marked, and the list opens again scrolled to it with
 * the keyboard on its "Show in text" (agreementPlace.ts).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Stretch } from '../../domain/agreement/resultColumns';
import { consensusRuns, stretchStatus, type Outcome } from '../../domain/agreement/consensus';
import { runsLength } from '../../domain/agreement/runs';
import { stretchKey } from '../../project/agreement/agreementSession';
import { useProject } from '../../ui/ProjectContext';

const PAGE = 50;
const EXCERPT = 160;

interface Props {
  stretches: readonly Stretch[];
  texts: ReadonlyMap<string, string>;
  coderA: string;
  coderB: string;
  consensusCoder: string;
  leftUncoded: ReadonlySet<string>;
  codePath: (codeId: string) => string;
  documentTitle: (documentId: string) => string;
  /** The stretch last shown in its document (stretchKey), and how many stretches were listed then. */
  lastShown: { key: string; listed: number } | null;
  /** `listed`: how many stretches the list has open, to open as many again. */
  onShow: (stretch: Stretch, listed: number) => void;
  onResolve: (stretch: Stretch, outcome: Outcome) => void;
  busy: boolean;
}

function coverage(name: string, runs: Stretch['a'], stretch: Stretch): string {
  const n = runsLength(runs);
  const all = stretch.end - stretch.start;
  return n === 0 ? `${name}: not coded` : n === all ? `${name}: coded` : `${name}: ${n} of ${all} characters coded`;
}

export function DisagreementList(p: Props) {
  const { segments } = useProject();
  const [shown, setShown] = useState(() => Math.max(PAGE, p.lastShown?.listed ?? 0));
  const lastShownItem = useRef<HTMLLIElement>(null);
  // Back from the text: the stretch shown last is where the analyst carries on.
  useEffect(() => {
    // After the dialog has opened (its own effect runs after this one's) and focused its first control.
    const frame = requestAnimationFrame(() => {
      const item = lastShownItem.current;
      if (!item) return;
      item.scrollIntoView({ block: 'center' });
      item.querySelector<HTMLButtonElement>('button')?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, []);
  const statuses = useMemo(() => {
    // Only documents where the consensus coder coded something need a look at their segments.
    const withConsensus = new Set<string>();
    for (const s of segments.all()) if (s.codings.some((c) => c.coder === p.consensusCoder)) withConsensus.add(s.documentId);
    return p.stretches.map((st) => {
      const status = withConsensus.has(st.documentId) ? stretchStatus(st, consensusRuns(segments.inDocument(st.documentId), st, p.consensusCoder)) : 'open';
      return status === 'open' && p.leftUncoded.has(stretchKey(st)) ? 'uncoded' : status;
    });
  }, [segments, p.stretches, p.consensusCoder, p.leftUncoded]);
  const open = statuses.filter((s) => s === 'open').length;
  const statusText = (s: (typeof statuses)[number]) =>
    s === 'open'
      ? 'Open'
      : s === 'uncoded'
        ? 'Resolved: left uncoded'
        : s === 'a'
          ? `Resolved: ${p.coderA}’s coding`
          : s === 'b'
            ? `Resolved: ${p.coderB}’s coding`
            : s === 'both'
              ? 'Resolved: both codings'
              : `The consensus coder coded it otherwise`;

  return (
    <section className="disagreements" aria-labelledby="disagreements-title">
      <h3 id="disagreements-title">Disagreements</h3>
      <p role="status" className="disagreement-count">
        {p.stretches.length} stretch{p.stretches.length === 1 ? '' : 'es'} where {p.coderA} and {p.coderB} differ; {open} open.
      </p>
      <ol className="disagreement-list" aria-label="Stretches where the coders differ">
        {p.stretches.slice(0, shown).map((st, i) => {
          const text = p.texts.get(st.documentId) ?? '';
          const quote = text.slice(st.start, Math.min(st.end, st.start + EXCERPT)) + (st.end - st.start > EXCERPT ? '…' : '');
          const oneSided = st.a.length === 0 || st.b.length === 0;
          const key = stretchKey(st);
          const last = key === p.lastShown?.key;
          return (
            <li
              key={key}
              ref={last ? lastShownItem : undefined}
              aria-label={`${p.codePath(st.codeId)}: ${quote}`}
              aria-current={last ? 'true' : undefined}
              className={last ? 'last-shown' : undefined}
            >
              <blockquote className="stretch-quote">{quote}</blockquote>
              <p className="stretch-meta">
                {p.codePath(st.codeId)} · {p.documentTitle(st.documentId)} · {coverage(p.coderA, st.a, st)} · {coverage(p.coderB, st.b, st)}
              </p>
              <p className="stretch-status" data-status={statuses[i]}>
                {statusText(statuses[i]!)}
                {last ? ' · last shown in text' : ''}
              </p>
              <div className="stretch-actions">
                <button type="button" onClick={() => p.onShow(st, shown)}>
                  Show in text
                </button>
                <button type="button" disabled={p.busy} onClick={() => p.onResolve(st, 'a')}>
                  Accept {p.coderA}
                </button>
                <button type="button" disabled={p.busy} onClick={() => p.onResolve(st, 'b')}>
                  Accept {p.coderB}
                </button>
                {!oneSided && (
                  <button type="button" disabled={p.busy} onClick={() => p.onResolve(st, 'both')}>
                    Keep both
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {p.stretches.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + PAGE)}>
          Show more ({p.stretches.length - shown} left)
        </button>
      )}
    </section>
  );
}
