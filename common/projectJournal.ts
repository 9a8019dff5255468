/**
 * journal.jsonl's lines (see common/projectFile.ts): one change per line, the entry's JSON with a
 * last member `"crc32":"xxxxxxxx"`, the CRC-32 of the same text without that member (`{…}` as
 * JSON.stringify wrote it), so a torn or bit-flipped line is told from a good one. Reading stops
 * at the first line that is incomplete, fails its CRC, does not parse or does not follow the
 * previous sequence number: everything before it is the last good state; what follows is the
 * damaged tail, never applied.
 *
 * Pure, for main (which writes and opens the project) and the renderer (which imports a
 * colleague's project folder). Main passes Node's native CRC-32; the one here gives the same numbers.
 */
import { CRC_TABLE } from './crc32';
import { JournalEntrySchema } from './projectFile';
import type { JournalEntry } from './projectFile';

/** The CRC-32 (IEEE 802.3, as zlib's) of a text's UTF-8 bytes. */
export type Checksum = (text: string) => number;

/** CRC-32 of the text's UTF-8 bytes, encoded on the fly (a lone surrogate as U+FFFD, as a UTF-8 encoder writes it). */
export const crc32: Checksum = (text) => {
  let crc = 0xffffffff;
  const add = (byte: number) => {
    crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  };
  for (let i = 0; i < text.length; i++) {
    let point = text.charCodeAt(i);
    if (point < 0x80) {
      add(point);
      continue;
    }
    if (point >= 0xd800 && point <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        point = 0x10000 + ((point - 0xd800) << 10) + (low - 0xdc00);
        i++;
      } else point = 0xfffd;
    } else if (point >= 0xd800 && point <= 0xdfff) point = 0xfffd;
    if (point < 0x800) {
      add(0xc0 | (point >> 6));
    } else if (point < 0x10000) {
      add(0xe0 | (point >> 12));
      add(0x80 | ((point >> 6) & 0x3f));
    } else {
      add(0xf0 | (point >> 18));
      add(0x80 | ((point >> 12) & 0x3f));
      add(0x80 | ((point >> 6) & 0x3f));
    }
    add(0x80 | (point & 0x3f));
  }
  return (crc ^ 0xffffffff) >>> 0;
};

const CRC_SUFFIX = /,"crc32":"([0-9a-f]{8})"\}$/;

const hex = (crc: number) => crc.toString(16).padStart(8, '0');

/** The entry's line, with its checksum and line end. */
export function encodeJournalLine(entry: JournalEntry, checksum: Checksum = crc32): string {
  const json = JSON.stringify(entry);
  return `${json.slice(0, -1)},"crc32":"${hex(checksum(json))}"}\n`;
}

/** The entry a line holds, or why it is not a good line. */
export function decodeJournalLine(line: string, checksum: Checksum = crc32): { entry: JournalEntry } | { problem: string } {
  const match = CRC_SUFFIX.exec(line);
  if (!match) return { problem: 'no checksum (the line was cut short)' };
  const json = `${line.slice(0, match.index)}}`;
  if (hex(checksum(json)) !== match[1]) return { problem: 'checksum mismatch (the line was damaged)' };
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

/** Keeps a leading U+FEFF, as Node's Buffer decoder does (a line's text is its bytes). */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Reads a journal's bytes. Lines whose seq ≤ `afterSeq` are already in the snapshot (a
 * compaction stopped before the journal was rewritten) and are skipped; the first entry after
 * them must be `afterSeq + 1`, and each next one the one after.
 */
export function readJournal(bytes: Uint8Array, afterSeq: number, checksum: Checksum = crc32): ReadJournal {
  const entries: JournalEntry[] = [];
  let offset = 0;
  let line = 0;
  let expected = afterSeq + 1;
  while (offset < bytes.length) {
    line++;
    const end = bytes.indexOf(0x0a, offset);
    const damage = (problem: string): ReadJournal => ({ entries, goodBytes: offset, damage: { offset, bytes: bytes.length - offset, line, problem } });
    if (end === -1) return damage('the last line was cut short (no line end)');
    const decoded = decodeJournalLine(utf8.decode(bytes.subarray(offset, end)), checksum);
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

/** Where and why a journal is damaged, for the analyst: "The project's journal was damaged at line 7 (…; 120 bytes)". */
export function journalDamageText(damage: JournalDamage): string {
  return `The project's journal was damaged at line ${damage.line} (${damage.problem}; ${damage.bytes} bytes)`;
}
