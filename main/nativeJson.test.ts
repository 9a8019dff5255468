import { describe, expect, it } from 'vitest';
import { restoreNativeJsonStringify } from './nativeJson';

describe('restoreNativeJsonStringify', () => {
  it('writes values as JSON.stringify always did, after a library wrapped it', async () => {
    await import('../converters/index'); // pdfjs-dist's core-js wraps JSON.stringify on Node 20
    const value = { text: 'é \ud83d\ude00 \udead', date: new Date(0), list: [1, null, undefined, () => 1], nested: { n: 1.5, b: true }, skipped: undefined };
    const before = JSON.stringify(value, null, 2);
    restoreNativeJsonStringify();
    expect(JSON.stringify(value, null, 2)).toBe(before);
    expect(JSON.stringify({ a: 1, b: [2] }, ['a'])).toBe('{"a":1}');
    expect(JSON.stringify('\udead')).toBe('"\\udead"');
  });
});
