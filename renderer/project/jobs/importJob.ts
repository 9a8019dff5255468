/**
 * The import job: read a file through its format (which checks it whole first and throws an
 * Error for the analyst when it is refused — nothing is stored then), and store what it brings
 * as one change, planned from the stored state at commit time (see importPlans.ts), so an action
 * the analyst took while the file was being read is neither lost nor overwritten.
 */
import type { FolderFile, Incoming } from '../../formats/format';
import { importFormat } from '../../formats/registry';
import type { ProjectSnapshot, ProjectStore } from '../projectStore';
import { corpusDocumentsCoded } from './backupCorpus';
import { planImport, type CorpusRef, type ImportFile, type ImportPlan, type ImportTarget } from './importPlans';

export interface ImportSource {
  /** The corpus documents (an imported document never takes one's id). */
  corpus: readonly CorpusRef[];
  /** A corpus document's text, to check a backup's offsets into it up front (placement checks them anyway). */
  corpusText?: (id: string) => Promise<string>;
}

export type ImportOutcome = { ok: true; summary: string; notes: string[] } | { ok: false; message: string };

/** The project as an import plans against it. */
export function importTarget(state: ProjectSnapshot): ImportTarget {
  return {
    codes: state.codes,
    segments: state.segments.all(),
    memos: state.memos,
    importedDocuments: state.documents,
    settings: state.settings,
    attributes: state.attributes,
    documentInfo: state.documentInfo,
    savedSearches: state.savedSearches,
  };
}

/**
 * Reads and checks a file (off the main thread where its format can: see formats/offThread.ts);
 * throws an Error whose message says what is wrong with it, or ImportCancelled once `signal` is
 * aborted — the reading stops then and nothing it read is handed back. The bytes are handed over
 * to the reading (do not use them after).
 */
export function readImport(formatId: string, bytes: Uint8Array, file: ImportFile, signal?: AbortSignal): Promise<Incoming> {
  const read = importFormat(formatId).import;
  if (read.picks === 'folder') throw new Error(`${file.fileName} is a file; this format is read from a folder.`);
  return read.read(bytes, { name: file.fileName, now: file.now, signal });
}

/** The same for a format read from a folder (a colleague's project folder): its files, read only where needed. */
export function readFolderImport(formatId: string, files: readonly FolderFile[], file: ImportFile, signal?: AbortSignal): Promise<Incoming> {
  const read = importFormat(formatId).import;
  if (read.picks !== 'folder') throw new Error(`${file.fileName} is a folder; this format is read from a file.`);
  return read.read(files, { name: file.fileName, now: file.now, signal });
}

/** Texts of the corpus documents a backup's segments point into; one that cannot be read is left out (placement checks it later). */
async function corpusTexts(incoming: Incoming, source: ImportSource): Promise<Map<string, string> | undefined> {
  const load = source.corpusText;
  if (incoming.kind !== 'project' || !load) return undefined;
  const ids = corpusDocumentsCoded(incoming.backup, source.corpus);
  const texts = new Map<string, string>();
  const read = await Promise.allSettled(ids.map(async (id) => [id, await load(id)] as const));
  for (const r of read) if (r.status === 'fulfilled') texts.set(...r.value);
  return texts;
}

/** Stores what a read file brings, as one undoable change; `mode` is the analyst's choice for a whole project. */
export async function storeImport(
  store: ProjectStore,
  incoming: Incoming,
  file: ImportFile,
  source: ImportSource,
  mode?: 'replace' | 'merge',
): Promise<ImportOutcome> {
  const texts = await corpusTexts(incoming, source);
  let plan: ImportPlan | null = null;
  const stored = await store.act((_ctx, state) => {
    plan = planImport(incoming, importTarget(state), source.corpus, file, mode, texts);
    return plan.change;
  });
  const planned = plan as ImportPlan | null;
  if (!stored || !planned) {
    return { ok: false, message: `${file.fileName} could not be stored: ${store.getSnapshot().error ?? 'unknown error'}. Nothing was changed.` };
  }
  return { ok: true, summary: planned.summary, notes: planned.notes };
}
