import { describe, expect, it } from 'vitest';
import { ICNS_TYPES, packIcns, packIco, pngDimensions, readIcns, readIco } from './pack';

/** The smallest thing pngDimensions accepts: signature and an IHDR with width and height. */
function fakePng(size: number): Buffer {
  const png = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png, 0);
  png.writeUInt32BE(13, 8);
  png.write('IHDR', 12, 'ascii');
  png.writeUInt32BE(size, 16);
  png.writeUInt32BE(size, 20);
  return png;
}

describe('icon containers', () => {
  it('reads PNG sizes and refuses what is not a PNG', () => {
    expect(pngDimensions(fakePng(48))).toEqual({ width: 48, height: 48 });
    expect(() => pngDimensions(Buffer.from('GIF89a……………………………………………'))).toThrow(/not a PNG/);
  });

  it('packs an ICO that reads back, 256 px stored as 0, and refuses larger images', () => {
    const images = [16, 32, 256].map((size) => ({ size, data: fakePng(size) }));
    const ico = packIco(images);
    expect(ico.readUInt8(6 + 16 * 2)).toBe(0);
    expect(readIco(ico)).toEqual(images);
    expect(() => packIco([{ size: 512, data: fakePng(512) }])).toThrow(/at most 256/);
  });

  it('packs an ICNS whose length and elements read back, and needs every size', () => {
    const sizes = [...new Set(ICNS_TYPES.map((t) => t.size))];
    const icns = packIcns(sizes.map((size) => ({ size, data: fakePng(size) })));
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(readIcns(icns).map((e) => [e.type, pngDimensions(e.data).width])).toEqual(ICNS_TYPES.map((t) => [t.type, t.size]));
    expect(() => packIcns([{ size: 16, data: fakePng(16) }])).toThrow(/needs a 32 px image/);
  });
});
