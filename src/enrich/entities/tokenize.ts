/** A word token of a sentence with its character range. */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter, or is a camel-cased brand ("iPhone", "xAI"). */
  cap: boolean;
}

// Words, including inner hyphens, dots, ampersands and apostrophes ("Ray-Ban", "AT&T",
// "O'Brien", "Amazon.com"); a possessive "'s" is its own token so "Meta's" yields "Meta".
const TOKEN_RE = /\p{L}[\p{L}\p{M}\p{N}]*(?:(?:[-.&]|['’](?![sS]\b))[\p{L}\p{N}]+)*|\p{N}+(?:[.,]\p{N}+)*|['’][sS]\b|\S/gu;

/** Splits a sentence into tokens. */
export function tokenize(sentence: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(sentence); m; m = TOKEN_RE.exec(sentence)) {
    const text = m[0];
    out.push({
      text,
      lower: text.toLowerCase(),
      start: m.index,
      end: m.index + text.length,
      cap: isCapitalised(text),
    });
  }
  return out;
}

const UPPER_START = /^\p{Lu}/u;
const CAMEL_START = /^\p{Ll}{1,2}\p{Lu}/u;

// Upper-case start or a camel-cased brand; ASCII decided by char codes (the two Unicode regexes
// per token were a visible share of entity recognition), anything else by the regexes.
function isCapitalised(text: string): boolean {
  const c0 = text.charCodeAt(0);
  if (c0 >= 65 && c0 <= 90) return true;
  if (c0 >= 128) return UPPER_START.test(text) || CAMEL_START.test(text);
  if (c0 < 97 || c0 > 122) return false;
  for (let k = 1; k <= 2; k++) {
    const c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) return true;
    if (c >= 128) return CAMEL_START.test(text);
    if (c < 97 || c > 122) return false;
  }
  return false;
}

// Lower-case words allowed inside a name between capitalised words ("Bank of America",
// "Ursula von der Leyen", "Procter & Gamble").
const CONNECTORS = new Set(['of', 'de', 'del', 'della', 'van', 'von', 'der', 'den', 'ten', 'ter', 'la', 'le', 'da', 'di', 'du', 'dos', 'bin', 'al', 'el', '&', 'y']);

/** A run of capitalised tokens (a candidate name), as token indexes [from, to). */
export interface Span {
  from: number;
  to: number;
}

/**
 * Groups capitalised tokens into candidate name spans. `blocked[i]` marks tokens that may
 * not be part of a name (they belong to a job title), which also splits spans
 * ("Meta CEO Mark Zuckerberg" → "Meta", "Mark Zuckerberg").
 */
export function findSpans(tokens: Token[], blocked: boolean[]): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t || !t.cap || blocked[i]) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      const n = tokens[j];
      if (!n || blocked[j]) break;
      // Tokens must be adjacent words (one space), not across punctuation.
      const prev = tokens[j - 1];
      if (prev && n.start - prev.end > 1) break;
      if (n.cap) {
        j++;
        continue;
      }
      // One or two connectors ("von der") between capitalised words.
      let k = j;
      while (k < j + 2 && tokens[k] && CONNECTORS.has(tokens[k]?.lower ?? '') && !blocked[k]) k++;
      const after = tokens[k];
      if (k > j && after?.cap && !blocked[k] && after.start - (tokens[k - 1]?.end ?? 0) <= 1) {
        j = k + 1;
        continue;
      }
      break;
    }
    spans.push({ from: i, to: j });
    i = j;
  }
  return spans;
}
