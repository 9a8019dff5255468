/**
 * A ZIP archive read entry by entry, on demand: only what the reader asks for is inflated.
 * Every entry is held to the size the directory declares and to a cap the caller gives, the
 * whole archive to MAX_TOTAL_BYTES, all enforced while inflating (the stream is fed in slices
 * small enough that one slice cannot overshoot by much, and stops at the limit); the result must
 * match the entry's CRC-32.
 */
import { Inflate } from 'fflate';
import { MAX_TOTAL_BYTES, megabytes } from '../limits';
import { ArchiveError } from './archiveError';
import { readCentralDirectory, type ZipEntry } from './centralDirectory';
import { crc32OfBytes } from '../../../../common/crc32';
import { errorMessage } from '../../../../common/errorMessage';

/** An entry larger than the cap its reader gave; the reader decides whether that refuses the file. */
export class EntryTooLarge extends ArchiveError {
  override name = 'EntryTooLarge';
  constructor(
    readonly entry: string,
    readonly cap: number,
  ) {
    super(`The entry "${entry}" inflates to more than ${megabytes(cap)}, the limit for it.`);
  }
}

/** The most a DEFLATE stream can expand one input byte (258 bytes per 2 bits, in practice ~1032). */
const DEFLATE_MAX_RATIO = 1032;
const MIN_SLICE = 512;
const MAX_SLICE = 64 * 1024;

function inflateInto(input: Uint8Array, entry: ZipEntry): Uint8Array {
  const out = new Uint8Array(entry.size);
  let written = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > out.length) {
      overflow = true;
      return;
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  let offset = 0;
  do {
    // A slice can inflate to ~1000× its size: feed no more than what the room left can take.
    const room = out.length - written;
    const slice = Math.min(MAX_SLICE, Math.max(MIN_SLICE, Math.ceil((room + 1) / DEFLATE_MAX_RATIO)));
    const next = Math.min(input.length, offset + slice);
    try {
      inflater.push(input.subarray(offset, next), next === input.length);
    } catch (error) {
      throw new ArchiveError(`The archive is damaged: the entry "${entry.name}" cannot be inflated (${errorMessage(error)}).`);
    }
    if (overflow) {
      throw new ArchiveError(`The archive is refused: the entry "${entry.name}" inflates to more than the ${entry.size} bytes its directory declares.`);
    }
    offset = next;
  } while (offset < input.length);
  if (written !== out.length) {
    throw new ArchiveError(`The archive is damaged: the entry "${entry.name}" inflates to ${written} bytes, not the ${entry.size} its directory declares.`);
  }
  return out;
}

function contentOf(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if (entry.encrypted) throw new ArchiveError(`The entry "${entry.name}" is encrypted; Marginalia reads unencrypted archives only.`);
  const input = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new ArchiveError(`The archive is damaged: the stored entry "${entry.name}" has two different sizes.`);
    return input;
  }
  if (entry.method === 8) return inflateInto(input, entry);
  throw new ArchiveError(`The entry "${entry.name}" is compressed with method ${entry.method}; Marginalia reads stored and deflated entries only.`);
}

export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();
  private inflated = 0;

  /** Reads the archive's directory (nothing is inflated yet); throws ArchiveError. */
  constructor(private readonly bytes: Uint8Array) {
    for (const entry of readCentralDirectory(bytes)) this.entries.set(entry.name.toLowerCase(), entry);
  }

  /** Entry names as the archive spells them. */
  names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  /** Whether there is an entry of that path (compared case-insensitively: archives made on Windows vary). */
  has(path: string): boolean {
    return this.entries.has(path.toLowerCase());
  }

  /**
   * The entry's bytes, or undefined when there is none. Throws EntryTooLarge when it is larger
   * than `cap`, ArchiveError when it is damaged or the archive as a whole inflates past MAX_TOTAL_BYTES.
   */
  read(path: string, cap: number): Uint8Array | undefined {
    const entry = this.entries.get(path.toLowerCase());
    if (!entry) return undefined;
    if (entry.size > cap) throw new EntryTooLarge(entry.name, cap);
    if (this.inflated + entry.size > MAX_TOTAL_BYTES) {
      throw new ArchiveError(`The archive is refused: its entries inflate to more than ${megabytes(MAX_TOTAL_BYTES)} in all, the limit for one file.`);
    }
    this.inflated += entry.size;
    const content = contentOf(this.bytes, entry);
    if (crc32OfBytes(content) !== entry.crc) {
      throw new ArchiveError(`The archive is damaged: the entry "${entry.name}" fails its CRC-32 check (its content is not what was zipped).`);
    }
    return content;
  }
}
