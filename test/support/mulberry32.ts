/**
 * mulberry32 (Tommy Ettinger, public domain): a tiny seeded PRNG returning floats in [0, 1).
 * Fuzz tests and fixture generators use it so a failure replays from its seed; its 32-bit integer
 * arithmetic is exact in JavaScript, so the same seed gives the same stream everywhere.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
