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
