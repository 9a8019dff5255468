/**
 * A colleague's project folder (`<name>.marginalia/`, see docs/project-files.md) read from the
 * files the analyst picked, into the project's content exactly as main builds it when it opens
 * the folder: project.json (any version this build reads, upgraded), every good journal change
 * after it (a torn or damaged tail stops at the last good change, and the notices say so), each
 * imported document with its text from documents/<sha256>.txt, hash-checked. The rules are
 * common/'s, shared with main. Nothing but project.json, journal.jsonl and documents/<sha256>.txt
 * is read: any other file of the folder (a lock, a damaged journal set aside, a path outside it)
 * is ignored.
 */
import { DOCUMENTS_FOLDER, JOURNAL_FILE, SNAPSHOT_FILE, documentTextFileName, upgradeSnapshot } from '../../../common/projectFile';
import { documentsWithTexts, textProblem, type ReadText } from '../../../common/projectDocuments';
import { journalDamageText, readJournal } from '../../../common/projectJournal';
import { ProjectState } from '../../../common/projectState';
import type { ProjectContent } from '../../../common/projectApi';
import { sha256Hex } from '../../../common/text/sha256';
import { decodeStrictUtf8 } from '../../../common/text/utf8';
import { errorMessage } from '../../../common/errorMessage';
import type { FolderFile } from '../format';
import { MAX_DOCUMENT_TEXT_BYTES, MAX_PROJECT_FILE_BYTES, inMegabytes } from '../fileLimits';

export interface FolderContent {
  content: ProjectContent;
  /** The project's name, as its project.json says. */
  name: string;
  /** What the analyst should know: a damaged journal tail. */
  notices: string[];
}

/** Keeps a leading U+FEFF, as main's reading does; replaces bytes that are not UTF-8, as main's does. */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

async function bytesOf(file: FolderFile, limit: number): Promise<Uint8Array | { tooLarge: true }> {
  if (file.blob.size > limit) return { tooLarge: true };
  return new Uint8Array(await file.blob.arrayBuffer());
}

async function readTextFile(files: ReadonlyMap<string, FolderFile>, sha256: string): Promise<ReadText> {
  const name = documentTextFileName(sha256);
  if (name === null) return { problem: textProblem.notAHash(sha256) };
  const file = files.get(`${DOCUMENTS_FOLDER}/${name}`);
  if (!file) return { problem: textProblem.missing(name) };
  let bytes;
  try {
    bytes = await bytesOf(file, MAX_DOCUMENT_TEXT_BYTES);
  } catch (error) {
    return { problem: textProblem.unreadable(name, errorMessage(error)) };
  }
  if ('tooLarge' in bytes) return { problem: `${DOCUMENTS_FOLDER}/${name} is larger than ${inMegabytes(MAX_DOCUMENT_TEXT_BYTES)}, the limit for one document` };
  // Text that is not UTF-8 cannot be the bytes main wrote: those hash to the name.
  const decoded = decodeStrictUtf8(bytes);
  if (!decoded.ok || sha256Hex(decoded.text) !== sha256) return { problem: textProblem.damaged(name) };
  return { text: decoded.text };
}

/** Throws an Error that says, for the analyst, why the folder is no project this build can read. */
export async function readFolderContent(files: readonly FolderFile[]): Promise<FolderContent> {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const snapshotFile = byPath.get(SNAPSHOT_FILE);
  if (!snapshotFile) {
    throw new Error(`The folder holds no ${SNAPSHOT_FILE}: pick the project's own folder, the one whose name ends in .marginalia.`);
  }
  const snapshotBytes = await bytesOf(snapshotFile, MAX_PROJECT_FILE_BYTES);
  if ('tooLarge' in snapshotBytes) throw new Error(`Its ${SNAPSHOT_FILE} is larger than ${inMegabytes(MAX_PROJECT_FILE_BYTES)}, the limit for it.`);
  const text = utf8.decode(snapshotBytes);
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new Error(`${SNAPSHOT_FILE} is not valid JSON: ${errorMessage(error)}`);
  }
  const snapshot = upgradeSnapshot(json);

  const notices: string[] = [];
  const journalFile = byPath.get(JOURNAL_FILE);
  const journalBytes = journalFile ? await bytesOf(journalFile, MAX_PROJECT_FILE_BYTES) : new Uint8Array(0);
  if ('tooLarge' in journalBytes) throw new Error(`Its ${JOURNAL_FILE} is larger than ${inMegabytes(MAX_PROJECT_FILE_BYTES)}, the limit for it.`);
  const journal = readJournal(journalBytes, snapshot.seq);
  const state = ProjectState.from(snapshot.tables, snapshot.settings);
  for (const entry of journal.entries) state.apply(entry);
  const seq = journal.entries.at(-1)?.seq ?? snapshot.seq;
  if (journal.damage) {
    notices.push(`${journalDamageText(journal.damage)}: it was read as it was after change ${seq}; the changes after it were not imported.`);
  }

  const tables = state.toTables();
  const documents = await documentsWithTexts(tables.documents, (sha256) => readTextFile(byPath, sha256));
  return { content: { id: snapshot.id, seq, settings: state.settings, tables: { ...tables, documents } }, name: snapshot.name, notices };
}
