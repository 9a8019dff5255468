/** Resolving a search scope: which documents, in listing order, and which codes mark the text to search in or around. */
import { descendantIds } from '../codeTree';
import type { Code } from '../model';
import type { DetailFilter, DocumentScope, TextScope } from './savedSearch';

export interface DocumentDetails {
  id: string;
  kind: string | null;
  place: string | null;
  date: string | null;
  attributes?: Readonly<Record<string, string>>;
}

export function matchesDetails(doc: DocumentDetails, filter: DetailFilter): boolean {
  if (filter.kind !== null && doc.kind !== filter.kind) return false;
  if (filter.place !== null && doc.place !== filter.place) return false;
  if (filter.dateFrom && (!doc.date || doc.date < filter.dateFrom)) return false;
  // A bound like "2019" or "2019-06" takes in the whole year or month.
  if (filter.dateTo && (!doc.date || doc.date.slice(0, filter.dateTo.length) > filter.dateTo)) return false;
  for (const [name, value] of Object.entries(filter.attributes ?? {})) if (doc.attributes?.[name] !== value) return false;
  return true;
}

/** Ids of the documents in scope, in the order of `listing`. */
export function documentsInScope(listing: readonly DocumentDetails[], scope: DocumentScope): string[] {
  switch (scope.kind) {
    case 'all':
      return listing.map((d) => d.id);
    case 'chosen': {
      const chosen = new Set(scope.ids);
      return listing.filter((d) => chosen.has(d.id)).map((d) => d.id);
    }
    case 'details':
      return listing.filter((d) => matchesDetails(d, scope.filter)).map((d) => d.id);
  }
}

/** The codes whose coded text bounds the search (the code and, when asked, its sub-codes); null: anywhere. */
export function codesInScope(codes: readonly Code[], scope: TextScope): Set<string> | null {
  if (scope.kind === 'anywhere') return null;
  const ids = new Set([scope.codeId]);
  if (scope.withSubCodes) for (const id of descendantIds(codes, scope.codeId)) ids.add(id);
  return ids;
}
