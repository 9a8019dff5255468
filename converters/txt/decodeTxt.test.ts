import { describe, expect, it } from 'vitest';
import { RefusedDocument } from '../convert';
import { spanOf, TRICKY_LINE, TRICKY_NORMALISED } from '../testing';
import { decodeTxt } from './decodeTxt';

const utf8 = (text: string) => new TextEncoder().encode(text);
function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const [hi, lo] = [unit >> 8, unit & 0xff];
    bytes.set(endian === 'le' ? [lo, hi] : [hi, lo], 2 + i * 2);
  }
  return bytes;
}

describe('decodeTxt', () => {
  it('reads UTF-8 with and without a BOM, normalised, offsets exact around emoji, Arabic and combining marks', async () => {
    const text = `First line\r\n${TRICKY_LINE}\r\nlast`;
    for (const bytes of [utf8(text), utf8(`\uFEFF${text}`)]) {
      const doc = await decodeTxt(bytes);
      expect(doc.text).toBe(`First line\n${TRICKY_NORMALISED}\nlast`);
      expect(doc.warnings).toEqual([]);
      const { start, end } = spanOf(doc.text, 'مرحبا');
      expect(doc.text.slice(start, end)).toBe('مرحبا');
      expect(spanOf(doc.text, 'café').start).toBe(spanOf(doc.text, '👩🏽‍🔬').end + ' then '.length);
    }
  });

  it('reads UTF-16 little- and big-endian with a BOM', async () => {
    for (const endian of ['le', 'be'] as const) {
      const doc = await decodeTxt(utf16(`${TRICKY_LINE}\r\nsecond`, endian));
      expect(doc.text).toBe(`${TRICKY_NORMALISED}\nsecond`);
      expect(doc.warnings).toEqual([]);
    }
  });

  it('reads Windows-1252 (curly quotes, €, dash) and says so', async () => {
    // “Café” – 5 € : 0x93 Caf 0xE9 0x94 0x20 0x96 0x20 5 0x20 0x80
    const bytes = new Uint8Array([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80]);
    const doc = await decodeTxt(bytes);
    expect(doc.text).toBe('“Café” – 5 €');
    expect(doc.warnings).toEqual([expect.stringContaining('read as Windows-1252')]);
  });

  it('reads Latin-1 when no Windows-only byte is used, and says so', async () => {
    const doc = await decodeTxt(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0xe0, 0x20, 0x4e, 0xee, 0x6d, 0x65, 0x73]));
    expect(doc.text).toBe('Café à Nîmes');
    expect(doc.warnings).toEqual([expect.stringContaining('read as Latin-1')]);
  });

  it('refuses a file with NUL bytes, a binary file and an empty one', async () => {
    await expect(decodeTxt(new Uint8Array([0x41, 0x00, 0x42, 0x43]))).rejects.toThrow(/NUL bytes/);
    await expect(decodeTxt(new Uint8Array([0x41, 0x00, 0x42, 0x43]))).rejects.toBeInstanceOf(RefusedDocument);
    const binary = new Uint8Array(200).map((_, i) => (i % 7 === 0 ? 0x01 : 0x41));
    await expect(decodeTxt(binary)).rejects.toThrow(/binary/);
    await expect(decodeTxt(utf8(' \n\t '))).rejects.toThrow(/no text/);
  });
});
