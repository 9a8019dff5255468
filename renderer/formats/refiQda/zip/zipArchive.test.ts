/**
 * The ZIP reader against honest archives (fflate's, the real files of other tools) and crafted
 * ones: lying sizes and CRCs, shared bytes, escaping names, bombs — each refused with a message
 * that says what is wrong, bombs stopped at their limit without allocating what they hold.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { craftZip, localRecord, text, zeroBomb } from '../../fuzz/craftZip';
import { MAX_SOURCE_BYTES, MAX_TOTAL_BYTES } from '../limits';
import { crc32OfBytes } from '../../../../common/crc32';
import { EntryTooLarge, ZipArchive } from './zipArchive';

const INTEROP = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/interop');
const MB = 1024 * 1024;

describe('crc32', () => {
  it('gives the standard check value and continues across chunks', () => {
    expect(crc32OfBytes(text('123456789'))).toBe(0xcbf43926);
    expect(crc32OfBytes(text('6789'), crc32OfBytes(text('12345')))).toBe(0xcbf43926);
    expect(crc32OfBytes(new Uint8Array(0))).toBe(0);
  });
});

describe('ZipArchive reads honest archives', () => {
  it('reads what fflate zipped, stored and deflated, by path in any case', () => {
    const archive = new ZipArchive(zipSync({ 'project.qde': strToU8('<Project/>'), 'sources/A.txt': [strToU8('ä'.repeat(5000)), { level: 0 }] }));
    expect(archive.names().sort()).toEqual(['project.qde', 'sources/A.txt']);
    expect(new TextDecoder().decode(archive.read('PROJECT.QDE', MB))).toBe('<Project/>');
    expect(new TextDecoder().decode(archive.read('sources/a.txt', MB))).toBe('ä'.repeat(5000));
    expect(archive.read('missing.txt', MB)).toBeUndefined();
  });

  it('reads the ZIP64 form (sizes and offsets in extra fields, a ZIP64 end record)', () => {
    const bytes = craftZip([{ name: 'project.qde', data: text('<Project/>') }, { name: 'sources/a.txt', data: text('Hello'), method: 0 }], { zip64: true });
    const archive = new ZipArchive(bytes);
    expect(new TextDecoder().decode(archive.read('project.qde', MB))).toBe('<Project/>');
    expect(new TextDecoder().decode(archive.read('sources/a.txt', MB))).toBe('Hello');
  });

  it('reads the real files of other tools', () => {
    for (const file of ['nvivo_project.qdpx', 'qc_demo.qdpx']) {
      const archive = new ZipArchive(new Uint8Array(readFileSync(resolve(INTEROP, file))));
      expect(archive.read('project.qde', MB)!.length).toBeGreaterThan(20_000);
    }
  });
});

function refuseRead(archive: ZipArchive, name: string): string {
  try {
    archive.read(name, MAX_SOURCE_BYTES);
  } catch (error) {
    return (error as Error).message;
  }
  return 'read';
}

describe('ZipArchive refuses crafted archives', () => {
  const refuse = (bytes: Uint8Array, read?: string) => {
    try {
      const archive = new ZipArchive(bytes);
      if (read) archive.read(read, MAX_SOURCE_BYTES);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('was not refused');
  };
  const data = text('Some text. '.repeat(100));

  it('that is not a ZIP, or cut short', () => {
    expect(refuse(text('plain text, no archive'))).toMatch(/not a ZIP archive/);
    expect(refuse(craftZip([{ name: 'a.txt', data }], { truncate: 30 }))).toMatch(/not a ZIP archive|damaged/);
    const whole = craftZip([{ name: 'a.txt', data }]);
    expect(refuse(whole.subarray(100))).toMatch(/damaged/);
  });

  it('whose entry fails its CRC, or inflates to another size than declared', () => {
    expect(refuse(craftZip([{ name: 'a.txt', data, crc: 1234 }]), 'a.txt')).toMatch(/"a\.txt" fails its CRC-32 check/);
    expect(refuse(craftZip([{ name: 'a.txt', data, size: 10 }]), 'a.txt')).toMatch(/"a\.txt" inflates to more than the 10 bytes its directory declares/);
    expect(refuse(craftZip([{ name: 'a.txt', data, size: data.length + 5 }]), 'a.txt')).toMatch(/inflates to 1100 bytes, not the 1105/);
    expect(refuse(craftZip([{ name: 'a.txt', data, payload: text('garbage!') }]), 'a.txt')).toMatch(/"a\.txt" cannot be inflated/);
  });

  it('whose entries share bytes, or run into the directory', () => {
    // b.txt's local header and data sit inside a.txt's (stored) data, where b's directory entry points.
    const inner = localRecord({ name: 'b.txt', data, method: 0 });
    const nested = craftZip([{ name: 'a.txt', data: inner, method: 0 }, { name: 'b.txt', data, method: 0 }], { moveTo: [[1, 30 + 'a.txt'.length]] });
    expect(refuse(nested)).toMatch(/the entries "a\.txt" and "b\.txt" share bytes/);
    const twice = craftZip([{ name: 'a.txt', data }, { name: 'a.txt', data }], { pointAt: [[1, 0]] });
    expect(refuse(twice)).toMatch(/two entries named/);
    const intoDirectory = craftZip([{ name: 'a.txt', data, method: 0, compressedSize: data.length + 10 }]);
    expect(refuse(intoDirectory)).toMatch(/the entry "a\.txt" runs into the archive’s central directory/);
    const beyondEnd = craftZip([{ name: 'a.txt', data, compressedSize: 10_000 }]);
    expect(refuse(beyondEnd)).toMatch(/the entry "a\.txt" is cut short/);
  });

  it('whose names climb out, start at a root, use backslashes, or repeat', () => {
    expect(refuse(craftZip([{ name: '../evil.txt', data }]))).toMatch(/"\.\.\/evil\.txt" has a path that leads outside the archive/);
    expect(refuse(craftZip([{ name: 'sources/../../x', data }]))).toMatch(/leads outside/);
    expect(refuse(craftZip([{ name: '/etc/passwd', data }]))).toMatch(/absolute path/);
    expect(refuse(craftZip([{ name: 'C:/x.txt', data }]))).toMatch(/absolute path/);
    expect(refuse(craftZip([{ name: 'sources\\x.txt', data }]))).toMatch(/backslashes/);
    expect(refuse(craftZip([{ name: 'A.txt', data }, { name: 'a.txt', data }]))).toMatch(/two entries named "A\.txt" and "a\.txt"/);
    expect(refuse(craftZip([{ name: 'a.txt', localName: 'b.txt', data }]))).toMatch(/name different files/);
  });

  it('stops a bomb at the declared size, and refuses one declared beyond the cap before inflating', () => {
    const bomb = zeroBomb(1024 * MB); // ~6 MB that would inflate to 1 GB
    expect(bomb.length).toBeLessThan(8 * MB);
    const lying = craftZip([{ name: 'sources/a.txt', payload: bomb, size: 4 * MB }]);
    const started = performance.now();
    expect(refuse(lying, 'sources/a.txt')).toMatch(/inflates to more than the 4194304 bytes its directory declares/);
    expect(performance.now() - started).toBeLessThan(5_000);

    const honest = new ZipArchive(craftZip([{ name: 'sources/a.txt', payload: bomb, size: 1024 * MB }]));
    expect(() => honest.read('sources/a.txt', MAX_SOURCE_BYTES)).toThrow(EntryTooLarge);
    expect(() => honest.read('sources/a.txt', MAX_SOURCE_BYTES)).toThrow(/more than 50 MB, the limit for it/);
  });

  it('counts what each entry declares against the total limit before inflating it', () => {
    const count = Math.floor(MAX_TOTAL_BYTES / (40 * MB)) + 1;
    const entries = Array.from({ length: count }, (_, i) => ({ name: `s${i}.txt`, payload: zeroBomb(8), size: 40 * MB }));
    const archive = new ZipArchive(craftZip(entries));
    const outcomes = entries.map((e) => refuseRead(archive, e.name));
    expect(outcomes.slice(0, -1).every((m) => /inflates to 259 bytes, not the 41943040/.test(m))).toBe(true);
    expect(outcomes.at(-1)).toMatch(/its entries inflate to more than 256 MB in all, the limit for one file/);
  });
});
