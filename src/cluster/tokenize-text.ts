/**
 * Text normalisation shared by near-duplicate detection and story clustering.
 *
 * Unicode NFKD then dropping combining marks folds "Zürich"/"Zurich" and full-width forms
 * together (UAX #15 compatibility decomposition), so a copy that only differs in typography or
 * accents still shingles the same way.
 */

const WORD_RE = /[\p{L}\p{N}]+/gu;

/** Lower-cased, accent-folded word tokens of `text`, in order. */
export function tokenizeText(text: string): string[] {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().match(WORD_RE) ?? [];
}

/** FNV-1a 32-bit hash of a string (deterministic across runs and processes). */
export function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's 32-bit finaliser: spreads every input bit over the whole output. */
export function mixHash(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
