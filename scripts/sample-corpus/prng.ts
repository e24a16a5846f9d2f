import { HeatwireError } from '../../src/core/errors.js';

/**
 * A small seeded pseudo-random generator for the sample corpus. Only determinism matters here
 * (same seed ⇒ same corpus on every machine and Node version), so this avoids Math.random and
 * uses mulberry32, whose 32-bit integer arithmetic is exact in JavaScript.
 */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** One element, chosen with probability proportional to `weight(item)`. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** An independent generator derived from this one, so sub-tasks don't shift each other's draws. */
  fork(label: string): Rng;
}

/** Creates the generator for `seed` (any integer; only the low 32 bits count). */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    // mulberry32 (Tommy Ettinger, public domain): one add and two multiply-xorshift rounds.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new HeatwireError('INTERNAL', 'pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted: (items, weight) => {
      const weights = items.map((item) => Math.max(0, weight(item)));
      const total = weights.reduce((a, b) => a + b, 0);
      if (total <= 0) throw new HeatwireError('INTERNAL', 'weighted pick with no positive weight');
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i] ?? 0;
        if (r < 0) return items[i] as (typeof items)[number];
      }
      return items[items.length - 1] as (typeof items)[number];
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]];
      }
      return out;
    },
    fork: (label) => createRng(hashString(label) ^ Math.floor(next() * 4294967296)),
  };
  return rng;
}

/** FNV-1a 32-bit hash of a string: a stable way to turn a label into a seed. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
