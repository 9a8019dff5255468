/**
 * A backup's ids made safe (see fileIds.ts): codes, segments, codings, imported documents and
 * saved searches whose id does not fit get a new one, and every reference follows (parents,
 * codings' codes, segments' and memos' documents, saved searches' scopes). Corpus documents keep their ids when they fit the corpus's
 * id alphabet (a corpus may really have a document "constructor"); their rows are keyed safely.
 */
import { DocumentIdSchema } from '../../../common/contract';
import { isSafeCodingId, isSafeId, reissuedId, shownId } from '../fileIds';
import type { SavedSearch } from '../../domain/model';
import type { Backup } from './schema';

type Table = 'code' | 'segment' | 'coding' | 'document' | 'search';
const NOUNS: Record<Table, string> = { code: 'code', segment: 'segment', coding: 'coding', document: 'document', search: 'saved search' };

class Reissuer {
  readonly renamed = new Map<string, string>();
  private readonly examples: string[] = [];
  constructor(
    private readonly table: Table,
    private readonly taken: Set<string>,
    private readonly fits: (id: string) => boolean,
  ) {}

  /** Decides for one row's own id. */
  own(id: string): string {
    if (this.fits(id)) return id;
    let fresh = this.renamed.get(id);
    if (!fresh) {
      fresh = reissuedId(this.table, id, this.taken);
      this.taken.add(fresh);
      this.renamed.set(id, fresh);
      if (this.examples.length < 3) this.examples.push(shownId(id));
    }
    return fresh;
  }

  /** A reference to a row of this table. */
  ref = (id: string): string => this.renamed.get(id) ?? id;

  reportTo(report: string[]): void {
    const n = this.renamed.size;
    if (!n) return;
    const noun = `${NOUNS[this.table]} id${n === 1 ? '' : 's'}`;
    report.push(`${n} ${noun} (${this.examples.join(', ')}${n > this.examples.length ? ' …' : ''}) did not have a safe shape (letters, digits and - _ . : only); they were given new ids.`);
  }
}

const isCorpusId = (id: string) => DocumentIdSchema.safeParse(id).success;

export function withSafeIds(backup: Backup, report: string[]): Backup {
  const imported = new Set((backup.importedDocuments ?? []).map((d) => d.id));
  const codes = new Reissuer('code', new Set(backup.codes.map((c) => c.id)), isSafeId);
  const segments = new Reissuer('segment', new Set(backup.segments.map((s) => s.id)), isSafeId);
  const codings = new Reissuer('coding', new Set(backup.segments.flatMap((s) => s.codings.map((c) => c.id))), isSafeCodingId);
  const documents = new Reissuer('document', new Set([...backup.documents.map((d) => d.id), ...imported]), (id) =>
    imported.has(id) ? isSafeId(id) : isCorpusId(id),
  );
  const safe: Backup = {
    ...backup,
    documents: backup.documents.map((d) => ({ ...d, id: documents.own(d.id) })),
    importedDocuments: backup.importedDocuments?.map((d) => ({ ...d, id: documents.own(d.id) })),
    codes: backup.codes.map((c) => ({ ...c, id: codes.own(c.id) })),
  };
  safe.codes = safe.codes.map((c) => (c.parentId === null ? c : { ...c, parentId: codes.ref(c.parentId) }));
  safe.segments = backup.segments.map((s) => ({
    ...s,
    id: segments.own(s.id),
    documentId: documents.ref(s.documentId),
    codings: s.codings.map((c) => ({ ...c, id: codings.own(c.id), codeId: codes.ref(c.codeId) })),
  }));
  safe.memos = backup.memos.map((m) => ({ ...m, documentId: documents.ref(m.documentId) }));
  const searches = new Reissuer('search', new Set((backup.savedSearches ?? []).map((s) => s.id)), isSafeId);
  safe.savedSearches = backup.savedSearches?.map((s) => withSafeScope({ ...s, id: searches.own(s.id) }, codes.ref, documents.ref));
  const all = [codes, segments, codings, documents, searches];
  for (const r of all) r.reportTo(report);
  const untouched = all.every((r) => r.renamed.size === 0);
  return untouched ? backup : safe;
}

/** A saved search whose scope names the codes and documents by their new ids. */
function withSafeScope(search: SavedSearch, codeRef: (id: string) => string, documentRef: (id: string) => string): SavedSearch {
  const { documents, text } = search.scope;
  return {
    ...search,
    scope: {
      documents: documents.kind === 'chosen' ? { ...documents, ids: documents.ids.map(documentRef) } : documents,
      text: text.kind === 'anywhere' ? text : { ...text, codeId: codeRef(text.codeId) },
    },
  };
}
