/**
 * Saving and deleting a saved search: changes like any other, so the analyst can undo them
 * (a search deleted by mistake comes back with Undo).
 */
import { DomainError, type Change } from '../change';
import { ChangeRecorder, type OpContext } from '../context';
import type { SavedSearch } from './savedSearch';

/** The search under `name`: a saved search of that name is overwritten in place (its id kept), else a new one is added. */
export function saveSearch(saved: readonly SavedSearch[], search: Omit<SavedSearch, 'id'>, ctx: OpContext): Change {
  const name = search.name.trim();
  if (!name) throw new DomainError('A saved search needs a name.');
  const existing = saved.find((s) => s.name === name);
  const row: SavedSearch = { ...search, name, id: existing?.id ?? ctx.newId() };
  const recorder = new ChangeRecorder();
  recorder.put('savedSearches', row.id, existing ?? null, row);
  return recorder.build(`Save search “${name}”`);
}

export function deleteSavedSearch(saved: readonly SavedSearch[], id: string): Change {
  const existing = saved.find((s) => s.id === id);
  if (!existing) throw new DomainError('That saved search was already deleted.');
  const recorder = new ChangeRecorder();
  recorder.put('savedSearches', id, existing, null);
  return recorder.build(`Delete saved search “${existing.name}”`);
}

/**
 * Saved searches that look inside (or outside) a code that is merged away or deleted: a merged
 * code's searches follow it into the code it was merged into; a deleted code's search anywhere in
 * their documents — rather than keep naming a code that no longer exists and silently find
 * nothing (inside) or everything (outside). Returns how many were changed, for the action's label.
 */
export function repointSearchScopes(saved: readonly SavedSearch[], fromCodeId: string, toCodeId: string | null, recorder: ChangeRecorder): number {
  let changed = 0;
  for (const search of saved) {
    const text = search.scope.text;
    if (text.kind === 'anywhere' || text.codeId !== fromCodeId) continue;
    const scopeText = toCodeId === null ? ({ kind: 'anywhere' } as const) : { ...text, codeId: toCodeId };
    recorder.put('savedSearches', search.id, search, { ...search, scope: { ...search.scope, text: scopeText } });
    changed++;
  }
  return changed;
}
