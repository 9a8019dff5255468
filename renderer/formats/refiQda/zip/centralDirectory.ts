/**
 * A ZIP archive's table of contents, read without inflating anything: the central directory
 * (ZIP64 included), each entry's local header, and the checks that make an archive safe to read
 * entry by entry — every entry's bytes inside the file, no two entries sharing bytes (a crafted
 * archive can point many entries at one compressed block, or an entry into the directory), no
 * entry named twice, no name that climbs out of the archive.
 */
import { MAX_ENTRIES } from '../limits';
import { ArchiveError } from './archiveError';
import { entryNameProblem } from './entryNames';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; others are refused when the entry is read. */
  method: number;
  encrypted: boolean;
  crc: number;
  compressedSize: number;
  /** The uncompressed size the directory declares; inflating never goes past it. */
  size: number;
  /** Where the entry's compressed bytes start. */
  dataStart: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

class Reader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  fits(offset: number, length: number): boolean {
    return offset >= 0 && offset + length <= this.bytes.length;
  }
  u16 = (offset: number) => this.view.getUint16(offset, true);
  u32 = (offset: number) => this.view.getUint32(offset, true);
  /** A 64-bit size or offset; one beyond any file we could hold is as bad as one beyond this file. */
  u64(offset: number): number {
    const high = this.u32(offset + 4);
    return high > 0x1fffff ? Number.MAX_SAFE_INTEGER : high * 2 ** 32 + this.u32(offset);
  }
}

const damaged = (why: string) => new ArchiveError(`The archive is damaged: ${why}.`);

function findEndRecord(r: Reader): number {
  const last = r.bytes.length - 22;
  for (let p = last; p >= 0 && p >= last - U16_MAX; p--) {
    if (r.u32(p) === EOCD) return p;
  }
  throw new ArchiveError('This is not a ZIP archive (no end of central directory record was found).');
}

interface Directory {
  offset: number;
  size: number;
  count: number;
  /** Where the records after the directory begin: entries' data must end before the directory. */
  end: number;
}

function readDirectoryLocation(r: Reader): Directory {
  const eocd = findEndRecord(r);
  if (r.u16(eocd + 4) !== 0 || r.u16(eocd + 6) !== 0) throw new ArchiveError('Archives split over several files are not supported.');
  let count = r.u16(eocd + 10);
  let size = r.u32(eocd + 12);
  let offset = r.u32(eocd + 16);
  let end = eocd;
  if (count === U16_MAX || size === U32_MAX || offset === U32_MAX) {
    const locator = eocd - 20;
    if (!r.fits(locator, 20) || r.u32(locator) !== ZIP64_LOCATOR) throw damaged('its ZIP64 directory locator is missing');
    const record = r.u64(locator + 8);
    if (!r.fits(record, 56) || r.u32(record) !== ZIP64_EOCD) throw damaged('its ZIP64 end record is missing');
    count = r.u64(record + 32);
    size = r.u64(record + 40);
    offset = r.u64(record + 48);
    end = record;
  }
  if (offset + size > end) throw damaged('its central directory lies outside the file');
  if (count > MAX_ENTRIES) throw new ArchiveError(`The archive lists ${count} entries; at most ${MAX_ENTRIES.toLocaleString('en')} are read.`);
  return { offset, size, count, end };
}

/** The ZIP64 extra field replaces the 32-bit values that are all ones, in this order. */
function applyZip64(r: Reader, extraStart: number, extraLength: number, fields: { size: number; compressedSize: number; localOffset: number }) {
  for (let p = extraStart; p + 4 <= extraStart + extraLength; ) {
    const id = r.u16(p);
    const length = r.u16(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      for (const key of ['size', 'compressedSize', 'localOffset'] as const) {
        if (fields[key] !== U32_MAX) continue;
        if (q + 8 > p + 4 + length) throw damaged('an entry’s ZIP64 sizes are cut short');
        fields[key] = r.u64(q);
        q += 8;
      }
      return;
    }
    p += 4 + length;
  }
}

