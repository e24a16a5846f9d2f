import { hash } from 'node:crypto';

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
  return normaliseAscii(value) ?? normaliseUnicode(value);
}

/**
 * The definition for any text: NFKC and lower case natively, then one pass that drops \p{Cf}
 * and collapses runs of \p{P} and \s into one space, trimmed. That pass gives exactly what
 * `.replace(/\p{Cf}+/gu, '').replace(/[\p{P}\s]+/gu, ' ').trim()` gives (tested against it on random
 * Unicode text): a dropped character never starts or ends a separator run, and a separator at
 * either end is never written. Most real news is not pure ASCII (typographic quotes and dashes,
 * names with accents); on such text the two regexes made a whole fingerprint cost ~81 µs against
 * ~9 µs for ASCII text, and with this pass it costs ~20 µs.
 */
function normaliseUnicode(value: string): string {
  const s = value.normalize('NFKC').toLowerCase();
  const length = s.length;
  const classes = bmpClasses();
  // The code units, read from a typed array (faster than charCodeAt); written over in place.
  const units = length <= UTF16_BUFFER.length ? UTF16_BUFFER : new Uint16Array(length);
  Buffer.from(units.buffer, units.byteOffset, length * 2).write(s, 0, 'utf16le');
  let n = 0;
  let pending = false; // a separator was read after some output
  let lone = false; // a surrogate without its pair was kept
  for (let i = 0; i < length; i++) {
    const c = units[i]!;
    let kind = classes[c]!;
    if (kind === SURROGATE) {
      // A pair is one code point, classed on its own; a lone surrogate is kept (category Cs).
      if (c <= 0xdbff && i + 1 < length && isLowSurrogate(units[i + 1]!)) {
        kind = astralClass(((c - 0xd800) << 10) + (units[i + 1]! - 0xdc00) + 0x10000);
        if (kind === KEEP) {
          if (pending) units[n++] = 0x20;
          pending = false;
          units[n++] = c;
          units[n++] = units[i + 1]!;
        } else if (kind === SEPARATE && n > 0) pending = true;
        i += 1;
        continue;
      }
      lone = true;
      kind = KEEP;
    }
    if (kind === KEEP) {
      if (pending) units[n++] = 0x20;
      pending = false;
      units[n++] = c;
    } else if (kind === SEPARATE && n > 0) pending = true;
  }
  // TextDecoder is the fast way from code units to a string, but it turns a lone surrogate into
  // U+FFFD, which the definition keeps.
  return lone ? fromCodeUnits(units, n) : UTF16.decode(units.subarray(0, n));
}

const UTF16_BUFFER = new Uint16Array(8192);
const UTF16 = new TextDecoder('utf-16le');

/** The string of the first `n` code units (lone surrogates kept as they are, unlike TextDecoder). */
function fromCodeUnits(units: Uint16Array, n: number): string {
  let result = '';
  for (let from = 0; from < n; from += 4096) {
    result += String.fromCharCode.apply(null, units.subarray(from, Math.min(n, from + 4096)) as unknown as number[]);
  }
  return result;
}

const KEEP = 0;
const SEPARATE = 1; // \p{P} or \s
const DROP = 2; // \p{Cf}
const SURROGATE = 3; // U+D800–U+DFFF: half of a pair, or a lone surrogate (both rare)
const CF = /^\p{Cf}$/u;
const SEPARATOR = /^[\p{P}\s]$/u;

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function classOf(ch: string): number {
  return CF.test(ch) ? DROP : SEPARATOR.test(ch) ? SEPARATE : KEEP;
}

let bmp: Uint8Array | undefined;

/**
 * KEEP, SEPARATE or DROP for each of the 65,536 UTF-16 code units, asked of the same regexes as
 * the definition (so the engine's Unicode version decides, as it does for them); SURROGATE for the
 * surrogates, which the loop resolves (a pair is one astral code point; a lone surrogate is a
 * character of its own to the regexes, category Cs: kept). Built on first use, ~20 ms.
 */
function bmpClasses(): Uint8Array {
  if (!bmp) {
    bmp = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) bmp[c] = c >= 0xd800 && c <= 0xdfff ? SURROGATE : classOf(String.fromCharCode(c));
  }
  return bmp;
}

const astral = new Map<number, number>();

/** The class of a code point above U+FFFF (tag characters, some symbols and punctuation), cached. */
function astralClass(codePoint: number): number {
  let kind = astral.get(codePoint);
  if (kind === undefined) {
    kind = classOf(String.fromCodePoint(codePoint));
    if (astral.size < 4096) astral.set(codePoint, kind);
  }
  return kind;
}

