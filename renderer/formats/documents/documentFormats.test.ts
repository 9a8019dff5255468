import { describe, expect, it } from 'vitest';
import { DOCUMENT_CONVERTERS, DOCUMENT_EXTENSIONS } from '../../../converters';
import { DOCUMENT_FORMATS, DOCUMENT_FILE_EXTENSIONS, IMPORT_FORMATS, EXPORT_FORMATS } from '../registry';
import { convertDocumentFile } from './conversion';

describe('document formats in the registry', () => {
  it('are exactly the converters, one folder each, offered by Add documents only', () => {
    expect(DOCUMENT_FORMATS.map((f) => f.id)).toEqual(Object.keys(DOCUMENT_CONVERTERS));
    for (const format of DOCUMENT_FORMATS) expect(format.extensions).toEqual(DOCUMENT_CONVERTERS[format.id as keyof typeof DOCUMENT_CONVERTERS].extensions);
    expect([...DOCUMENT_FILE_EXTENSIONS]).toEqual([...DOCUMENT_EXTENSIONS]);
    expect(IMPORT_FORMATS.some((f) => f.document) || EXPORT_FORMATS.some((f) => f.document)).toBe(false);
  });

  it('converts one file inline as the worker does: text, hash and provenance, or the reason', async () => {
    const ok = await convertDocumentFile({ id: 7, name: 'a.TXT', bytes: new TextEncoder().encode('caf\u0065\u0301\r\n') });
    expect(ok).toMatchObject({ id: 7, ok: true, document: { text: 'café\n', provenance: {}, warnings: [] } });
    expect(ok.ok && ok.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await convertDocumentFile({ id: 8, name: 'b.rtf', bytes: new Uint8Array([1]) })).toEqual({
      id: 8,
      ok: false,
      reason: expect.stringMatching(/^its type is not one that can be added \(\.txt/),
    });
  });
});
