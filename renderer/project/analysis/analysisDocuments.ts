/**
 * The documents analysis counts, as the project lists them (renamed, removed ones left out),
 * with their attribute values: kind, place and date as the analyst may have overridden them,
 * and every attribute the analyst defined, by id.
 */
import { isBuiltInAttribute } from '../../domain/documents/attributes';
import type { AnalysisDocument } from '../../domain/analysis/input';
import type { ReadableDocument } from '../corpus';

const valueOf = (d: ReadableDocument, id: 'kind' | 'place' | 'date') => {
  const v = d.attributes?.[id] ?? d[id];
  return v ? v : null;
};

export function analysisDocuments(docs: readonly ReadableDocument[]): AnalysisDocument[] {
  return docs.map((d) => ({
    id: d.id,
    title: d.title,
    kind: valueOf(d, 'kind'),
    place: valueOf(d, 'place'),
    date: valueOf(d, 'date'),
    attributes: Object.fromEntries(Object.entries(d.attributes ?? {}).filter(([id]) => !isBuiltInAttribute(id))),
  }));
}