/**
 * The same normalisation for printable ASCII, in one pass over bytes (NFKC and \p{Cf} change
 * nothing there); null when the text is not all printable ASCII. Several times faster than the
 * Unicode regexes, which dominated ingest time; reading bytes from a buffer rather than
 * `charCodeAt` halved it again (bench:ingest, 2,500 characters: 16 µs → 7 µs).
 *
 * With `maxChars` it stops once it has that many characters. The result is then the first
 * `maxChars` characters of the whole normalisation: a control character further on would only
 * change what comes after it, and the byte-length check has already ruled out anything that NFKC
 * could compose with a character before the cut.
 */
function normaliseAscii(value: string, maxChars = value.length): string | null {
  const length = value.length;
  // UTF-8 length equals the UTF-16 length only when every character is below U+0080.
  if (Buffer.byteLength(value, 'utf8') !== length) return null;
  const bytes = length <= ASCII_BUFFER.length ? ASCII_BUFFER : Buffer.allocUnsafe(length);
  bytes.write(value, 0, length, 'latin1');
  // In place: the write position never passes the read position. Branch-free per character
  // (both writes always happen, the counts decide what is kept): branching on letter/separator
  // was mispredicted about once a word, and this loop is ~35% faster (2,500 characters:
  // 10 → 6.6 µs).
  let n = 0;
  let pending = 0; // 1 after a separator run that follows some output
  for (let i = 0; i < length; i++) {
    const mapped = ASCII_MAP[bytes[i]!]!;
    if (mapped === REJECT) return null; // a control character: the Unicode path decides
    const letter = (mapped + 0xfe) >> 8; // 1 for a kept character (mapped ≥ 0x20), 0 for ASCII_SEPARATOR
    const notLetter = letter ^ 1;
    bytes[n] = 0x20;
    n += letter & pending;
    bytes[n] = mapped;
    n += letter;
    pending = (pending | (n > 0 ? 1 : 0)) & notLetter;
    // The space and the character may step past the limit together: cut at it.
    if (n >= maxChars) return bytes.toString('latin1', 0, maxChars);
  }
  return bytes.toString('latin1', 0, n);
}

const ASCII_BUFFER = Buffer.allocUnsafe(8192);
const ASCII_SEPARATOR = 0;
const REJECT = 1;

/**
 * Per byte: ASCII_SEPARATOR for ASCII whitespace and the ASCII members of \p{P} (not $+<=>^`|~, which
 * are \p{S}), REJECT for control characters and DEL, otherwise the lower-cased byte itself.
 */
const ASCII_MAP = (() => {
  const table = new Uint8Array(256).fill(REJECT);
  for (let c = 0x20; c <= 0x7e; c++) table[c] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
  for (const ch of '\t\n\u000b\f\r !"#%&\'()*,-./:;?@[\\]_{}') table[ch.charCodeAt(0)] = ASCII_SEPARATOR;
  return table;
})();

/**
 * The content fingerprint of an article: sha256 (hex) of the normalised title, a newline, and
 * the first {@link FINGERPRINT_TEXT_CHARS} characters of the normalised text (normalised from the
 * first 2,500 characters of the raw text, so the cost does not grow with the text). Used for ids of
 * items without a URL and for content dedupe.
 */
export function contentFingerprint(title: string, text = ''): string {
  // Normalise only a bounded prefix: normalising a whole long text dominated ingest time. The
  // ASCII path also stops as soon as it has the window.
  const raw = text.slice(0, FINGERPRINT_TEXT_CHARS + FINGERPRINT_SLACK_CHARS);
  const ascii = normaliseAscii(raw, FINGERPRINT_TEXT_CHARS);
  const titleKey = normaliseForFingerprint(title);
  if (ascii === null) {
    const common = hashCommonText(titleKey, raw);
    if (common !== null) return common;
  }
  let head = ascii ?? normaliseUnicode(raw).slice(0, FINGERPRINT_TEXT_CHARS);
  const last = head.charCodeAt(head.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) head = head.slice(0, -1); // never split a surrogate pair
  // One-shot crypto.hash: no Hash object per call (its setup cost more than hashing 2 KB).
  return hash('sha256', `${titleKey}\n${head}`, 'hex');
}

/**
 * The fingerprint of a text whose window holds only ASCII and "plain" non-ASCII characters
 * (Latin letters with accents, typographic punctuation and spaces, currency signs): most real
 * news that is not pure ASCII. For those characters the definition needs no context: NFKC leaves
 * each letter as it is and never composes two of them (composition needs a combining mark, which
 * is not plain), lower case maps one code unit to one, and a punctuation character's NFKC form is
 * punctuation again. So one pass over code units gives the normalised window, written straight
 * as the UTF-8 that is hashed. Null when any character of the window is not plain: the Unicode
 * path decides. The whole window is read either way, so a combining mark past the 2,000th
 * character still sends the text there, as it would change what NFKC does at the cut.
 * On bench:ingest's text (typographic punctuation, some accented names) a fingerprint costs ~12 µs
 * this way against ~24 µs through the Unicode path (ASCII text: ~8 µs).
 */
