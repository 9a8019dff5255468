/**
 * Totals over documents for one coder restriction: per code and level the codings, segments,
 * documents with the code, covered characters and words, the same per coder, and co-occurrence
 * per distance. Each total is a PartSum, so the engine keeps one Totals over every listed
 * document and corrects it by the changed document's part after a coding, and builds a fresh
 * one for an answer restricted to some documents.
 */
import type { PairTally } from './cooccurrence';
import type { Coverage } from './coverage';
import { addInto, PartSum } from './sums';
import type { CodeCounts, CoderTally } from './tally';

export interface PairTotal {
  /** [level × codes² + a × codes + b], a < b only: co-occurrences, segments taking part, segments carrying both (see cooccurrence.ts). */
  pairs: Int32Array;
  involved: Int32Array;
  same: Int32Array;
  sum: PartSum<PairTally>;
}

export class Totals {
  /** [level × codes + code] */
  readonly codings: Int32Array;
  readonly segments: Int32Array;
  readonly documentsWith: Int32Array;
  readonly chars: Int32Array;
  readonly words: Int32Array;
  /** By the engine's coder numbers. */
  readonly coders = new Map<number, CoderTally>();
  readonly counted: PartSum<CodeCounts>;
  readonly covered: PartSum<Coverage>;
  readonly byCoder: PartSum<Map<number, CoderTally>>;
  private readonly pairTotals = new Map<string, PairTotal>();

  constructor(private readonly codeCount: number) {
    const size = 2 * codeCount;
    this.codings = new Int32Array(size);
    this.segments = new Int32Array(size);
    this.documentsWith = new Int32Array(size);
    this.chars = new Int32Array(size);
    this.words = new Int32Array(size);
    this.counted = new PartSum((part, sign) => {
      addInto(this.codings, part.codings, sign);
      addInto(this.segments, part.segments, sign);
      for (let i = 0; i < size; i++) if (part.segments[i]) this.documentsWith[i]! += sign;
    });
    this.covered = new PartSum((part, sign) => {
      addInto(this.chars, part.chars, sign);
      addInto(this.words, part.words, sign);
    });
    this.byCoder = new PartSum((part, sign) => {
      for (const [coder, c] of part) {
        let total = this.coders.get(coder);
        if (!total) this.coders.set(coder, (total = { codings: new Int32Array(size), segments: new Int32Array(size) }));
        addInto(total.codings, c.codings, sign);
        addInto(total.segments, c.segments, sign);
      }
    });
  }

  /** Co-occurrence at one distance (by its key). */
  pairsAt(distance: string): PairTotal {
    let total = this.pairTotals.get(distance);
    if (!total) {
      const square = this.codeCount * this.codeCount;
      const pairs = new Int32Array(2 * square);
      const involved = new Int32Array(2 * square);
      const same = new Int32Array(2 * square);
      const sum = new PartSum<PairTally>((tally, sign) => {
        for (let i = 0; i < tally.keys.length; i++) {
          pairs[tally.keys[i]!]! += sign * tally.pairs[i]!;
          involved[tally.keys[i]!]! += sign * tally.involved[i]!;
          same[tally.keys[i]!]! += sign * tally.same[i]!;
        }
      });
      this.pairTotals.set(distance, (total = { pairs, involved, same, sum }));
    }
    return total;
  }
}
