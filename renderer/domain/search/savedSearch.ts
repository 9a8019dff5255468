/**
 * Where a search looks and what is kept of it: the scope (which documents; anywhere, or only
 * inside or outside the text coded with a code) and saved searches, stored in the project's
 * settings. Schemas only (model.ts embeds them): no import from the rest of the model.
 */
import { z } from 'zod';
import { SearchOptionsSchema } from './query';

/**
 * Documents by their details: kind, place, date, and the analyst's document attributes
 * (attribute id → value, all must match; the Documents listing carries each document's values).
 */
export const DetailFilterSchema = z.object({
  kind: z.string().nullable(),
  place: z.string().nullable(),
  /** ISO dates (YYYY-MM-DD or a prefix), inclusive; '' = open. Undated documents fail a date bound. */
  dateFrom: z.string(),
  dateTo: z.string(),
  attributes: z.record(z.string(), z.string()).optional(),
});
export type DetailFilter = z.infer<typeof DetailFilterSchema>;

export const DocumentScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('chosen'), ids: z.array(z.string()) }),
  z.object({ kind: z.literal('details'), filter: DetailFilterSchema }),
]);
export type DocumentScope = z.infer<typeof DocumentScopeSchema>;

export const TextScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('anywhere') }),
  z.object({ kind: z.enum(['inside', 'outside']), codeId: z.string().min(1), withSubCodes: z.boolean() }),
]);
export type TextScope = z.infer<typeof TextScopeSchema>;

export const SearchScopeSchema = z.object({ documents: DocumentScopeSchema, text: TextScopeSchema });
export type SearchScopeChoice = z.infer<typeof SearchScopeSchema>;

export const WHOLE_CORPUS: SearchScopeChoice = { documents: { kind: 'all' }, text: { kind: 'anywhere' } };

export const SavedSearchSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  query: z.string(),
  options: SearchOptionsSchema,
  scope: SearchScopeSchema,
});
export type SavedSearch = z.infer<typeof SavedSearchSchema>;

/**
 * The saved searches after a backup is restored: replacing takes the backup's; merging adds
 * the backup's searches whose names are new here (a name already here keeps its search, and
 * is reported).
 */
export function restoredSavedSearches(
  current: readonly SavedSearch[],
  backup: readonly SavedSearch[],
  mode: 'replace' | 'merge',
): { savedSearches: SavedSearch[]; notes: string[] } {
  const plural = (n: number) => `${n} saved search${n === 1 ? '' : 'es'}`;
  if (mode === 'replace') return { savedSearches: [...backup], notes: backup.length ? [`Restored ${plural(backup.length)}.`] : [] };
  const names = new Set(current.map((s) => s.name));
  const ids = new Set(current.map((s) => s.id));
  const added = backup.filter((s) => !names.has(s.name) && !ids.has(s.id));
  const kept = backup.filter((s) => names.has(s.name) && !current.some((c) => c.name === s.name && sameSearch(c, s)));
  const notes: string[] = [];
  if (added.length) notes.push(`Added ${plural(added.length)}.`);
  if (kept.length) notes.push(`Kept this project's saved searches of the same names as the backup's: ${kept.map((s) => `"${s.name}"`).join(', ')}.`);
  return { savedSearches: [...current, ...added], notes };
}

const sameSearch = (a: SavedSearch, b: SavedSearch) => JSON.stringify([a.query, a.options, a.scope]) === JSON.stringify([b.query, b.options, b.scope]);
