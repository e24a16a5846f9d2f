import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../test/support/mulberry32.js';
import { countWordRuns } from './count-word-runs.js';

const HAN_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WITH_THAI = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

// The regex definitions countWordRuns replaces (quality's countWords, summary's wordsIn).
function byRegex(text: string, dots: boolean, spaceless: RegExp, breaks: boolean): { words: number; spaceless: number } {
  const all = new RegExp(spaceless.source, 'gu');
  const word = dots ? /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*/gu : /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;
  const n = text.match(all)?.length ?? 0;
  const source = breaks ? text.replace(all, ' ') : text;
  return { words: source.match(word)?.length ?? 0, spaceless: n };
}

// Letters, digits, inner punctuation, marks, curly quotes, CJK, Thai, an astral letter and emoji,
// a lone surrogate: the cases where a code-unit scanner could drift from the regexes.
const PIECES = ['a', 'Z', '7', ' ', "'", '’', '-', '.', ',', 'é', 'e\u0301', '\u0301', 'ß', 'Я', '“', '”', '—', '東京', 'かな', 'カ', 'ไทย', '𝐀', '😀', '\ud800', '\n', 'U.S.', "Meta's", 'GPT-4o', '3.5'];

function randomText(seed: number, length: number): string {
  const random = mulberry32(seed);
  let out = '';
  for (let k = 0; k < length; k++) out += PIECES[Math.floor(random() * PIECES.length)];
  return out;
}

describe('countWordRuns', () => {
  it('counts plain English words, hyphens and apostrophes inside words', () => {
    expect(countWordRuns("Meta's new GPT-4o model — it isn't cheap.", { spacelessChar: HAN_KANA })).toEqual({ words: 7, spaceless: 0 });
  });

  it('joins dotted words only with dots', () => {
    expect(countWordRuns('The U.S. grew 3.5%', { spacelessChar: HAN_KANA }).words).toBe(6);
    expect(countWordRuns('The U.S. grew 3.5%', { spacelessChar: HAN_KANA, dots: true }).words).toBe(4);
  });

  it('counts spaceless characters, as letters or as separators', () => {
    expect(countWordRuns('東京 AI かな', { spacelessChar: HAN_KANA })).toEqual({ words: 3, spaceless: 4 });
    expect(countWordRuns('東京 AI かな', { spacelessChar: HAN_KANA, spacelessBreaks: true })).toEqual({ words: 1, spaceless: 4 });
  });

  it('agrees with the regex definitions on mixed random text', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const text = randomText(seed, 5 + (seed % 60));
      for (const [spaceless, dots, breaks] of [
        [HAN_KANA, false, true],
        [WITH_THAI, true, false],
        [WITH_THAI, false, false],
      ] as const) {
        expect(countWordRuns(text, { spacelessChar: spaceless, dots, spacelessBreaks: breaks }), text).toEqual(byRegex(text, dots, spaceless, breaks));
      }
    }
  });
});
