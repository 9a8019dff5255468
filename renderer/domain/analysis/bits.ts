/** Bit sets over positions or codes, 32 to a word. */

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** How many bits are set at positions [from, to). */
export function countBits(bits: Uint32Array, from: number, to: number): number {
  if (to <= from) return 0;
  const first = from >>> 5;
  const last = (to - 1) >>> 5;
  const lowMask = (~0 << (from & 31)) >>> 0;
  const highMask = (to & 31) === 0 ? 0xffffffff : ((1 << (to & 31)) - 1) >>> 0;
  if (first === last) return popcount((bits[first] ?? 0) & lowMask & highMask);
  let n = popcount((bits[first] ?? 0) & lowMask) + popcount((bits[last] ?? 0) & highMask);
  for (let w = first + 1; w < last; w++) n += popcount(bits[w] ?? 0);
  return n;
}
