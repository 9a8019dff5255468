/**
 * Two coders, one code, every character a unit (NVivo's coding comparison): the 2 × 2 table of
 * characters coded by both, by one only, by neither; percentage agreement and Cohen's kappa.
 * Undefined figures are null, never 0 or NaN: the caller says why (see kappaUndefinedReason).
 */
import { intersectionLength, runsLength, type Runs } from './runs';

/** Characters of a document (or the sum over documents) by who coded them with the code. */
export interface CharacterTable {
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
}

export const emptyTable = (): CharacterTable => ({ both: 0, onlyA: 0, onlyB: 0, neither: 0 });

export function characterTable(a: Runs, b: Runs, length: number): CharacterTable {
  const both = intersectionLength(a, b);
  const onlyA = runsLength(a) - both;
  const onlyB = runsLength(b) - both;
  return { both, onlyA, onlyB, neither: length - both - onlyA - onlyB };
}

export function addTable(sum: CharacterTable, t: CharacterTable): void {
  sum.both += t.both;
  sum.onlyA += t.onlyA;
  sum.onlyB += t.onlyB;
  sum.neither += t.neither;
}

export const tableSize = (t: CharacterTable) => t.both + t.onlyA + t.onlyB + t.neither;

/** Share of characters both coders treated alike (coded by both or by neither); null without characters. */
export function percentAgreement(t: CharacterTable): number | null {
  const n = tableSize(t);
  return n === 0 ? null : ((t.both + t.neither) / n) * 100;
}

/**
 * Why kappa is undefined for this table, or null when it is defined. Kappa needs each coder to
 * have used both categories (coded and not coded): with one coder constant, the table has a
 * single row or column and (po − pe) / (1 − pe) is 0/0 when both are constant, and 0 whatever
 * the other coder did when one is — a number that says nothing about agreement (SPSS refuses
 * to compute it for the same reason).
 */
export function kappaUndefinedReason(t: CharacterTable, nameA: string, nameB: string): string | null {
  const n = tableSize(t);
  if (n === 0) return 'no characters';
  const usedA = t.both + t.onlyA;
  const usedB = t.both + t.onlyB;
  if (usedA === 0 && usedB === 0) return 'neither coder used the code';
  if (usedA === 0) return `${nameA} never used the code`;
  if (usedB === 0) return `${nameB} never used the code`;
  if (usedA === n) return `${nameA} coded every character`;
  if (usedB === n) return `${nameB} coded every character`;
  return null;
}

/**
 * Cohen's kappa (1960): κ = (po − pe) / (1 − pe), po the observed share of agreeing
 * characters, pe the agreement expected from each coder's own share of coded characters:
 * pe = pA·pB + (1 − pA)(1 − pB). Null when undefined (see kappaUndefinedReason).
 */
export function cohensKappa(t: CharacterTable): number | null {
  if (kappaUndefinedReason(t, 'A', 'B') !== null) return null;
  const n = tableSize(t);
  const pA = (t.both + t.onlyA) / n;
  const pB = (t.both + t.onlyB) / n;
  const po = (t.both + t.neither) / n;
  const pe = pA * pB + (1 - pA) * (1 - pB);
  return (po - pe) / (1 - pe);
}
