import { STOPWORDS } from './promo-lexicon.js';
import { flattenLexicon } from './boilerplate-lexicon.js';

const STOP = flattenLexicon(STOPWORDS);

/**
 * Prefix length used as a stemmer. Five characters conflate most inflections in the six
 * languages we handle ("glasses"/"glass", "şirketin"/"şirket", "компании"/"компания") without a
 * per-language stemmer; collisions only make two paragraphs look slightly more alike.
 */
const STEM_CHARS = 5;

/** The distinct content-word stems of a text: lower case, stop words and bare numbers removed. */
export function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  // Lower-casing Turkish "İ" leaves a combining dot (U+0307) that would split the word.
  for (const match of text
    .toLowerCase()
    .replace(/\u0307/g, '')
    .matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    if (word.length < 2 || STOP.has(word) || isDigits(word)) continue;
    out.add(word.slice(0, STEM_CHARS));
  }
  return out;
}

/** Share of `stems` that also occur in `context` (0 when `stems` is empty). */
export function overlapRatio(stems: ReadonlySet<string>, context: ReadonlySet<string>): number {
  if (stems.size === 0) return 0;
  let shared = 0;
  for (const s of stems) if (context.has(s)) shared++;
  return shared / stems.size;
}

function isDigits(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
