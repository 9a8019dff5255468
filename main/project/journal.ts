/**
 * journal.jsonl on disk: one change per line, appended and fsync'd before the API says it is
 * saved. The lines themselves (checksum, reading up to a damaged tail) are common/projectJournal.ts,
 * shared with the renderer's import of a colleague's project folder; here a damaged tail is also
 * set aside.
 */
import { open, readFile, truncate, writeFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { JOURNAL_FILE } from '../../common/projectFile';
import type { JournalEntry } from '../../common/projectFile';
import {
  decodeJournalLine as decodeLine,
  encodeJournalLine as encodeLine,
  journalDamageText,
  readJournal as readLines,
} from '../../common/projectJournal';
import type { Checksum, ReadJournal } from '../../common/projectJournal';

/** Node's native CRC-32: the same numbers as common/projectJournal.ts's, faster on a long journal. */
const nativeCrc32: Checksum = (text) => crc32(text);

export const encodeJournalLine = (entry: JournalEntry): string => encodeLine(entry, nativeCrc32);

export const decodeJournalLine = (line: string) => decodeLine(line, nativeCrc32);

/** See common/projectJournal.ts readJournal. */
export const readJournal = (bytes: Buffer, afterSeq: number): ReadJournal => readLines(bytes, afterSeq, nativeCrc32);

/**
 * Reads a project folder's journal (none yet: no entries). A damaged tail is reported in `notice`;
 * with `setAside` its bytes are kept in journal.damaged-<time>.jsonl and the journal is cut back to
 * its good prefix, so appends follow good lines.
 */
export async function readJournalFile(
  folder: string,
  afterSeq: number,
  options: { setAside: boolean; now: () => Date },
): Promise<{ entries: JournalEntry[]; notice: string | null }> {
  const path = join(folder, JOURNAL_FILE);
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return Buffer.alloc(0);
    throw error;
  });
  const { entries, damage } = readJournal(bytes, afterSeq);
  if (!damage) return { entries, notice: null };
  let kept = '';
  if (options.setAside) {
    const aside = join(folder, `journal.damaged-${options.now().toISOString().replace(/[:.]/g, '-')}.jsonl`);
    await writeFile(aside, bytes.subarray(damage.offset));
    await truncate(path, damage.offset);
    kept = ` The damaged bytes were kept in ${basename(aside)}.`;
  }
  const last = entries.at(-1)?.seq ?? afterSeq;
  return {
    entries,
    notice: `${journalDamageText(damage)}: the project opened as it was after change ${last}.${kept}`,
  };
}

/** An open journal file that appends whole lines and makes them durable. */
export class JournalWriter {
  private constructor(
    private readonly handle: FileHandle,
    private size: number,
  ) {}

  /** Opens (creating) the journal for appending; `size` is where the good prefix ends. */
  static async open(path: string): Promise<JournalWriter> {
    const handle = await open(path, 'a');
    const { size } = await handle.stat();
    return new JournalWriter(handle, size);
  }

  get bytes(): number {
    return this.size;
  }

  /** Writes the lines and fsyncs: when this resolves they survive a crash or a power cut. */
  async append(lines: readonly string[]): Promise<void> {
    const data = Buffer.from(lines.join(''), 'utf8');
    let written = 0;
    while (written < data.length) {
      const { bytesWritten } = await this.handle.write(data, written, data.length - written);
      written += bytesWritten;
    }
    await this.handle.sync();
    this.size += data.length;
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}
