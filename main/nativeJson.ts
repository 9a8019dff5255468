/**
 * pdfjs-dist's legacy build (converters/pdf, loaded with the corpus reader) brings core-js, which
 * on Node 20 (no JSON.rawJSON) replaces JSON.stringify with a wrapper that passes every value
 * through a replacer function: 10–20× slower for every reply of the API and for the project file
 * (a 100,000-segment project took 7–13 s to stringify instead of 0.4 s). The native JSON.stringify
 * of a fresh V8 context is put back. JSON is realm-independent, so it writes this realm's values
 * exactly as the native one did; only JSON.rawJSON values (Marginalia makes none) lose their meaning.
 */
import { runInNewContext } from 'node:vm';

export function restoreNativeJsonStringify(): void {
  JSON.stringify = runInNewContext('JSON.stringify') as typeof JSON.stringify;
}
