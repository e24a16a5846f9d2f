import type { LshIndex } from './lsh-index.js';
import { NEAR_DUPLICATE_THRESHOLD, estimateJaccard, isEmptySignature } from './minhash-signature.js';

/** What the detector needs to know about an already-indexed article. */
export interface IndexedCopy {
  provider: string;
  signature: Uint32Array;
}

/**
 * A near-duplicate found for a new article. `same-article`: the same provider published it again
 * (AMP/tracking URL variant, small edit) — it is one article. `copy-of`: another provider carries
 * the text (syndication) — a separate article with a `copyOf` link.
 */
export interface NearDuplicate {
  of: string;
  relation: 'same-article' | 'copy-of';
  similarity: number;
}

/**
 * Finds the most similar indexed article among the LSH candidates of `signature`, if its
 * estimated Jaccard reaches `threshold`. `lookup` reads indexed articles (a store or a Map);
 * only candidates are looked up, never the whole collection. Ties go to the earliest candidate,
 * so the original, not a later copy, is named.
 */
export function findNearDuplicate(
  article: { id: string; provider: string; signature: Uint32Array },
  index: LshIndex,
  lookup: (id: string) => IndexedCopy | undefined,
  threshold = NEAR_DUPLICATE_THRESHOLD,
): NearDuplicate | null {
  if (isEmptySignature(article.signature)) return null;
  let best: NearDuplicate | null = null;
  for (const id of index.candidates(article.signature)) {
    if (id === article.id) continue;
    const other = lookup(id);
    if (!other) continue;
    const similarity = estimateJaccard(article.signature, other.signature);
    if (similarity < threshold || (best && similarity <= best.similarity)) continue;
    const relation = normaliseProvider(other.provider) === normaliseProvider(article.provider) ? 'same-article' : 'copy-of';
    best = { of: id, relation, similarity };
  }
  return best;
}

function normaliseProvider(p: string): string {
  return p.trim().toLowerCase().replace(/^www\./, '');
}
