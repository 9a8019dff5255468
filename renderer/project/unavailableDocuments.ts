/**
 * Imported documents whose text the project file could not give (its file in documents/ missing or
 * damaged, common/projectDocuments.ts): the database keeps their rows without a text, the
 * repository sets them aside, and the Documents list still shows them — marked "Text unavailable",
 * opening to what to do instead of an empty page. Their segments and memo stay in the project.
 */
import { UNAVAILABLE_FIELD } from '../../common/projectDocuments';
import type { DocumentInfo } from '../domain/model';
import type { SetAsideRow } from '../store/setAside';

export interface UnavailableDocument {
  id: string;
  title: string;
  kind: string | null;
  place: string | null;
  date: string | null;
  sha256: string;
  /** Why its text cannot be read, as main says it ("documents/….txt is missing"). */
  problem: string;
  /** Its row as the database holds it: given its text back when the same file is added again. */
  stored: Readonly<Record<string, unknown>>;
}

const textOrNull = (value: unknown) => (typeof value === 'string' ? value : null);

/** The document a set-aside row is when it was set aside only for its unavailable text; null for any other row. */
export function unavailableDocument(setAside: SetAsideRow): UnavailableDocument | null {
  const row = setAside.row;
  if (setAside.table !== 'documents' || typeof row !== 'object' || row === null) return null;
  const { id, title, sha256, [UNAVAILABLE_FIELD]: problem } = row as Record<string, unknown>;
  if (typeof problem !== 'string' || typeof id !== 'string' || id === '' || typeof sha256 !== 'string') return null;
  const fields = row as Record<string, unknown>;
  return {
    id,
    title: typeof title === 'string' && title !== '' ? title : id,
    kind: textOrNull(fields.kind),
    place: textOrNull(fields.place),
    date: textOrNull(fields.date),
    sha256,
    problem,
    stored: fields,
  };
}

/** Those documents for the Documents list: as the project names them, removed ones and ids already listed left out. */
export function unavailableDocuments(
  setAside: readonly SetAsideRow[],
  listed: ReadonlySet<string>,
  documentInfo: readonly DocumentInfo[] = [],
): UnavailableDocument[] {
  const infoById = new Map(documentInfo.map((i) => [i.documentId, i]));
  return setAside.flatMap((row) => {
    const document = unavailableDocument(row);
    const info = document && infoById.get(document.id);
    if (document === null || listed.has(document.id) || info?.removed) return [];
    return [{ ...document, title: info?.title ?? document.title }];
  });
}
