import { describe, expect, it } from 'vitest';
import { hash } from 'node:crypto';
import { mulberry32 } from '../../test/support/mulberry32.js';
import { contentFingerprint, FINGERPRINT_TEXT_CHARS, normaliseForFingerprint } from './content-fingerprint.js';

/** The definition, written the slow way: what every fast path must agree with. */
function reference(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\p{Cf}+/gu, '')
    .replace(/[\p{P}\s]+/gu, ' ')
    .trim();
}

/** A deterministic generator (no Math.random: a failure must reproduce). */
function randomText(seed: number, length: number, alphabet: string): string {
  const random = mulberry32(seed);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

const PRINTABLE_ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');

describe('normaliseForFingerprint', () => {
  it('agrees with the Unicode definition on every printable ASCII character', () => {
    for (const ch of PRINTABLE_ASCII) expect(normaliseForFingerprint(`a${ch}b`), JSON.stringify(ch)).toBe(reference(`a${ch}b`));
  });

  it.each([
    ['printable ASCII', PRINTABLE_ASCII + '\t\n\r\f\v'],
    ['words and punctuation', 'Ab, cD. EF! "gh" (ij) - kl_mn {op} [qr] $5+3=8 ~x|y^z `q` '],
    ['ASCII with controls and DEL', 'ab\u0001cd\u007fef gh\u0000'],
    ['accents, typographic quotes, soft hyphens', 'Café don’t co\u00adoperate ﬁne ＡＢＣ — “quoted”'],
  ])('agrees with the definition on random %s text, short and longer than the work buffer', (_label, alphabet) => {
    for (const [seed, length] of [
      [1, 40],
      [2, 2500],
      [3, 9000],
    ] as const) {
      const text = randomText(seed, length, alphabet);
      expect(normaliseForFingerprint(text)).toBe(reference(text));
    }
  });

  it('agrees with the definition on random text over every kind of Unicode separator and format character', () => {
    // Format characters (soft hyphen, zero-width space, BOM, word joiner, tag characters), Unicode
    // spaces and line separators, punctuation in and beyond the BMP, combining marks, letters
    // whose lower case depends on context or grows (final sigma, dotted I), lone surrogates.
    const alphabet = [
      'a', 'Z', '7', ' ', ',', '.', '\u00ad', '\u200b', '\ufeff', '\u2060', '\u{e0001}', '\u{e0041}', '\u{1d173}',
      '\u00a0', '\u3000', '\u2028', '\u2029', '\u1680', '\u202f', '\u2014', '\u2019', '\u201c', '«', '¿', '\u{10100}',
      '\u{1f600}', '\u{1d400}', 'e\u0301', '\u0301', 'Σ', 'ΑΣ', 'İ', 'ß', 'ﬁ', 'Ａ', '①', '\ud800', '\udc00', '\u0000', '\u0085',
    ];
    for (let seed = 1; seed <= 60; seed++) {
      const random = mulberry32(seed);
      const text = Array.from({ length: 30 + seed * 20 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(normaliseForFingerprint(text), `seed ${seed}`).toBe(reference(text));
    }
  });

  it('collapses separator runs and trims both ends', () => {
    expect(normaliseForFingerprint('  Hello,   World!  ')).toBe('hello world');
    expect(normaliseForFingerprint('...')).toBe('');
  });
});

describe('contentFingerprint', () => {
  /** The definition: normalise the first 2,500 characters, keep 2,000, hash with the title. */
  function referenceFingerprint(title: string, text: string): string {
    const head = reference(text.slice(0, 2500)).slice(0, FINGERPRINT_TEXT_CHARS);
    return hash('sha256', `${reference(title)}\n${head}`, 'hex');
  }

  it.each([
    ['words and punctuation', 'abc de, f. "g" (h) - i_j {k}   '],
    ['single letters between separators', 'a b.c,d  e'],
    ['ASCII with controls', 'ab cd\u0001ef gh \u007f'],
    ['non-ASCII', 'Café don’t ﬁne ＡＢＣ — “q” e\u0301 '],
    // Only characters of the plain path: Latin letters (2-byte UTF-8), typographic punctuation,
    // spaces and currency (3-byte), a soft hyphen and a zero-width space (dropped). Mostly
    // letters, so that the normalised text reaches the window.
    ['plain non-ASCII', 'abcdefghaÉébcdñÑßØøıŁłbcd€£×xyz ’“—….\u00a0\u2009\u00ad\u200b'],
    ['plain non-ASCII, mostly ASCII letters', 'abcdefghijklmnopqrstuvwxyzABCDEFGH é’ \u00a0'],
    ['plain non-ASCII and a few that are not', 'aé Ñß ’“— € \u00a0\u00ad.İ½ﬁ'],
  ])('agrees with the definition on random %s text around the 2,000-character window', (_label, alphabet) => {
    for (let seed = 1; seed <= 40; seed++) {
      const text = randomText(seed, 1900 + seed * 30, alphabet);
      expect(contentFingerprint('A Title', text), `seed ${seed}`).toBe(referenceFingerprint('A Title', text));
    }
  });

  it('looks past the window for a combining mark that changes the last character before it', () => {
    // Typographic text whose 2,000th normalised character is an "e" followed by U+0301: NFKC makes
    // it "é", so the text cannot take the plain path even though the mark lies past the window.
    const text = `It’s ${'x'.repeat(FINGERPRINT_TEXT_CHARS - 6)}e\u0301 and more`;
    expect(contentFingerprint('T', text)).toBe(referenceFingerprint('T', text));
    expect(contentFingerprint('T', text)).not.toBe(contentFingerprint('T', text.replace('\u0301', '')));
  });

  it('cuts at the window even when a separator and a letter cross it together', () => {
    // 1,999 letters, a separator, then more: the window ends on the collapsed space.
    const text = `${'x'.repeat(FINGERPRINT_TEXT_CHARS - 1)}. yz ${'w'.repeat(600)}`;
    expect(contentFingerprint('T', text)).toBe(referenceFingerprint('T', text));
    expect(contentFingerprint('T', text)).not.toBe(contentFingerprint('T', `${'x'.repeat(FINGERPRINT_TEXT_CHARS - 1)}.`));
  });
});
