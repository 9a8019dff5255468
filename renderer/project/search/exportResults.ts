/**
 * Search results as CSV (see domain/search/searchCsv.ts): every included hit in the list's
 * order, read from the engine a chunk at a time, offsets converted to code points with the
 * documents' texts.
 */
import type { KwicSort } from '../../domain/search/kwic';
import { CodePointOffsets, csvFile, hitLines, HITS_CSV_HEADER } from '../../domain/search/searchCsv';
import type { SearchSummary } from './protocol';
import type { SearchClient } from './searchClient';

const CHUNK = 5000;

export async function resultsCsv(
  client: SearchClient,
  result: SearchSummary,
  sort: KwicSort,
  excluded: ReadonlySet<number>,
  titleOf: (documentId: string) => string,
  loadText: (documentId: string) => Promise<string>,
): Promise<string> {
  const texts = new Map<string, string>();
  await Promise.all(result.perDocument.map(async ({ documentId }) => texts.set(documentId, await loadText(documentId))));
  const offsets = new CodePointOffsets((id) => texts.get(id) ?? '');
  const lines: string[] = [];
  for (let from = 0; from < result.total; from += CHUNK) {
    const { rows } = await client.request({ method: 'rows', resultId: result.resultId, from, count: CHUNK, sort });
    lines.push(...hitLines(rows.filter((r) => !excluded.has(r.hit)), titleOf, offsets));
  }
  return csvFile(HITS_CSV_HEADER, lines);
}

/** The included hits grouped by document, in document order (what "Code all hits" codes). */
export async function includedHits(client: SearchClient, result: SearchSummary, excluded: ReadonlySet<number>) {
  const hits = await client.request({ method: 'hits', resultId: result.resultId });
  const groups = hits.documents.map((documentId) => ({ documentId, hits: [] as Array<{ start: number; end: number }> }));
  for (let i = 0; i < hits.doc.length; i++) if (!excluded.has(i)) groups[hits.doc[i]!]!.hits.push({ start: hits.start[i]!, end: hits.end[i]! });
  return groups.filter((g) => g.hits.length > 0);
}
