/**
 * Imported documents' texts in the project folder: documents/<sha256>.txt, the text's UTF-8 bytes,
 * named by their SHA-256 (the hash the app stamps on the document, common/text/sha256). A text is
 * stored once however often its row is written, and never rewritten by a compaction; a person can
 * open it in any editor. Files are written to a temporary name, fsync'd and renamed, and the
 * folder fsync'd, before the row that refers to them is journaled or snapshotted.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DOCUMENTS_FOLDER, documentTextFileName } from '../../common/projectFile';
import type { ProjectPatch, ProjectRow } from '../../common/projectFile';
import { UNAVAILABLE_FIELD, textProblem, textReference } from '../../common/projectDocuments';
import type { ReadText } from '../../common/projectDocuments';
import { syncFolder, writeDurably } from './snapshot';

/** Texts written at once (each is fsync'd: in parallel the disk flushes several together). */
const WRITES_AT_ONCE = 8;
const TEXT_FILE = /^[0-9a-f]{64}\.txt$/;
const TEMP_FILE = /^[0-9a-f]{64}\.txt\.\d+\.tmp$/;
/** In a `u` regular expression a surrogate pair is one code point: only a lone surrogate is \p{Cs}. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Lower-case hex SHA-256 of the text's UTF-8 bytes: the same as common/text/sha256 for a well-formed text, at native speed. */
export function hashText(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The text's UTF-8 bytes hash to `sha256`, and nothing was lost turning it into them (a lone surrogate would become U+FFFD). */
export function hashesTo(text: string, sha256: string): boolean {
  return !LONE_SURROGATE.test(text) && hashText(text) === sha256;
}

/** A document row split into the row the file keeps and its text; null when the text stays inline (see `externalised`). */
export interface SplitRow {
  row: ProjectRow;
  sha256: string;
  text: string;
}

/**
 * The row without its text, when the text can live in documents/: it is a string, well-formed (a
 * lone surrogate would not survive UTF-8), and its hash is the row's `sha256` — the name the row
 * refers to it by. Otherwise null: the row keeps its text inline, nothing is lost.
 */
export function externalised(row: ProjectRow): SplitRow | null {
  const { text, ...rest } = row;
  if (typeof text !== 'string' || documentTextFileName(row.sha256) === null || !hashesTo(text, row.sha256 as string)) return null;
  return { row: rest, sha256: row.sha256 as string, text };
}

/** Rows that still hold a text that could live in documents/ (read from a folder of version 2), split. */
export function movableTexts(documents: ReadonlyMap<string, ProjectRow>): (SplitRow & { key: string })[] {
  const movable: (SplitRow & { key: string })[] = [];
  for (const [key, row] of documents) {
    const split = typeof row.text === 'string' ? externalised(row) : null;
    if (split) movable.push({ key, ...split });
  }
  return movable;
}


/**
 * A change as the journal keeps it: document rows without the texts that can live in documents/,
 * and those texts by hash. A row sent back as it was served unavailable loses that mark.
 */
export function splitPatch(patch: ProjectPatch): { patch: ProjectPatch; texts: Map<string, string> } {
  const texts = new Map<string, string>();
  if (!patch.documents) return { patch, texts };
  const documents: Record<string, ProjectRow | null> = {};
  for (const [key, row] of Object.entries(patch.documents)) {
    if (row === null) {
      documents[key] = null;
      continue;
    }
    const { [UNAVAILABLE_FIELD]: _mark, ...sent } = row;
    const split = externalised(sent);
    if (split) texts.set(split.sha256, split.text);
    documents[key] = split?.row ?? sent;
  }
  return { patch: { ...patch, documents }, texts };
}

/** The texts rows refer to by hash. */
export function referencedTexts(rows: Iterable<ProjectRow | null>, into = new Set<string>()): Set<string> {
  for (const row of rows) {
    const sha256 = row === null ? null : textReference(row);
    if (sha256 !== null) into.add(sha256);
  }
  return into;
}

export const documentsFolderOf = (folder: string) => join(folder, DOCUMENTS_FOLDER);

/** Reads a text and checks its bytes hash to the name it is filed under. */
export async function readText(folder: string, sha256: string): Promise<ReadText> {
  const name = documentTextFileName(sha256);
  if (name === null) return { problem: textProblem.notAHash(sha256) };
  let bytes: Buffer;
  try {
    bytes = await readFile(join(documentsFolderOf(folder), name));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? textProblem.missing(name) : textProblem.unreadable(name, code ?? 'error') };
  }
  if (hashText(bytes) !== sha256) return { problem: textProblem.damaged(name) };
  // Buffer's decoder keeps a leading U+FEFF, which is part of the text when it is there.
  return { text: bytes.toString('utf8') };
}

