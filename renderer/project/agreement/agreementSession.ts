/**
 * The agreement view's state for the session, outside React: the last comparison and the
 * stretches the analyst left uncoded in the consensus. The view is a dialog the analyst closes
 * to read a stretch in its document and opens again: it finds everything as it was.
 *
 * Leaving a stretch uncoded writes nothing when the consensus coder has nothing there (there is
 * no row to write), so that decision is remembered here, for the session only.
 */
import type { Stretch } from '../../domain/agreement/resultColumns';
import type { AgreementRun } from './agreementJob';

/** A comparison as the view keeps it: with the consensus coder it resolves into, and when it was computed. */
export interface SessionRun extends AgreementRun {
  consensusCoder: string;
  computedAt: string;
}

export interface AgreementSessionState {
  run: SessionRun | null;
  /** Keys of stretches left uncoded in the consensus (see stretchKey). */
  leftUncoded: ReadonlySet<string>;
}

export const stretchKey = (s: Stretch) => `${s.documentId}\u0000${s.codeId}\u0000${s.start}\u0000${s.end}`;

export class AgreementSession {
  private state: AgreementSessionState = { run: null, leftUncoded: new Set() };
  private readonly listeners = new Set<() => void>();

  getSnapshot = (): AgreementSessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setRun(run: SessionRun): void {
    this.update({ run, leftUncoded: new Set() });
  }

  setLeftUncoded(stretch: Stretch, left: boolean): void {
    const next = new Set(this.state.leftUncoded);
    if (left) next.add(stretchKey(stretch));
    else next.delete(stretchKey(stretch));
    this.update({ ...this.state, leftUncoded: next });
  }

  private update(state: AgreementSessionState): void {
    this.state = state;
    for (const l of this.listeners) l();
  }
}

export const agreementSession = new AgreementSession();
