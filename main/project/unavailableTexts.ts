/**
 * The imported documents of an open project folder whose text file (documents/<sha256>.txt) is
 * missing or damaged: found when the project opens, named in its notices, listed for the windows,
 * and made whole again when a window sends its copy of the text or the document is added again.
 * A copy is never trusted: it is written only when its UTF-8 bytes hash to the SHA-256 a document
 * row of this project refers to, and then as every text is (temporary file, fsync, rename).
 */
import { documentTextFileName } from '../../common/projectFile';
import type { ProjectRow } from '../../common/projectFile';
import { MAX_RESTORED_TEXT_BYTES } from '../../common/projectApi';
import type { RestoreTextResult, UnavailableText } from '../../common/projectApi';
import { textReference } from '../../common/projectDocuments';
import { hashesTo, readText, unavailableNotices, unreadableTexts, writeTexts } from './documentTexts';
import { ProjectFileError } from './projectFileError';

export class UnavailableTexts {
  /** The text references whose file cannot be read, with why. */
  private readonly problems = new Map<string, string>();

  constructor(
    private readonly folder: string,
    /** The project's document rows as they are now. */
    private readonly rows: () => Iterable<ProjectRow>,
  ) {}

  /** Reads every text the rows refer to (once, when the project opens). */
  async find(): Promise<void> {
    for (const { row, problem } of await unreadableTexts(this.folder, this.rows())) this.problems.set(textReference(row)!, problem);
  }

  /** What the analyst is told: one line per document whose text is still unavailable (the first few). */
  notices(): string[] {
    return unavailableNotices(this.unreadable());
  }

  /** The documents whose text is unavailable now; each such file is read again first (a person may have put it back). */
  async list(): Promise<UnavailableText[]> {
    for (const sha256 of [...this.problems.keys()]) {
      const read = await readText(this.folder, sha256);
      if ('text' in read) this.problems.delete(sha256);
      else this.problems.set(sha256, read.problem);
    }
    return this.unreadable().map(({ row, problem }) => ({
      documentId: String(row.id),
      title: String(row.title ?? row.id),
      sha256: String(row.sha256),
      problem,
    }));
  }

  /** Texts that were just written, checked, for rows that refer to them (a document added again). */
  written(sha256s: Iterable<string>): void {
    for (const sha256 of sha256s) this.problems.delete(sha256);
  }

  /** Writes a window's copy of a text, once it is shown to be the very text a document refers to. */
  async restore(sha256: string, text: string): Promise<RestoreTextResult> {
    if (documentTextFileName(sha256) === null) throw new ProjectFileError(400, 'That is no SHA-256 of a text: nothing was written.');
    if (!this.isReferred(sha256)) throw new ProjectFileError(404, 'No document of this project refers to that text: nothing was written.');
    if (Buffer.byteLength(text, 'utf8') > MAX_RESTORED_TEXT_BYTES) {
      throw new ProjectFileError(413, `The text is larger than ${MAX_RESTORED_TEXT_BYTES / 1024 / 1024} MB, the limit of one document: it was not written.`);
    }
    if (!hashesTo(text, sha256)) throw new ProjectFileError(422, 'The text does not match the document’s SHA-256: it was not written.');
    const written = await writeTexts(this.folder, new Map([[sha256, text]]));
    this.problems.delete(sha256);
    return { written: written > 0 };
  }

  private isReferred(sha256: string): boolean {
    for (const row of this.rows()) if (textReference(row) === sha256) return true;
    return false;
  }

  private unreadable(): { row: ProjectRow; problem: string }[] {
    if (this.problems.size === 0) return [];
    const found: { row: ProjectRow; problem: string }[] = [];
    for (const row of this.rows()) {
      const sha256 = textReference(row);
      const problem = sha256 === null ? undefined : this.problems.get(sha256);
      if (problem !== undefined) found.push({ row, problem });
    }
    return found;
  }
}