async function holdsText(path: string, sha256: string): Promise<boolean> {
  try {
    return hashText(await readFile(path)) === sha256;
  } catch {
    return false;
  }
}

/**
 * Makes every text durable in documents/ (a file already there with the right bytes is kept; one
 * that is missing or damaged is written again). Resolves, with how many files were written, once
 * the files and the folder are fsync'd.
 */
export async function writeTexts(folder: string, texts: ReadonlyMap<string, string>): Promise<number> {
  if (texts.size === 0) return 0;
  const documents = documentsFolderOf(folder);
  const made = (await mkdir(documents, { recursive: true })) !== undefined;
  if (made) await syncFolder(folder);
  const pending = [...texts];
  let written = 0;
  const worker = async () => {
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      const [sha256, text] = next;
      const path = join(documents, `${sha256}.txt`);
      if (await holdsText(path, sha256)) continue;
      const temp = `${path}.${process.pid}.tmp`;
      await writeDurably(temp, text);
      await rename(temp, path);
      written++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITES_AT_ONCE, texts.size) }, worker));
  if (written > 0) await syncFolder(documents);
  return written;
}

/** Reads every text the rows refer to; the rows whose text cannot be read, with why. */
export async function unreadableTexts(folder: string, rows: Iterable<ProjectRow>): Promise<{ row: ProjectRow; problem: string }[]> {
  const unreadable: { row: ProjectRow; problem: string }[] = [];
  for (const row of rows) {
    const sha256 = textReference(row);
    if (sha256 === null) continue;
    const read = await readText(folder, sha256);
    if ('problem' in read) unreadable.push({ row, problem: read.problem });
  }
  return unreadable;
}

/** What the analyst is told about documents whose text cannot be read: one line each, the first few named. */
export function unavailableNotices(unreadable: readonly { row: ProjectRow; problem: string }[]): string[] {
  const SHOWN = 5;
  const notices = unreadable.slice(0, SHOWN).map(
    ({ row, problem }) =>
      `The imported document “${String(row.title ?? row.id)}” is unavailable: ${problem}. Its row and codings are kept; put its original text back in that file (UTF-8) and open the project again, or add the document again.`,
  );
  if (unreadable.length > SHOWN) notices.push(`${unreadable.length - SHOWN} more imported documents are unavailable for the same reasons.`);
  return notices;
}

/** Copies the texts into another project folder (Save as); a text that is missing here is missing there too, and reported there. */
export async function copyTexts(from: string, to: string, shas: Iterable<string>): Promise<void> {
  const texts = new Map<string, string>();
  for (const sha256 of shas) {
    const read = await readText(from, sha256);
    if ('text' in read) texts.set(sha256, read.text);
  }
  await writeTexts(to, texts);
}

/**
 * Removes the text files no row refers to any more, and temporary files a crash left behind.
 * Only files this module names are touched; anything else a person put in documents/ stays.
 * Called after a compaction, with every text the durable snapshot and the journal refer to.
 */
export async function removeUnreferenced(folder: string, referenced: ReadonlySet<string>): Promise<string[]> {
  const documents = documentsFolderOf(folder);
  const names = await readdir(documents).catch(() => [] as string[]);
  const removed = names.filter((name) => (TEXT_FILE.test(name) && !referenced.has(name.slice(0, 64))) || TEMP_FILE.test(name));
  for (const name of removed) await rm(join(documents, name), { force: true });
  if (removed.length > 0) await syncFolder(documents);
  return removed;
}
