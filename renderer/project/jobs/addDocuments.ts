/**
 * Adding files as documents: each file converted off the main thread (formats/documents/),
 * checked against the project's documents by the hash of its normalised text, and all added in
 * one undoable change. Every file gets a result: added, skipped as a duplicate, or refused with
 * the reason. A file whose text is that of a document the project file lost gives that document
 * its text back, under its own id with its codings, rather than adding a second one. Cancel stops
 * the batch before anything is stored.
 */
import type { ImportedDocument } from '../../domain/model';
import { UNAVAILABLE_FIELD } from '../../../common/projectDocuments';
import { addDocuments } from '../../domain/documents/documentChanges';
import { newId } from '../../domain/ids';
import { openConverterPool, type DocumentConverterPool } from '../../formats/documents/offThread';
import type { ProjectStore } from '../projectStore';

/** A document is held whole in memory by the viewer and exports: the corpus's limit. */
export const MAX_DOCUMENT_FILE_BYTES = 50 * 1024 * 1024;

/** A file to add: its bytes, or why it could not even be read. */
export type ChosenFile = { name: string; bytes: Uint8Array } | { name: string; error: string };

export type FileResult =
  | { name: string; status: 'added'; documentId: string; title: string; warnings: string[] }
  | { name: string; status: 'restored'; titles: string[] }
  | { name: string; status: 'duplicate'; sameAs: string }
  | { name: string; status: 'refused'; reason: string };

export interface AddDocumentsOutcome {
  results: FileResult[];
  /** True when the analyst cancelled: nothing was added. */
  cancelled: boolean;
}

export interface AddDocumentsOptions {
  /** Documents already in the project (the listing): a file with the same text is a duplicate. */
  existing: readonly { sha256: string; title: string }[];
  /** Documents whose text the project file lost, each with its row as stored (Documents list, "Text unavailable"). */
  unavailable?: readonly { sha256: string; title: string; stored: Readonly<Record<string, unknown>> }[];
  onProgress?: (done: number, total: number, current: string | null) => void;
  cancelled?: () => boolean;
  pool?: DocumentConverterPool;
  now?: () => string;
}

/** How often a running conversion checks whether the batch was cancelled. */
const CANCEL_POLL_MS = 100;

/** Resolves once `cancelled()` says so (checked every CANCEL_POLL_MS); `stop` ends the polling. */
function whenCancelled(cancelled: (() => boolean) | undefined): { promise: Promise<'cancelled'>; stop: () => void } {
  let timer: ReturnType<typeof setInterval> | undefined;
  const promise = new Promise<'cancelled'>((resolve) => {
    if (!cancelled) return;
    timer = setInterval(() => cancelled() && resolve('cancelled'), CANCEL_POLL_MS);
  });
  return { promise, stop: () => clearInterval(timer) };
}

/** "Interview 3.docx" → "Interview 3". */
export function titleFromFileName(name: string): string {
  const stem = name.replace(/\.[A-Za-z0-9]{1,8}$/, '').trim();
  return (stem === '' ? name : stem).slice(0, 500);
}

export async function addDocumentFiles(store: ProjectStore, files: readonly ChosenFile[], options: AddDocumentsOptions): Promise<AddDocumentsOutcome> {
  const pool = options.pool ?? openConverterPool();
  const now = options.now ?? (() => new Date().toISOString());
  const known = new Map(options.existing.map((d) => [d.sha256, d.title]));
  const results: FileResult[] = [];
  const documents: ImportedDocument[] = [];
  const restored: ImportedDocument[] = [];
  const lost = new Map<string, NonNullable<AddDocumentsOptions['unavailable']>[number][]>();
  for (const d of options.unavailable ?? []) lost.set(d.sha256, [...(lost.get(d.sha256) ?? []), d]);
  // Cancel stops a conversion under way too (a 300-page PDF takes seconds): its worker is closed.
  const cancel = whenCancelled(options.cancelled);
  try {
    for (const [index, file] of files.entries()) {
      if (options.cancelled?.()) return { results, cancelled: true };
      options.onProgress?.(index, files.length, file.name);
      const result = await Promise.race([addOne(file), cancel.promise]);
      if (result === 'cancelled') return { results, cancelled: true };
      results.push(result);
    }
  } finally {
    cancel.stop();
    if (!options.pool) pool.close();
  }
  options.onProgress?.(files.length, files.length, null);
  if (options.cancelled?.()) return { results, cancelled: true };
  // What could not be stored is refused, with the store's reason.
  const refuse = (rows: FileResult[], status: FileResult['status']) => {
    const reason = store.getSnapshot().error ?? 'the documents could not be stored';
    return rows.map((r): FileResult => (r.status === status ? { name: r.name, status: 'refused', reason } : r));
  };
  let outcome = results;
  if (restored.length > 0 && !(await store.restoreDocuments(restored))) outcome = refuse(outcome, 'restored');
  if (documents.length > 0 && !(await store.act(() => addDocuments(documents)))) outcome = refuse(outcome, 'added');
  return { results: outcome, cancelled: false };

  async function addOne(file: ChosenFile): Promise<FileResult> {
    if ('error' in file) return { name: file.name, status: 'refused', reason: file.error };
    if (file.bytes.byteLength > MAX_DOCUMENT_FILE_BYTES) {
      return { name: file.name, status: 'refused', reason: `it is ${(file.bytes.byteLength / 1048576).toFixed(1)} MB; a document is limited to 50 MB` };
    }
    const reply = await pool.convert(file.name, file.bytes);
    if (!reply.ok) return { name: file.name, status: 'refused', reason: reply.reason };
    const lostHere = lost.get(reply.sha256);
    if (lostHere) {
      lost.delete(reply.sha256);
      for (const { stored } of lostHere) {
        const { [UNAVAILABLE_FIELD]: _problem, ...row } = stored;
        restored.push({ ...(row as Omit<ImportedDocument, 'text'>), text: reply.document.text });
      }
      known.set(reply.sha256, lostHere[0]!.title);
      return { name: file.name, status: 'restored', titles: lostHere.map((d) => d.title) };
    }
    const sameAs = known.get(reply.sha256);
    if (sameAs !== undefined) return { name: file.name, status: 'duplicate', sameAs };
    const title = titleFromFileName(file.name);
    known.set(reply.sha256, title);
    const { pageStarts } = reply.document.provenance;
    const document: ImportedDocument = {
      id: newId(),
      title,
      kind: null,
      place: null,
      date: null,
      sha256: reply.sha256,
      text: reply.document.text,
      source: file.name,
      importedAt: now(),
      provenance: { fileName: file.name, ...(pageStarts ? { pageStarts } : {}) },
    };
    documents.push(document);
    return { name: file.name, status: 'added', documentId: document.id, title, warnings: reply.document.warnings };
  }
}
