import { createHash } from 'node:crypto';

/** How many characters of the (normalised) text go into a fingerprint. */
export const FINGERPRINT_TEXT_CHARS = 2000;
/** Raw characters read beyond the window, so that collapsed punctuation still fills it. */
const FINGERPRINT_SLACK_CHARS = 500;

/**
 * Normalises text for fingerprinting: Unicode NFKC (full-width and ligature forms fold to their
 * plain letters), lower case, invisible format characters (soft hyphen, zero-width space)
 * removed, punctuation turned into spaces (`don’t` and `don't` both give `don t`), whitespace
 * collapsed. Copies of one article that differ
 * only in quotes, dashes or spacing normalise to the same string.
 */
export function normaliseForFingerprint(value: string): string {
  const ascii = normaliseAscii(value);
  if (ascii !== null) return ascii;
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\p{Cf}+/gu, '')
    .replace(/[\p{P}\s]+/gu, ' ')
    .trim();
}

/**
 * The same normalisation for printable ASCII in one pass over the characters (NFKC and \p{Cf}
 * change nothing there); null as soon as a non-ASCII character shows up. Several times faster
 * than the Unicode regexes, which dominated ingest time.
 */
function normaliseAscii(value: string): string | null {
  // Bytes into a reused buffer, decoded once: string concatenation per character was the cost.
  const out = value.length <= ASCII_BUFFER.length ? ASCII_BUFFER : Buffer.allocUnsafe(value.length);
  let n = 0;
  let pendingSpace = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c > 0x7e) return null;
    if (ASCII_SEPARATOR[c] === 1) {
      pendingSpace = n > 0;
      continue;
    }
    if (c < 0x20) return null;
    if (pendingSpace) {
      out[n++] = 0x20;
      pendingSpace = false;
    }
    out[n++] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
  }
  return out.toString('latin1', 0, n);
}

const ASCII_BUFFER = Buffer.allocUnsafe(8192);

/** 1 for ASCII whitespace and the ASCII members of \p{P} (not $+<=>^`|~, which are \p{S}). */
const ASCII_SEPARATOR = (() => {
  const table = new Uint8Array(128);
  for (const ch of '\t\n\u000b\f\r !"#%&\'()*,-./:;?@[\\]_{}') table[ch.charCodeAt(0)] = 1;
  return table;
})();

/** The ASCII members of \p{P} (not the symbols $+<=>^`|~, which are \p{S}), and whitespace. */

/**
 * The content fingerprint of an article: sha256 (hex) of the normalised title, a newline, and
 * the first {@link FINGERPRINT_TEXT_CHARS} characters of the normalised text (normalised from the
 * first 2,500 characters of the raw text, so the cost does not grow with the text). Used for ids of
 * items without a URL and for content dedupe.
 */
export function contentFingerprint(title: string, text = ''): string {
  // Normalise only a bounded prefix: normalising a whole long text dominated ingest time.
  const normalised = normaliseForFingerprint(text.slice(0, FINGERPRINT_TEXT_CHARS + FINGERPRINT_SLACK_CHARS));
  let head = normalised.slice(0, FINGERPRINT_TEXT_CHARS);
  const last = head.charCodeAt(head.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) head = head.slice(0, -1); // never split a surrogate pair
  return createHash('sha256')
    .update(`${normaliseForFingerprint(title)}\n${head}`, 'utf8')
    .digest('hex');
}
