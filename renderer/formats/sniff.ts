/**
 * What a file's first bytes say it is, so the Import dialog can tell a .qdpx chosen as a JSON
 * backup from a damaged backup. Only the head is looked at, never parsed as a whole: the file may
 * be hostile, and recognising it must cost nothing whatever its size.
 */

/** How many leading bytes a format may look at. */
export const SNIFF_BYTES = 4096;

/** The leading bytes a format's `looksLike` is given. */
export const headOf = (bytes: Uint8Array): Uint8Array => bytes.subarray(0, SNIFF_BYTES);

const ZIP_LOCAL_FILE = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4"

export function startsWith(head: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => head[i] === byte);
}

export const isZip = (head: Uint8Array): boolean => startsWith(head, ZIP_LOCAL_FILE);

/** The head as Latin-1: every byte one character, for finding ASCII names inside binary data. */
export const headBytesAsText = (head: Uint8Array): string => String.fromCharCode(...headOf(head));

/**
 * An Office Open XML package (Word, Excel …): a ZIP whose first entries name [Content_Types].xml.
 * A REFI-QDA .qdpx has no such entry.
 */
export const isOfficeZip = (head: Uint8Array): boolean => isZip(head) && headBytesAsText(head).includes('[Content_Types].xml');

/** The head as text: UTF-8 or UTF-16 by its byte order mark, bad bytes replaced (only for looking). */
export function headText(head: Uint8Array): string {
  const bytes = headOf(head);
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
}

/**
 * The name of an XML document's root element (without a namespace prefix), if the head reaches
 * it: the XML declaration, comments, processing instructions and a DOCTYPE are skipped.
 */
export function xmlRootName(head: Uint8Array): string | null {
  const text = headText(head);
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at]!)) at++;
    if (text.startsWith('<?', at)) at = skipPast(text, at, '?>');
    else if (text.startsWith('<!--', at)) at = skipPast(text, at, '-->');
    else if (text.startsWith('<!', at)) at = skipPast(text, at, '>');
    else break;
    if (at < 0) return null;
  }
  const root = /^<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]/.exec(text.slice(at, at + 200));
  return root ? root[1]! : null;
}

function skipPast(text: string, from: number, end: string): number {
  const found = text.indexOf(end, from);
  return found < 0 ? -1 : found + end.length;
}

/** A JSON object whose head has `"key": "value"` (a format's signature field). */
export function jsonObjectWith(head: Uint8Array, key: string, value: string): boolean {
  const text = headText(head).trimStart();
  return text.startsWith('{') && new RegExp(`"${escaped(key)}"\\s*:\\s*"${escaped(value)}"`).test(text);
}

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
