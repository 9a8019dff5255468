/**
 * journal.jsonl: one change per line, appended and fsync'd before the API says it is saved.
 * Each line is the entry's JSON with a last member `"crc32":"xxxxxxxx"`, the CRC-32 of the same
 * text without that member (`{…}` as JSON.stringify wrote it), so a torn or bit-flipped line is
 * told from a good one. Reading stops at the first line that is incomplete, fails its CRC, does
 * not parse or does not follow the previous sequence number: everything before it is the last
 * good state; what follows is the damaged tail, reported and set aside, never applied.
 */
import { open, readFile, truncate, writeFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { JOURNAL_FILE, JournalEntrySchema } from '../../common/projectFile';
import type { JournalEntry } from '../../common/projectFile';

const CRC_SUFFIX = /,"crc32":"([0-9a-f]{8})"\}$/;

export function encodeJournalLine(entry: JournalEntry): string {
  const json = JSON.stringify(entry);
  const crc = crc32(json).toString(16).padStart(8, '0');
  return `${json.slice(0, -1)},"crc32":"${crc}"}\n`;
}

/** The entry a line holds, or why it is not a good line. */
export function decodeJournalLine(line: string): { entry: JournalEntry } | { problem: string } {
  const match = CRC_SUFFIX.exec(line);
  if (!match) return { problem: 'no checksum (the line was cut short)' };
  const json = `${line.slice(0, match.index)}}`;
  if (crc32(json).toString(16).padStart(8, '0') !== match[1]) return { problem: 'checksum mismatch (the line was damaged)' };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { problem: 'not JSON' };
  }
  const parsed = JournalEntrySchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: `not a journal entry (${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'})` };
  }
  return { entry: parsed.data as JournalEntry };
}

export interface JournalDamage {
  /** Byte offset where the damaged tail starts (= the good prefix's length). */
  offset: number;
  bytes: number;
  /** The line number (1-based) of the first bad line. */
  line: number;
  problem: string;
}

export interface ReadJournal {
  /** The good entries with seq > afterSeq, in order. */
  entries: JournalEntry[];
  /** Bytes of the good prefix (including lines at or before afterSeq). */
  goodBytes: number;
  damage: JournalDamage | null;
}

/**
 * Reads a journal's bytes. Lines whose seq ≤ `afterSeq` are already in the snapshot (a
 * compaction stopped before the journal was rewritten) and are skipped; the first entry after
 * them must be `afterSeq + 1`, and each next one the one after.
 */
export function readJournal(bytes: Buffer, afterSeq: number): ReadJournal {
  const entries: JournalEntry[] = [];
  let offset = 0;
  let line = 0;
  let expected = afterSeq + 1;
  while (offset < bytes.length) {
    line++;
    const end = bytes.indexOf(0x0a, offset);
    const damage = (problem: string): ReadJournal => ({ entries, goodBytes: offset, damage: { offset, bytes: bytes.length - offset, line, problem } });
    if (end === -1) return damage('the last line was cut short (no line end)');
    const decoded = decodeJournalLine(bytes.toString('utf8', offset, end));
    if ('problem' in decoded) return damage(decoded.problem);
    const { entry } = decoded;
    if (entry.seq > afterSeq) {
      if (entry.seq !== expected) return damage(`change ${entry.seq} where ${expected} was expected`);
      entries.push(entry);
      expected++;
    }
    offset = end + 1;
  }
  return { entries, goodBytes: offset, damage: null };
}

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
    notice: `The project's journal was damaged at line ${damage.line} (${damage.problem}; ${damage.bytes} bytes): the project opened as it was after change ${last}.${kept}`,
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
