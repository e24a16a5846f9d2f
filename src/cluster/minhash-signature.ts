import { hashString, mixHash, tokenizeText } from './tokenize-text.js';

/** How a MinHash signature is built; both sides of a comparison must use the same options. */
export interface MinhashOptions {
  /** Number of hash functions = signature length (default 128 = 16 bands × 8 rows). */
  hashes?: number;
  /** Words per shingle (default 5). */
  shingleSize?: number;
  /** Only the first `maxChars` characters of the text are used (default 8192 ≈ "first N KB"). */
  maxChars?: number;
  /** Seed of the hash family (default 1). */
  seed?: number;
}

/** Defaults used everywhere unless a caller overrides them. */
export const MINHASH_DEFAULTS = { hashes: 128, shingleSize: 5, maxChars: 8192, seed: 1 } as const;

/** Value of every slot of the signature of a text with no words. */
const EMPTY_SLOT = 0xffffffff;

const familyCache = new Map<string, Uint32Array>();

function hashFamily(hashes: number, seed: number): Uint32Array {
  const key = `${hashes}:${seed}`;
  let family = familyCache.get(key);
  if (!family) {
    family = new Uint32Array(hashes);
    let s = mixHash(seed ^ 0x9e3779b9);
    for (let i = 0; i < hashes; i++) {
      s = mixHash(s + 0x6d2b79f5);
      family[i] = s;
    }
    familyCache.set(key, family);
  }
  return family;
}

/**
 * MinHash signature of the word `shingleSize`-shingles of `text` (Broder 1997): slot i holds the
 * minimum of h_i over all shingles, so P[slot equal] = Jaccard similarity of the shingle sets.
 * Callers pass `title + "\n" + text`; the first `maxChars` characters are used.
 *
 * @example minhashSignature('Acme buys Widget Co for $2bn …').length // 128
 */
export function minhashSignature(text: string, options: MinhashOptions = {}): Uint32Array {
  const { hashes, shingleSize, maxChars, seed } = { ...MINHASH_DEFAULTS, ...options };
  const family = hashFamily(hashes, seed);
  const signature = new Uint32Array(hashes).fill(EMPTY_SLOT);
  const words = tokenizeText(text.slice(0, maxChars)).map(hashString);
  if (words.length === 0) return signature;
  const k = Math.min(shingleSize, words.length);
  for (let i = 0; i + k <= words.length; i++) {
    let shingle = 0;
    for (let j = 0; j < k; j++) shingle = mixHash(Math.imul(shingle, 31) + words[i + j]!);
    for (let h = 0; h < hashes; h++) {
      // h_i(x) = fmix32(x XOR seed_i): a cheap, well-mixed family of independent-looking hashes.
      const v = mixHash(shingle ^ family[h]!);
      if (v < signature[h]!) signature[h] = v;
    }
  }
  return signature;
}

/** True when the signature came from a text with no words (never a duplicate of anything). */
export function isEmptySignature(signature: Uint32Array): boolean {
  return signature.every((v) => v === EMPTY_SLOT);
}

/** Estimated Jaccard similarity of two signatures: the share of equal slots. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/**
 * Default near-duplicate threshold on estimated Jaccard of 5-word shingles. 0.8 keeps copies
 * with a changed headline, a tracking footer or a few edited words (each edited word breaks at
 * most 5 shingles), and rejects rewrites of the same event, which share few 5-word runs. With 128
 * slots the estimate's standard error is ≤ 0.045, so 0.8 sits well clear of both groups.
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;

/** Whether two signatures are near-duplicates: estimated Jaccard ≥ `threshold`. */
export function isNearDuplicate(a: Uint32Array, b: Uint32Array, threshold = NEAR_DUPLICATE_THRESHOLD): boolean {
  if (isEmptySignature(a) || isEmptySignature(b)) return false;
  return estimateJaccard(a, b) >= threshold;
}
