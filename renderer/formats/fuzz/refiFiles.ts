/**
 * Test support: small REFI-QDA projects (.qdpx) and codebooks (.qdc) written as text, so the
 * fuzz suite can put anything anywhere — entities, hostile GUIDs, positions, nesting, sizes.
 */
import { craftZip, text, type CraftEntry } from './craftZip';

/** The n-th GUID of a file. */
export const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const SOURCE_TEXT = 'Interviewer: How was the winter?\nRespondent: Hard. We had no café, no heat.\n';

export interface SelectionSpec {
  guid?: string;
  start: number | string;
  end: number | string;
  code?: string;
  codingGuid?: string;
  name?: string;
}

export interface SourceSpec {
  guid?: string;
  name?: string;
  /** Inline text; without it the text is the archive's sources/<file>. */
  inline?: string;
  file?: string;
  selections?: SelectionSpec[];
}

export const codeXml = (guid: string, name: string, inner = '') => `<Code guid="${guid}" name="${name}" isCodable="true" color="#336699">${inner}</Code>`;

/** Two codes (G(10) "Hardship", G(11) "Cold" under it), unless given others. */
export const CODES = codeXml(G(10), 'Hardship', codeXml(G(11), 'Cold'));

export function selectionXml(s: SelectionSpec, n: number): string {
  const name = s.name === undefined ? '' : ` name="${s.name}"`;
  return `<PlainTextSelection guid="${s.guid ?? G(100 + n)}"${name} startPosition="${s.start}" endPosition="${s.end}" creatingUser="${G(1)}">
  <Coding guid="${s.codingGuid ?? G(200 + n)}" creatingUser="${G(1)}"><CodeRef targetGUID="${s.code ?? G(10)}"/></Coding>
</PlainTextSelection>`;
}

export function sourceXml(s: SourceSpec, n: number): string {
  const path = s.inline === undefined ? ` plainTextPath="internal://${s.file ?? `s${n}.txt`}"` : '';
  const content = s.inline === undefined ? '' : `<PlainTextContent>${s.inline}</PlainTextContent>`;
  const selections = (s.selections ?? [{ start: 13, end: 32 }]).map((sel, i) => selectionXml(sel, n * 10 + i)).join('\n');
  return `<TextSource guid="${s.guid ?? G(20 + n)}" name="${s.name ?? `Interview ${n + 1}`}"${path}>${content}\n${selections}\n</TextSource>`;
}

export function projectXml(parts: { codes?: string; sources?: string; before?: string; extra?: string } = {}): string {
  return `<?xml version="1.0" encoding="utf-8"?>
${parts.before ?? ''}<Project xmlns="urn:QDA-XML:project:1.0" name="Fuzz study" origin="fuzz">
  <Users><User guid="${G(1)}" name="Ada"/></Users>
  <CodeBook><Codes>${parts.codes ?? CODES}</Codes></CodeBook>
  <Sources>${parts.sources ?? sourceXml({}, 0)}</Sources>${parts.extra ?? ''}
</Project>`;
}

/** A .qdpx of `xml` with the source files `sources/s<n>.txt` (SOURCE_TEXT unless given), entries as CraftEntry. */
export function qdpx(xml: string, files: Record<string, Uint8Array | string> = { 's0.txt': SOURCE_TEXT }, extra: CraftEntry[] = []): Uint8Array {
  const entries: CraftEntry[] = [
    { name: 'project.qde', data: text(xml) },
    ...Object.entries(files).map(([name, data]) => ({ name: `sources/${name}`, data: typeof data === 'string' ? text(data) : data })),
    ...extra,
  ];
  return craftZip(entries);
}

export function qdcXml(codes: string, before = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${before}<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="fuzz"><Codes>${codes}</Codes></CodeBook>`;
}

/** Codes nested `depth` deep, one per level. */
export function nestedCodes(depth: number, from = 1000): string {
  let xml = '';
  for (let i = depth - 1; i >= 0; i--) xml = codeXml(G(from + i), `Level ${i}`, xml);
  return xml;
}