function decodeName(raw: Uint8Array, utf8: boolean): string {
  if (utf8 || raw.every((b) => b < 0x80)) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      throw damaged('an entry name is not valid UTF-8');
    }
  }
  // Names without the UTF-8 flag are code page 437; Marginalia only looks for ASCII names, so
  // any reading that keeps other bytes apart will do.
  let name = '';
  for (const b of raw) name += String.fromCharCode(b);
  return name;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

interface Span {
  start: number;
  end: number;
  name: string;
}

function refuseOverlaps(spans: Span[], directory: Directory): void {
  spans.sort((a, b) => a.start - b.start);
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    if (i > 0 && span.start < spans[i - 1]!.end) {
      throw new ArchiveError(
        `The archive is refused: the entries "${spans[i - 1]!.name}" and "${span.name}" share bytes (overlapping entries are a sign of a crafted archive).`,
      );
    }
    if (span.end > directory.offset) {
      throw new ArchiveError(`The archive is refused: the entry "${span.name}" runs into the archive’s central directory (a sign of a crafted archive).`);
    }
  }
}

/** Every entry of the archive (directories left out), checked as described above; throws ArchiveError. */
export function readCentralDirectory(bytes: Uint8Array): ZipEntry[] {
  const r = new Reader(bytes);
  if (bytes.length < 22) throw new ArchiveError('This is not a ZIP archive (the file is too short).');
  const directory = readDirectoryLocation(r);
  const entries: ZipEntry[] = [];
  const spans: Span[] = [];
  const names = new Map<string, string>();
  let p = directory.offset;
  for (let i = 0; i < directory.count; i++) {
    if (!r.fits(p, 46) || p + 46 > directory.offset + directory.size || r.u32(p) !== CENTRAL) throw damaged(`its central directory ends after ${i} of ${directory.count} entries`);
    const flags = r.u16(p + 8);
    const nameLength = r.u16(p + 28);
    const extraLength = r.u16(p + 30);
    const recordLength = 46 + nameLength + extraLength + r.u16(p + 32);
    if (p + recordLength > directory.offset + directory.size) throw damaged('an entry of its central directory is cut short');
    const rawName = bytes.subarray(p + 46, p + 46 + nameLength);
    const name = decodeName(rawName, (flags & 0x800) !== 0);
    const fields = { size: r.u32(p + 24), compressedSize: r.u32(p + 20), localOffset: r.u32(p + 42) };
    applyZip64(r, p + 46 + nameLength, extraLength, fields);
    const problem = entryNameProblem(name);
    if (problem) throw new ArchiveError(`The archive is refused: the entry "${name}" ${problem}.`);
    const key = name.toLowerCase();
    const twin = names.get(key);
    if (twin !== undefined) throw new ArchiveError(`The archive is refused: it has two entries named "${twin}" and "${name}", so which one to read is ambiguous.`);
    names.set(key, name);

    const local = fields.localOffset;
    if (!r.fits(local, 30) || r.u32(local) !== LOCAL) throw damaged(`the entry "${name}" has no local header where the directory says`);
    const dataStart = local + 30 + r.u16(local + 26) + r.u16(local + 28);
    if (!sameBytes(bytes.subarray(local + 30, local + 30 + r.u16(local + 26)), rawName)) {
      throw new ArchiveError(`The archive is refused: the directory and the local header of the entry "${name}" name different files.`);
    }
    let end = dataStart + fields.compressedSize;
    if (flags & 0x8) {
      // A data descriptor (CRC and sizes written after the data), with or without its signature.
      const wide = fields.size >= U32_MAX || fields.compressedSize >= U32_MAX;
      end += (r.fits(end, 4) && r.u32(end) === DESCRIPTOR ? 4 : 0) + (wide ? 20 : 12);
    }
    if (end > bytes.length) throw damaged(`the entry "${name}" is cut short (the file ends before its data)`);
    spans.push({ start: local, end, name });
    if (!name.endsWith('/')) {
      entries.push({
        name,
        method: r.u16(p + 10),
        encrypted: (flags & 0x1) !== 0,
        crc: r.u32(p + 16),
        compressedSize: fields.compressedSize,
        size: fields.size,
        dataStart,
      });
    }
    p += recordLength;
  }
  refuseOverlaps(spans, directory);
  return entries;
}
