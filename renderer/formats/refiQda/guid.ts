/**
 * REFI-QDA identifies everything by GUID (8-4-4-4-12 hex, optionally in braces). Our ids are
 * mostly UUIDs already; the others (document ids like "letter-1848-01", older segment ids)
 * get a stable GUID derived by hashing, so exporting twice gives the same file.
 */

const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/** The GUID in `value`, lower case without braces, or null when `value` is not a GUID. */
export function parseGuid(value: string): string | null {
  // Cheap length check first: exports ask this of every id, most of them GUIDs of 36 characters.
  if (value.length !== 36 && value.length !== 38) return null;
  const m = GUID.exec(value);
  // Braces must be both present or both absent.
  return m !== null && value.startsWith('{') === value.endsWith('}') ? m[1]!.toLowerCase() : null;
}

export function isGuid(value: string): boolean {
  return parseGuid(value) !== null;
}

/** Lower case without braces, so GUIDs written by different tools compare equal. */
export function normaliseGuid(value: string): string {
  return parseGuid(value) ?? value;
}

/** cyrb128: a fast, well-mixed 128-bit non-cryptographic hash (four 32-bit lanes). */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * The GUID for one of our ids: the id itself when it already is a GUID, otherwise a
 * name-based one (RFC 9562 version 8 layout) from the kind and the id, e.g. ("document", "letter-1").
 */
export function guidFor(kind: string, id: string): string {
  return parseGuid(id) ?? derivedGuid(kind, id);
}

function derivedGuid(kind: string, id: string): string {
  const hex = hash128(`marginalia:${kind}:${id}`)
    .map((n) => n.toString(16).padStart(8, '0'))
    .join('');
  const version = '8' + hex.slice(13, 16);
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16) + hex.slice(17, 20);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${version}-${variant}-${hex.slice(20, 32)}`;
}
