/**
 * The coder filter the views share (highlights, stripes, codebook counts, retrieval): which
 * coders' codings they show. Outside React, like the rest of the project layer; the window
 * reads it through ui/useCoderFilter.ts, which combines it with the current coder and blind
 * coding from the settings. Kept for the session: a filter is a way of looking, not project data.
 */
import { ALL_CODERS, type CoderFilterChoice } from '../domain/coderFilter';

export class CoderFilter {
  private choice: CoderFilterChoice = ALL_CODERS;
  private readonly listeners = new Set<() => void>();

  getSnapshot = (): CoderFilterChoice => this.choice;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(choice: CoderFilterChoice): void {
    this.choice = choice;
    for (const l of this.listeners) l();
  }
}

/** The window's one coder filter. */
export const coderFilter = new CoderFilter();
