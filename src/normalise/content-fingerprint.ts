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
  // Fast path for printable ASCII (most text): NFKC and \p{Cf} change nothing there, and a plain
  // character class of ASCII's \p{P} members is several times faster than the Unicode regex.
  if (PRINTABLE_ASCII.test(value)) {
    return value.toLowerCase().replace(ASCII_PUNCT_OR_SPACE, ' ').trim();
  }
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\p{Cf}+/gu, '')
    .replace(/[\p{P}\s]+/gu, ' ')
    .trim();
}

const PRINTABLE_ASCII = /^[\x20-\x7e\t\n\r]*$/;
/** The ASCII members of \p{P} (not the symbols $+<=>^`|~, which are \p{S}), and whitespace. */
const ASCII_PUNCT_OR_SPACE = /[!"#%&'()*,\-./:;?@[\\\]_{}\s]+/g;

/**
 * The content fingerprint of an article: sha256 (hex) of the normalised title, a newline, and
 * the first {@link FINGERPRINT_TEXT_CHARS} characters of the normalised text (normalised from the
 * first 2 × that many characters of the raw text, so the cost does not grow with the text). Used for ids of
 * items without a URL and for content dedupe.
 */
export function contentFingerprint(title: string, text = ''): string {
  // Normalise only a bounded prefix: normalising a whole long text dominated ingest time.
  const normalised = normaliseForFingerprint(text.slice(0, FINGERPRINT_TEXT_CHARS * 2));
  let head = normalised.slice(0, FINGERPRINT_TEXT_CHARS);
  const last = head.charCodeAt(head.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) head = head.slice(0, -1); // never split a surrogate pair
  return createHash('sha256')
    .update(`${normaliseForFingerprint(title)}\n${head}`, 'utf8')
    .digest('hex');
}
