/**
 * Ids that come from files. They become keys of tables and of in-memory maps, so a file may only
 * bring ids of a safe shape: letters, digits and `- _ . :` (the corpus's id alphabet, see
 * common/contract.ts), at most 200 characters, and none of the names plain JavaScript objects
 * answer by themselves (`__proto__`, `constructor`, `prototype`). An id that does not fit is
 * re-issued — the same file always gets the same new id, so importing it twice merges — and
 * the import reports it, rather than refusing data that is otherwise fine.
 */
import { guidFor } from './refiQda/guid';

const SAFE_ID = /^[A-Za-z0-9_][A-Za-z0-9._:-]{0,199}$/;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

export function isSafeId(id: string): boolean {
  return SAFE_ID.test(id) && !RESERVED.has(id);
}

/** A coding's id may also hold "/" (`segment/code`, as codings converted from version 1 rows are named). */
export function isSafeCodingId(id: string): boolean {
  return id.split('/').every(isSafeId);
}

/** `id` as it would be re-issued for a row of `kind`: a GUID derived from both, so stable across imports. */
export function reissuedId(kind: string, id: string, taken: ReadonlySet<string>): string {
  let candidate = guidFor(`reissued-${kind}`, id);
  for (let n = 2; taken.has(candidate); n++) candidate = guidFor(`reissued-${kind}`, `${id}#${n}`);
  return candidate;
}

/** "__proto__" as a report shows an id: quoted, shortened, control characters made visible. */
export function shownId(id: string): string {
  return JSON.stringify(id.length > 60 ? `${id.slice(0, 60)}…` : id);
}
