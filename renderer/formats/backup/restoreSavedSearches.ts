/**
 * A backup's saved searches as its restore writes them — rows of the same change as the codes
 * and segments, so one Undo takes the whole restore back.
 *
 * - replace: the backup's searches replace this project's;
 * - merge: a search whose name is new here comes in; a name already here keeps this project's
 *   search (reported when the two differ), and so does an id already here under another name.
 *
 * A search's scope names a code by id: it is mapped to the code that code is after the restore
 * (a merge may match it to an existing code of the same path). A scope code the backup does not
 * have maps to nothing: the scope drops it (the search looks anywhere in its documents), and a
 * line says so rather than leaving a search limited to a code that is not there.
 */
import type { SavedSearch } from '../../domain/model';
import type { TextScope } from '../../domain/search/savedSearch';

type CodeScope = Exclude<TextScope, { kind: 'anywhere' }>;

/** Writes one saved search row: `before` as it was here (undefined: new), `after` (null: removed). */
export type SavedSearchWrite = (id: string, before: SavedSearch | undefined, after: SavedSearch | null) => void;

/** The code a backup code is after the restore, or undefined when the restore has none. */
export type CodeIdOf = (backupCodeId: string) => string | undefined;

export function planSavedSearches(
  current: readonly SavedSearch[],
  backup: readonly SavedSearch[],
  mode: 'replace' | 'merge',
  codeIdOf: CodeIdOf,
  write: SavedSearchWrite,
  notes: string[],
): void {
  const currentById = new Map(current.map((s) => [s.id, s]));
  const incoming = backup.map((s) => withMappedScope(s, codeIdOf));
  if (mode === 'replace') {
    const kept = new Set(backup.map((s) => s.id));
    for (const search of current) if (!kept.has(search.id)) write(search.id, search, null);
    for (const { search, lostCode } of incoming) {
      write(search.id, currentById.get(search.id), search);
      if (lostCode) notes.push(lostCodeNote(search, lostCode));
    }
    return;
  }
  const currentByName = new Map(current.map((s) => [s.name, s]));
  const keptByName: string[] = [];
  for (const { search, lostCode } of incoming) {
    const sameName = currentByName.get(search.name);
    if (sameName) {
      if (!sameSearch(sameName, search)) keptByName.push(search.name);
      continue;
    }
    const sameId = currentById.get(search.id);
    if (sameId) {
      notes.push(`The backup's saved search "${search.name}" has the id of this project's "${sameId.name}"; kept this project's.`);
      continue;
    }
    write(search.id, undefined, search);
    currentByName.set(search.name, search);
    if (lostCode) notes.push(lostCodeNote(search, lostCode));
  }
  if (keptByName.length) {
    notes.push(`Kept this project's saved searches of the same names as the backup's: ${keptByName.map((n) => `"${n}"`).join(', ')}.`);
  }
}

/** The search with its scope's code mapped; `lostCode`: the scope as it was when its code mapped to nothing. */
function withMappedScope(search: SavedSearch, codeIdOf: CodeIdOf): { search: SavedSearch; lostCode: CodeScope | null } {
  const text = search.scope.text;
  if (text.kind === 'anywhere') return { search, lostCode: null };
  const codeId = codeIdOf(text.codeId);
  if (codeId === undefined) return { search: { ...search, scope: { ...search.scope, text: { kind: 'anywhere' } } }, lostCode: text };
  return { search: codeId === text.codeId ? search : { ...search, scope: { ...search.scope, text: { ...text, codeId } } }, lostCode: null };
}

function lostCodeNote(search: SavedSearch, scope: CodeScope): string {
  return `Saved search "${search.name}" looked only ${scope.kind} a code the backup does not have (${JSON.stringify(scope.codeId)}); it now searches anywhere in its documents.`;
}

const sameSearch = (a: SavedSearch, b: SavedSearch) => JSON.stringify([a.query, a.options, a.scope]) === JSON.stringify([b.query, b.options, b.scope]);
