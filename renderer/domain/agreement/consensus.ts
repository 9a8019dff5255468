/**
 * Resolving a disagreement into a consensus coder: inside a stretch where coders A and B differ
 * on a code, the consensus coder's coding of that code becomes A's, B's or both together (one
 * Change: one Undo). A's and B's own codings are never touched, so the agreement figures stay
 * those of their independent work.
 */
import type { Change } from '../change';
import { ChangeRecorder, type OpContext } from '../context';
import type { Coding, Segment } from '../model';
import { quoteSelector } from '../segments';
import type { Stretch } from './resultColumns';
import { clipRuns, NO_RUNS, runsOf, sameRuns, spansOfRuns, unionRuns, type Runs } from './runs';

export type Outcome = 'a' | 'b' | 'both';

export function outcomeRuns(stretch: Pick<Stretch, 'a' | 'b'>, outcome: Outcome): Runs {
  return outcome === 'a' ? stretch.a : outcome === 'b' ? stretch.b : unionRuns(stretch.a, stretch.b);
}

/** The consensus coder's runs of the stretch's code, inside the stretch. */
export function consensusRuns(docSegments: readonly Segment[], stretch: Stretch, consensusCoder: string): Runs {
  const spans = docSegments.filter(
    (s) => s.start < stretch.end && s.end > stretch.start && s.codings.some((c) => c.codeId === stretch.codeId && c.coder === consensusCoder),
  );
  return spans.length ? clipRuns(runsOf(spans), stretch.start, stretch.end) : NO_RUNS;
}

/**
 * What the consensus coder has in the stretch: nothing yet ('open'), one of the outcomes, or
 * something else (coded by hand).
 */
export function stretchStatus(stretch: Stretch, consensus: Runs): 'open' | Outcome | 'other' {
  if (consensus.length === 0) return 'open';
  for (const outcome of ['a', 'b', 'both'] as const) if (sameRuns(consensus, outcomeRuns(stretch, outcome))) return outcome;
  return 'other';
}

export interface ConsensusDocument {
  id: string;
  /** sha256 of `text`, stamped on new segments. */
  sha256: string;
  text: string;
}

/**
 * The change that makes the consensus coder's coding of the stretch's code equal to the
 * outcome. `docSegments` carry offsets in the current text (placed). Consensus codings lying
 * inside the stretch are replaced; a run of the outcome with the very span of an existing
 * segment gains a coding there (as applying a code does), any other becomes a new segment.
 */
export function resolveStretch(
  docSegments: readonly Segment[],
  doc: ConsensusDocument,
  stretch: Stretch,
  outcome: Outcome,
  consensusCoder: string,
  ctx: OpContext,
  label: string,
): Change {
  const wanted = spansOfRuns(outcomeRuns(stretch, outcome));
  const edited = new Map<string, Segment>();
  const current = (s: Segment) => edited.get(s.id) ?? s;
  const isConsensus = (c: Coding) => c.codeId === stretch.codeId && c.coder === consensusCoder;

  for (const s of docSegments) {
    if (s.documentId !== doc.id || s.start < stretch.start || s.end > stretch.end || !s.codings.some(isConsensus)) continue;
    const keep = wanted.some((w) => w.start === s.start && w.end === s.end);
    if (!keep) edited.set(s.id, { ...s, codings: s.codings.filter((c) => !isConsensus(c)), updatedAt: ctx.now });
  }
  const created: Segment[] = [];
  for (const w of wanted) {
    const same = docSegments.find((s) => s.documentId === doc.id && s.start === w.start && s.end === w.end);
    if (same) {
      const row = current(same);
      if (!row.codings.some(isConsensus)) {
        const coding: Coding = { id: ctx.newId(), codeId: stretch.codeId, coder: consensusCoder, createdAt: ctx.now };
        edited.set(same.id, { ...row, codings: [...row.codings, coding], updatedAt: ctx.now });
      }
      continue;
    }
    created.push({
      id: ctx.newId(),
      documentId: doc.id,
      documentHash: doc.sha256,
      start: w.start,
      end: w.end,
      ...quoteSelector(doc.text, w.start, w.end),
      codings: [{ id: ctx.newId(), codeId: stretch.codeId, coder: consensusCoder, createdAt: ctx.now }],
      memo: '',
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
  }
  const rec = new ChangeRecorder();
  for (const s of docSegments) {
    const after = edited.get(s.id);
    if (after) rec.put('segments', s.id, s, after.codings.length ? after : null);
  }
  for (const s of created) rec.put('segments', s.id, null, s);
  return rec.build(label);
}
