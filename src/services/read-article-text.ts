import { decryptText, type KeyRing } from '../secure/index.js';
import type { ArticleRow } from '../store/store.js';

/**
 * The plaintext of a stored article when Heatwire holds it (its own ciphertext), else null (a
 * foreign `secured` value or no text). A ciphertext that fails authentication throws.
 */
export function readArticleText(row: ArticleRow, ring: KeyRing): string | null {
  return row.secured?.kind === 'own' ? decryptText(row.secured.ciphertext, row.secured.keyId, ring) : null;
}
