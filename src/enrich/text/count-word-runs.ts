/**
 * Word counting without building arrays of matches: one pass over the code points, ASCII decided
 * by char code, other characters by Unicode property regexes. Same counts as matching
 * `[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*` (plus `.` inside words when asked) globally; counting by
 * `String.prototype.match` built one string per word and was a visible share of enrichment.
 */

/** What {@link countWordRuns} counts. */
export interface WordCount {
  /** Runs of `[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*` (with `.` when `dots`). */
  words: number;
  /** Characters of the `spaceless` scripts (Han, kana…), counted separately. */
  spaceless: number;
}

/** Options of {@link countWordRuns}. */
export interface WordCountOptions {
  /** A `.` inside a word continues it ("U.S.", "3.5"). */
  dots?: boolean;
  /** One character of the scripts written without spaces (a non-global regex, `u` flag). */
  spacelessChar: RegExp;
  /**
   * Spaceless characters separate words (as if replaced by spaces) instead of being letters:
   * a run of Han is then no word at all, only `spaceless` characters.
   */
  spacelessBreaks?: boolean;
}

const START = /[\p{L}\p{N}]/u;
const INNER = /[\p{M}’]/u;

/** Counts words and spaceless-script characters of `text` in one pass (see the module comment). */
export function countWordRuns(text: string, options: WordCountOptions): WordCount {
  const dots = options.dots === true;
  const breaks = options.spacelessBreaks === true;
  let words = 0;
  let spaceless = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let start: boolean;
    let inner: boolean;
    if (c < 128) {
      start = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
      inner = start || c === 39 || c === 45 || (dots && c === 46);
    } else {
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      if (cp > 0xffff) i++;
      const isSpaceless = options.spacelessChar.test(ch);
      if (isSpaceless) spaceless++;
      if (isSpaceless && breaks) {
        start = false;
        inner = false;
      } else {
        start = START.test(ch);
        inner = start || INNER.test(ch);
      }
    }
    if (inWord && inner) continue;
    inWord = start;
    if (start) words++;
  }
  return { words, spaceless };
}