function hashCommonText(titleKey: string, raw: string): string | null {
  const map = plainMap();
  const length = raw.length;
  if (length > PLAIN_UNITS.length) return null;
  Buffer.from(PLAIN_UNITS.buffer, 0, length * 2).write(raw, 0, 'utf16le');
  const out = PLAIN_OUT;
  const prefix = UTF8.encodeInto(`${titleKey}\n`, out.subarray(0, PLAIN_TITLE_BYTES));
  if (prefix.read < titleKey.length + 1) return null; // a very long title: the general path
  let o = prefix.written;
  const start = o;
  let limit = start + FINGERPRINT_TEXT_CHARS; // o at which the window is full; moves with multi-byte characters
  let pending = 0; // 1: a separator was read after some output
  let i = 0;
  for (; i < length; i++) {
    const m = map[PLAIN_UNITS[i]!]!;
    if (m >= 0x80) {
      // Rare: a reject, a dropped character, or one written as several UTF-8 bytes.
      if (m === PLAIN_REJECT) return null;
      if (m === PLAIN_DROP) continue;
      if (pending) out[o++] = 0x20;
      pending = 0;
      if (o >= limit) break;
      if (m < 0x800) {
        out[o++] = 0xc0 | (m >> 6);
        out[o++] = 0x80 | (m & 0x3f);
        limit += 1;
      } else {
        out[o++] = 0xe0 | (m >> 12);
        out[o++] = 0x80 | ((m >> 6) & 0x3f);
        out[o++] = 0x80 | (m & 0x3f);
        limit += 2;
      }
    } else {
      // A separator (0) or an ASCII character: branch-free, as in normaliseAscii.
      const letter = (m + 0xff) >> 8;
      out[o] = 0x20;
      o += letter & pending;
      out[o] = m;
      o += letter;
      pending = (pending | (o > start ? 1 : 0)) & (letter ^ 1);
    }
    if (o >= limit) break;
  }
  // The window is full (or the text ended): cut at 2,000 units (only a one-byte character after a
  // space can overshoot, by one), then look on for rejects.
  if (o > limit) o = limit;
  for (i += 1; i < length; i++) if (map[PLAIN_UNITS[i]!] === PLAIN_REJECT) return null;
  return hash('sha256', out.subarray(0, o), 'hex');
}

// Kept ASCII characters map to themselves (0x21–0x7e), kept others to their lower case (≥ 0x80);
// the markers are U+FFFE and U+FFFF, which are never kept here, so one comparison (≥ 0x80) finds
// every rare case.
const PLAIN_SEPARATOR = 0;
const PLAIN_REJECT = 0xffff;
const PLAIN_DROP = 0xfffe;
const PLAIN_UNITS = new Uint16Array(FINGERPRINT_TEXT_CHARS + FINGERPRINT_SLACK_CHARS);
const PLAIN_TITLE_BYTES = 8192;
const PLAIN_OUT = new Uint8Array(PLAIN_TITLE_BYTES + 3 * FINGERPRINT_TEXT_CHARS);
const UTF8 = new TextEncoder();

/** Where plain characters are looked for besides ASCII: Latin-1 to Latin Extended-B, General Punctuation, currency. */
const PLAIN_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00a0, 0x024f],
  [0x2000, 0x206f],
  [0x20a0, 0x20cf],
];

let plain: Uint16Array | undefined;

/**
 * Per UTF-16 code unit: the lower-cased unit it normalises to, or PLAIN_SEPARATOR, PLAIN_DROP
 * (\p{Cf}), PLAIN_REJECT (not plain). Each candidate is checked against the definition's own
 * steps when the table is built: a kept character must be its own NFKC form, not a mark, and lower
 * to one kept unit; a separator's NFKC form must be separators only; a dropped one its own form.
 */
function plainMap(): Uint16Array {
  if (!plain) {
    const table = new Uint16Array(0x10000).fill(PLAIN_REJECT);
    for (let c = 0; c < 0x80; c++) {
      const a = ASCII_MAP[c]!;
      table[c] = a === REJECT ? PLAIN_REJECT : a === ASCII_SEPARATOR ? PLAIN_SEPARATOR : a;
    }
    for (const [from, to] of PLAIN_RANGES) {
      for (let c = from; c <= to; c++) table[c] = plainClass(String.fromCharCode(c));
    }
    plain = table;
  }
  return plain;
}

function plainClass(ch: string): number {
  const kind = classOf(ch);
  const nfkc = ch.normalize('NFKC');
  if (kind === SEPARATE) return [...nfkc].every((x) => classOf(x) === SEPARATE) ? PLAIN_SEPARATOR : PLAIN_REJECT;
  if (nfkc !== ch || /\p{M}/u.test(ch)) return PLAIN_REJECT;
  if (kind === DROP) return PLAIN_DROP;
  const lower = ch.toLowerCase();
  const unit = lower.charCodeAt(0);
  return lower.length === 1 && classOf(lower) === KEEP && unit > 0x20 && unit < PLAIN_DROP ? unit : PLAIN_REJECT;
}
