import { hash } from 'node:crypto';

/** Inputs of {@link articleId}. */
export interface ArticleIdInput {
  /** Output of `canonicalizeUrl`; null/undefined/empty when the item has no URL. */
  canonicalUrl?: string | null;
  /** Output of `contentFingerprint`. */
  fingerprint: string;
}

/**
 * The stable article id: the first 16 hex characters (64 bits) of sha256 of the canonical URL,
 * or of the content fingerprint when there is no URL. Same input, same id, on every run and
 * machine, so re-ingesting an item finds the stored one.
 */
export function articleId(input: ArticleIdInput): string {
  const key = input.canonicalUrl ? input.canonicalUrl : input.fingerprint;
  return hash('sha256', key, 'hex').slice(0, 16);
}
