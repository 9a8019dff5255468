/** mulberry32: a tiny, fast, seedable 32-bit PRNG. Same seed → same sequence on every platform. */
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [min, max] inclusive. */
export const intIn = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

/** Derives an independent stream for a sub-task (document n, segments of document n …). */
export function fork(seed: number, ...labels: number[]): Rng {
  let h = seed >>> 0;
  for (const label of labels) h = Math.imul(h ^ (label + 0x9e3779b9), 0x85ebca6b) >>> 0;
  return mulberry32(h ^ (h >>> 13));
}

/** A deterministic UUID-shaped id (version nibble 4) from the stream. */
export function uuidFrom(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
