/**
 * Test support: ZIP archives built byte by byte, so tests can craft what no honest zipper
 * writes — sizes and CRCs that lie, entries that share bytes, names that climb out, and bombs
 * (a DEFLATE stream of zeros that would inflate to a gigabyte, made without allocating it).
 */
import { deflateSync } from 'fflate';
import { crc32OfBytes } from '../../../common/crc32';

export interface CraftEntry {
  name: string;
  /** The content; its CRC and sizes are computed unless overridden. */
  data?: Uint8Array;
  /** Compressed bytes as they go in the archive (e.g. a bomb); `data` then only feeds the CRC. */
  payload?: Uint8Array;
  method?: 0 | 8;
  crc?: number;
  /** The uncompressed size the directory declares. */
  size?: number;
  /** The name written in the local header, when it should differ from the directory's. */
  localName?: string;
  /** The compressed size both headers declare (the payload's length unless given). */
  compressedSize?: number;
}

export interface CraftOptions {
  /** Directory entry i points at entry j's local header (j's bytes are then shared). */
  pointAt?: Array<[number, number]>;
  /** Directory entry i points at this byte offset of the archive. */
  moveTo?: Array<[number, number]>;
  /** Bytes cut off the end of the finished archive. */
  truncate?: number;
  /** Write the ZIP64 form: sizes and offsets in ZIP64 extra fields, a ZIP64 end record and locator. */
  zip64?: boolean;
}

const utf8 = new TextEncoder();
export const text = (s: string) => utf8.encode(s);

function u16(out: number[], v: number) {
  out.push(v & 0xff, (v >>> 8) & 0xff);
}
function u32(out: number[], v: number) {
  out.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
}
function u64(out: number[], v: number) {
  u32(out, v % 2 ** 32);
  u32(out, Math.floor(v / 2 ** 32));
}
const ALL_ONES = 0xffffffff;

/** The bytes an entry occupies in an archive of its own: local header, name, payload (to nest it inside another entry). */
export function localRecord(entry: CraftEntry): Uint8Array {
  const alone = craftZip([entry]);
  const directory = new DataView(alone.buffer, alone.byteOffset).getUint32(alone.length - 6, true);
  return alone.slice(0, directory);
}

export function craftZip(entries: readonly CraftEntry[], options: CraftOptions = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const push = (bytes: Uint8Array) => {
    chunks.push(bytes);
    offset += bytes.length;
  };
  const records = entries.map((entry) => {
    const data = entry.data ?? new Uint8Array(0);
    const method = entry.method ?? 8;
    const payload = entry.payload ?? (method === 8 ? deflateSync(data) : data);
    const name = text(entry.name);
    const localName = text(entry.localName ?? entry.name);
    const crc = entry.crc ?? crc32OfBytes(data);
    const size = entry.size ?? data.length;
    const compressed = entry.compressedSize ?? payload.length;
    const local: number[] = [];
    u32(local, 0x04034b50);
    u16(local, 20);
    u16(local, 0x800);
    u16(local, method);
    u32(local, 0);
    u32(local, crc);
    u32(local, compressed);
    u32(local, size);
    u16(local, localName.length);
    u16(local, 0);
    const at = offset;
    push(Uint8Array.from(local));
    push(localName);
    push(payload);
    return { name, method, crc, size, compressed, at };
  });
  for (const [i, j] of options.pointAt ?? []) records[i] = { ...records[i]!, at: records[j]!.at, compressed: records[j]!.compressed };
  for (const [i, at] of options.moveTo ?? []) records[i] = { ...records[i]!, at };
  const directoryStart = offset;
  const wide = options.zip64 === true;
  for (const r of records) {
    const head: number[] = [];
    u32(head, 0x02014b50);
    u16(head, 45);
    u16(head, wide ? 45 : 20);
    u16(head, 0x800);
    u16(head, r.method);
    u32(head, 0);
    u32(head, r.crc);
    u32(head, wide ? ALL_ONES : r.compressed);
    u32(head, wide ? ALL_ONES : r.size);
    u16(head, r.name.length);
    u16(head, wide ? 28 : 0);
    u16(head, 0);
    u16(head, 0);
    u16(head, 0);
    u32(head, 0);
    u32(head, wide ? ALL_ONES : r.at);
    push(Uint8Array.from(head));
    push(r.name);
    if (wide) {
      const extra: number[] = [];
      u16(extra, 0x0001);
      u16(extra, 24);
      u64(extra, r.size);
      u64(extra, r.compressed);
      u64(extra, r.at);
      push(Uint8Array.from(extra));
    }
  }
  const directorySize = offset - directoryStart;
  if (wide) {
    const record = offset;
    const end64: number[] = [];
    u32(end64, 0x06064b50);
    u64(end64, 44);
    u16(end64, 45);
    u16(end64, 45);
    u32(end64, 0);
    u32(end64, 0);
    u64(end64, records.length);
    u64(end64, records.length);
    u64(end64, directorySize);
    u64(end64, directoryStart);
    u32(end64, 0x07064b50);
    u32(end64, 0);
    u64(end64, record);
    u32(end64, 1);
    push(Uint8Array.from(end64));
  }
  const end: number[] = [];
  u32(end, 0x06054b50);
  u16(end, 0);
  u16(end, 0);
  u16(end, wide ? 0xffff : records.length);
  u16(end, wide ? 0xffff : records.length);
  u32(end, wide ? ALL_ONES : directorySize);
  u32(end, wide ? ALL_ONES : directoryStart);
  u16(end, 0);
  push(Uint8Array.from(end));
  const archive = new Uint8Array(offset);
  let at = 0;
  for (const c of chunks) {
    archive.set(c, at);
    at += c.length;
  }
  return options.truncate ? archive.subarray(0, archive.length - options.truncate) : archive;
}

/**
 * A raw DEFLATE stream (one block, fixed Huffman codes) that inflates to `bytes` zeros: a
 * literal 0, then copies of 258 bytes at distance 1, 13 bits each — about 160:1, so a gigabyte
 * takes some 6 MB, written without ever holding the gigabyte.
 */
export function zeroBomb(bytes: number): Uint8Array {
  const copies = Math.ceil((bytes - 1) / 258);
  const out = new Uint8Array(Math.ceil((3 + 8 + copies * 13 + 7 + 7) / 8));
  let bit = 0;
  const bits = (value: number, count: number) => {
    for (let k = 0; k < count; k++, bit++) if ((value >>> k) & 1) out[bit >>> 3]! |= 1 << (bit & 7);
  };
  // Huffman codes go most significant bit first.
  const code = (value: number, count: number) => {
    for (let k = count - 1; k >= 0; k--, bit++) if ((value >>> k) & 1) out[bit >>> 3]! |= 1 << (bit & 7);
  };
  bits(1, 1); // BFINAL
  bits(1, 2); // BTYPE 01: fixed Huffman codes
  code(0x30, 8); // literal 0
  for (let i = 0; i < copies; i++) {
    code(0xc5, 8); // length 258 (symbol 285)
    code(0, 5); // distance 1
  }
  code(0, 7); // end of block
  return out;
}
