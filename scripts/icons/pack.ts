/**
 * Icon containers written by hand: both ICO (Windows) and ICNS (macOS) may hold PNG images
 * as they are, so packing rendered PNGs needs no image library.
 */

/** Linux wants a set of sizes (hicolor theme); Windows' ICO goes up to 256 px; macOS (ICNS_TYPES) to 1024. */
export const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

export interface SizedPng {
  size: number;
  data: Buffer;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk; throws for anything that is not a PNG. */
export function pngDimensions(data: Buffer): { width: number; height: number } {
  if (data.length < 24 || !data.subarray(0, 8).equals(PNG_SIGNATURE) || data.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG image');
  }
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** ICO: a 6-byte header, a 16-byte entry per image, then the PNGs (a 256 px image is stored as 0). */
export function packIco(images: readonly SizedPng[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    if (size > 256) throw new Error(`ICO images are at most 256 px, not ${size}`);
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size === 256 ? 0 : size, 0);
    entry.writeUInt8(size === 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

/** ICNS element types that hold a PNG, by pixel size (the @2x types reuse the larger images). */
export const ICNS_TYPES: ReadonlyArray<{ type: string; size: number }> = [
  { type: 'icp4', size: 16 },
  { type: 'icp5', size: 32 },
  { type: 'icp6', size: 64 },
  { type: 'ic07', size: 128 },
  { type: 'ic08', size: 256 },
  { type: 'ic09', size: 512 },
  { type: 'ic10', size: 1024 },
  { type: 'ic11', size: 32 },
  { type: 'ic12', size: 64 },
  { type: 'ic13', size: 256 },
  { type: 'ic14', size: 512 },
];

/** ICNS: 'icns' + total length, then per element its 4-byte type, its length (header included), its PNG. */
export function packIcns(images: readonly SizedPng[]): Buffer {
  const bySize = new Map(images.map((i) => [i.size, i.data]));
  const elements = ICNS_TYPES.map(({ type, size }) => {
    const data = bySize.get(size);
    if (data === undefined) throw new Error(`ICNS needs a ${size} px image for ${type}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + data.length, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + elements.reduce((sum, e) => sum + e.length, 0), 4);
  return Buffer.concat([head, ...elements]);
}

/** The elements of an ICNS file, for checking one: type and PNG data. */
export function readIcns(file: Buffer): Array<{ type: string; data: Buffer }> {
  if (file.toString('ascii', 0, 4) !== 'icns' || file.readUInt32BE(4) !== file.length) throw new Error('not an ICNS file');
  const elements: Array<{ type: string; data: Buffer }> = [];
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at + 4);
    if (length < 8 || at + length > file.length) throw new Error(`ICNS element at ${at} has a bad length`);
    elements.push({ type: file.toString('ascii', at, at + 4), data: file.subarray(at + 8, at + length) });
    at += length;
  }
  return elements;
}

/** The images of an ICO file, for checking one: declared size and PNG data. */
export function readIco(file: Buffer): Array<{ size: number; data: Buffer }> {
  if (file.readUInt16LE(0) !== 0 || file.readUInt16LE(2) !== 1) throw new Error('not an ICO file');
  return Array.from({ length: file.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i;
    const width = file.readUInt8(entry);
    const length = file.readUInt32LE(entry + 8);
    const offset = file.readUInt32LE(entry + 12);
    return { size: width === 0 ? 256 : width, data: file.subarray(offset, offset + length) };
  });
}
