/**
 * Where a search looks and what is kept of it: the scope (which documents; anywhere, or only
 * inside or outside the text coded with a code) and saved searches, rows of the project's
 * savedSearches table. Schemas only (model.ts re-exports them): no import from the rest of the model.
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
