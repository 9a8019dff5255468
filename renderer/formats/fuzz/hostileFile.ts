/**
 * Test support: what a generated hostile file is and what must happen to it. Every file is
 * either refused — with a message saying what is wrong with the file — or imported correctly
 * (the report saying what was changed or left out, when `report` is given).
 */
import { seededRandom } from '../../../common/testing/randomText';

export type HostileFormat = 'backup' | 'qdpx' | 'qdc';

export interface HostileFile {
  name: string;
  format: HostileFormat;
  bytes: Uint8Array;
  expect: { refused: RegExp } | { imported: RegExp | null };
  /** For a backup: replace the project or merge into it (merge unless given). */
  mode?: 'replace' | 'merge';
  /** Random damage (a flipped bit) may hit a byte nothing reads: a clear refusal is as right as an import. */
  mayRefuse?: boolean;
}

/** A seeded generator: the same seed gives the same files on every run. */
export function seeded(seed: number) {
  const next = seededRandom(seed);
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
export type Random = ReturnType<typeof seeded>;

/** Ids that plain objects answer by themselves, and shapes no id should have. */
export const HOSTILE_IDS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'a b', 'ünïcode', 'x/y', '../up', '<script>', '=cmd', ' ', 'x'.repeat(300)];

/** Named entities of HTML that XML does not have. */
export const HTML_ENTITIES = ['nbsp', 'eacute', 'copy', 'mdash', 'hellip', 'rsquo', 'euro', 'shy', 'zwj', 'reg'];
