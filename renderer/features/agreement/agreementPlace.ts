/**
 * Where the analyst was in the agreement results when "Show in text" closed the view: the
 * stretch shown and how much of the list was open. Opening the view again for the same
 * comparison goes back there, so walking through the disagreements one by one never starts
 * again at the top. For the session only, like the comparison itself.
 */
export interface AgreementPlace {
  /** The comparison it belongs to (SessionRun.computedAt): a new comparison starts at the top. */
  computedAt: string;
  /** stretchKey of the stretch last shown in its document. */
  shownKey: string;
  /** How many stretches the list had open ("Show more"). */
  listed: number;
}

let place: AgreementPlace | null = null;

export function rememberPlace(next: AgreementPlace): void {
  place = next;
}

/** The place kept for this comparison, or null. */
export function placeFor(computedAt: string): AgreementPlace | null {
  return place?.computedAt === computedAt ? place : null;
}
