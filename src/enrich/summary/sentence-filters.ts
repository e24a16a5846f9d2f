/**
 * Which sentences may stand in a summary or an excerpt. Pure predicates shared by summarize and
 * makeExcerpt.
 */
import { countWordRuns } from '../text/count-word-runs.js';

// Furniture that extraction leaves in article text: calls to action, credits, legal lines,
// navigation. Matched case-insensitively anywhere in the sentence.
const BOILERPLATE =
  /\b(?:subscribe|sign up|newsletter|click here|read more|read also|all rights reserved|copyright|follow us|share (?:this|on)|advertisement|cookies?|terms of (?:use|service)|privacy policy|download (?:the|our) app|log ?in to|sign in to|contributed to this report|(?:reporting|editing|writing) by|image:|photo:|credit:|getty images|this (?:article|story) (?:was|has been) (?:updated|corrected)|related articles?|recommended for you)\b|©/i;

/** A call to action, credit, legal or navigation line rather than article prose. */
export function isBoilerplate(sentence: string): boolean {
  return BOILERPLATE.test(sentence);
}

// Double quotes and guillemets only: a leading straight or curly single quote is as often an
// apostrophe ('90s, ’Tis) as a quotation.
const OPEN_QUOTES = `"“«„`;

/**
 * A quotation with at most a short attribution ("“We will …,” she said."): vivid, but a summary
 * of quotes loses who and what. True when the sentence opens with a quote mark and ≥ 60% of its
 * characters are inside quotes.
 */
export function isQuoteOnly(sentence: string): boolean {
  const s = sentence.trim();
  if (!s || !OPEN_QUOTES.includes(s[0]!)) return false;
  let inside = 0;
  let depth = false;
  for (const ch of s) {
    if (ch === '“' || ch === '«' || ch === '„') depth = true;
    else if (ch === '”' || ch === '»') depth = false;
    else if (ch === '"') depth = !depth;
    else if (depth) inside++;
  }
  return inside / s.length >= 0.6;
}

const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/** Words in a sentence (letters/digits runs); spaceless scripts count characters / 1.5. */
export function wordsIn(sentence: string): number {
  // Runs of [\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]* and spaceless characters, counted in one pass.
  const { words, spaceless } = countWordRuns(sentence, { dots: true, spacelessChar: SPACELESS });
  return spaceless ? Math.round(spaceless / 1.5) + Math.max(0, words - 1) : words;
}

/** Long enough, punctuated, not boilerplate: a sentence that can open an excerpt. */
export function isMeaningful(sentence: { text: string; terminated: boolean }): boolean {
  return sentence.terminated && wordsIn(sentence.text) >= 5 && !isBoilerplate(sentence.text);
}
