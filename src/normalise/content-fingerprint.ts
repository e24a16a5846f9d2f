import { createHash } from 'node:crypto';

/** How many characters of the (normalised) text go into a fingerprint. */
export const FINGERPRINT_TEXT_CHARS = 2000;

/**
 * Normalises text for fingerprinting: Unicode NFKC (full-width and ligature forms fold to their
 * plain letters), lower case, invisible format characters (soft hyphen, zero-width space)
 * removed, punctuation turned into spaces (`don’t` and `don't` both give `don t`), whitespace
 * collapsed. Copies of one article that differ
 * only in quotes, dashes or spacing normalise to the same string.
 */
export function normaliseForFingerprint(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\p{Cf}+/gu, '')
    .replace(/\p{P}+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * The content fingerprint of an article: sha256 (hex) of the normalised title, a newline, and
 * the first {@link FINGERPRINT_TEXT_CHARS} characters of the normalised text (normalised from the
 * first 2 × that many characters of the raw text, so the cost does not grow with the text). Used for ids of
 * items without a URL and for content dedupe.
 */
export function contentFingerprint(title: string, text = ''): string {
  // Normalise only a bounded prefix (normalising a whole long text dominated ingest time), then
  // slice by code points so that the window never splits a surrogate pair.
  const prefix = text.slice(0, FINGERPRINT_TEXT_CHARS * 2);
  const head = Array.from(normaliseForFingerprint(prefix)).slice(0, FINGERPRINT_TEXT_CHARS).join('');
  return createHash('sha256')
    .update(`${normaliseForFingerprint(title)}\n${head}`, 'utf8')
    .digest('hex');
}
