/**
 * Saved searches are project data kept in the settings, outside the rows a restore's change
 * writes: once a backup's change is stored, its saved searches are restored (replaced, or
 * merged by name) and the settings saved — and so written to the project file too.
 */
import type { Settings } from '../../domain/model';
import { restoredSavedSearches } from '../../domain/search/savedSearch';
import type { ProjectStore } from '../projectStore';

/** Restores a backup's saved searches; returns lines for the analyst. */
export async function restoreSavedSearches(store: ProjectStore, backup: Settings, mode: 'replace' | 'merge'): Promise<string[]> {
  const current = store.getSnapshot().settings;
  const { savedSearches, notes } = restoredSavedSearches(current.savedSearches ?? [], backup.savedSearches ?? [], mode);
  if (JSON.stringify(savedSearches) === JSON.stringify(current.savedSearches ?? [])) return notes;
  await store.saveSettings({ ...store.getSnapshot().settings, savedSearches });
  return notes;
}
