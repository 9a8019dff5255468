/**
 * Imported documents' texts as a project folder holds them (common/projectFile.ts): a row refers
 * to documents/<sha256>.txt by its `sha256`, unless it keeps its text inline. The project's
 * content gives each row its text, or — when the file is missing or damaged — says why in
 * UNAVAILABLE_FIELD, so the rest of the project still opens. Pure: main reads the files from
 * disk, the renderer from a folder the analyst picked; both build the content here.
 */
import { DOCUMENTS_FOLDER } from './projectFile';
import type { ProjectRow } from './projectFile';

/** What a row's content says instead of its text when the text cannot be read (never written to the folder). */
export const UNAVAILABLE_FIELD = 'textUnavailable';

/** A text read back, or why it cannot be. */
export type ReadText = { text: string } | { problem: string };

/** The SHA-256 a row refers to its text by, or null when it holds its text inline (or refers to none). */
export function textReference(row: ProjectRow): string | null {
  return typeof row.text === 'string' || typeof row.sha256 !== 'string' ? null : row.sha256;
}

/** Why a text cannot be read, in the words main and the renderer both use. */
export const textProblem = {
  notAHash: (sha256: string) => `its text reference ${JSON.stringify(sha256).slice(0, 80)} is no SHA-256`,
  missing: (name: string) => `${DOCUMENTS_FOLDER}/${name} is missing`,
  unreadable: (name: string, why: string) => `${DOCUMENTS_FOLDER}/${name} cannot be read (${why})`,
  damaged: (name: string) => `${DOCUMENTS_FOLDER}/${name} does not match its SHA-256 (it was changed or damaged)`,
};

/** The document rows of the project's content: each with its text, or with why it has none. Read one at a time, in order. */
export async function documentsWithTexts(rows: readonly ProjectRow[], readText: (sha256: string) => Promise<ReadText>): Promise<ProjectRow[]> {
  const documents: ProjectRow[] = [];
  for (const row of rows) {
    const sha256 = textReference(row);
    if (sha256 === null) {
      documents.push(row);
      continue;
    }
    const read = await readText(sha256);
    documents.push('text' in read ? { ...row, text: read.text } : { ...row, [UNAVAILABLE_FIELD]: read.problem });
  }
  return documents;
}
