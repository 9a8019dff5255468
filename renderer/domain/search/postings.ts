/**
 * Where each word occurs: for every vocabulary id, the positions of its occurrences as global
 * word numbers (documents laid end to end), in one array (compressed sparse rows). A rare
 * word's hits are then found without reading the other eight million words. Built from the
 * documents' word ids in two passes, after documents were added or removed.
 */

/** A document as the index holds it: its text and its words. */
export interface IndexedDocument {
  id: string;
  text: string;
  /** Vocabulary id, start and end (UTF-16, in `text`) of each word. */
  ids: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}

export class Postings {
  private slots: Map<string, number> | null = null;

  private constructor(
    readonly documents: readonly IndexedDocument[],
    /** Global number of each document's first word, plus the total at the end. */
    readonly bases: Int32Array,
    /** Start of each word's positions in `positions`, plus the total at the end. */
    private readonly offsets: Int32Array,
    private readonly positions: Int32Array,
  ) {}

  static build(documents: readonly IndexedDocument[], vocabularySize: number): Postings {
    const bases = new Int32Array(documents.length + 1);
    const offsets = new Int32Array(vocabularySize + 1);
    documents.forEach((d, slot) => {
      bases[slot + 1] = bases[slot]! + d.ids.length;
      for (let i = 0; i < d.ids.length; i++) offsets[d.ids[i]! + 1]!++;
    });
    for (let w = 0; w < vocabularySize; w++) offsets[w + 1]! += offsets[w]!;
    const next = offsets.slice(0, vocabularySize);
    const positions = new Int32Array(bases[documents.length]!);
    documents.forEach((d, slot) => {
      const base = bases[slot]!;
      for (let i = 0; i < d.ids.length; i++) positions[next[d.ids[i]!]!++] = base + i;
    });
    return new Postings(documents, bases, offsets, positions);
  }

  get size(): number {
    return this.positions.length;
  }

  /** A document's place in `documents` (and `bases`). */
  slotOf(documentId: string): number | undefined {
    this.slots ??= new Map(this.documents.map((d, slot) => [d.id, slot]));
    return this.slots.get(documentId);
  }

  /** How often a word occurs. */
  count(word: number): number {
    return word + 1 < this.offsets.length ? this.offsets[word + 1]! - this.offsets[word]! : 0;
  }

  /** The global positions of the words, ascending. */
  positionsOf(words: readonly number[]): Int32Array {
    if (words.length === 1) {
      const w = words[0]!;
      return w + 1 < this.offsets.length ? this.positions.subarray(this.offsets[w], this.offsets[w + 1]) : new Int32Array(0);
    }
    let total = 0;
    for (const w of words) total += this.count(w);
    const out = new Int32Array(total);
    let at = 0;
    for (const w of words) {
      const n = this.count(w);
      if (n) out.set(this.positions.subarray(this.offsets[w], this.offsets[w]! + n), at);
      at += n;
    }
    return out.sort();
  }
}
