/**
 * A total over every listed document, kept current part by part: each document's part is
 * remembered by identity, and when a document's part is a new object (its segments, its text
 * or the coder restriction changed) the old part is taken out and the new one put in. After
 * one coding a total then costs one document's part and a look at the others', not a sum of
 * a thousand.
 */
export class PartSum<P> {
  private readonly parts = new Map<string, P>();

  /** `add` puts a part into the total (sign 1) or takes it out (sign −1). */
  constructor(private readonly add: (part: P, sign: 1 | -1) => void) {}

  /** Brings the total up to date with each document's current part. */
  update(documentIds: readonly string[], partOf: (documentId: string) => P): void {
    for (const id of documentIds) {
      const part = partOf(id);
      const before = this.parts.get(id);
      if (before === part) continue;
      if (before !== undefined) this.add(before, -1);
      this.add(part, 1);
      this.parts.set(id, part);
    }
  }
}

/** into += sign × part, element by element. */
export function addInto(into: Int32Array, part: Int32Array, sign: 1 | -1): void {
  for (let i = 0; i < part.length; i++) into[i]! += sign * part[i]!;
}
