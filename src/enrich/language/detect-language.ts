import { eld } from 'eld/small';
import { normaliseLanguageTag } from './iso-codes.js';

/** The detected language of a text. */
export interface LanguageResult {
  /** ISO 639-1 code (`en`, `de`…), or `und` when it cannot be told. */
  code: string;
  /** 0..1: how far the best guess stands above the runner-up, scaled down for short texts. */
  confidence: number;
  /** Why the answer is `und`, comes from the declared language, or disagrees with it. */
  reason?: string;
}

/** Below this many letters the n-gram statistics are noise: use the hint or say 'und'. */
export const MIN_LETTERS = 20;
/** From this many letters on, the detector is trusted fully. */
export const TRUSTED_LETTERS = 200;
/**
 * Head and middle of long texts are passed on, this many characters in all. Note: ELD itself reads
 * only the first 1,000 characters of what it gets, so today the head alone decides; the middle
 * half never reaches it (known, left as is: moving it within ELD's window changes results).
 */
const SAMPLE_CHARS = 2048;

/**
 * Detects the language of `text` with ELD (Nito-ELD, n-gram scores over 60 languages, ISO 639-1
 * codes; "small" database). Chosen over franc-min, which Heatwire used first: on ~3 KB news texts
 * ELD takes ~0.2–0.3 ms against franc-min's ~0.8–2.5 ms (docs/benchmarks/enrich.md), and
 * language detection had become the largest single cost of enrichment; its authors' benchmarks
 * also put it ahead of franc on accuracy. `hint` is the page's declared language (any BCP 47 tag); it is used
 * when the text is too short to judge, or when the detector is unsure and the hint is one of its
 * top candidates. Never throws: empty, too-short and letterless inputs give `{code: 'und', reason}`.
 *
 * @example detectLanguage('Die Regierung stellte heute einen Gesetzentwurf zur KI vor …') // {code: 'de', …}
 */
export function detectLanguage(text: string, hint?: string): LanguageResult {
  const declared = normaliseLanguageTag(hint);
  const sample = sampleOf(typeof text === 'string' ? text : '');
  const letters = countLetters(sample);
  if (letters < MIN_LETTERS) {
    if (declared) return { code: declared, confidence: 0.5, reason: `text too short (${letters} letters): declared language used` };
    return {
      code: 'und',
      confidence: 0,
      reason: letters === 0 ? 'no letters in the text' : `text too short (${letters} letters) and no declared language`,
    };
  }
  const result = eld.detect(sample);
  const ranked = Object.entries(result.getScores()).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!result.language || !best) {
    if (declared) return { code: declared, confidence: 0.5, reason: 'language not recognised: declared language used' };
    return { code: 'und', confidence: 0, reason: 'language not recognised by the detector' };
  }
  const code = result.language;
  // ELD's scores are per-language averages in 0..1; on a clear text the best is ~0.8 and the
  // runner-up ~0.55–0.75 — but close relatives (ru/uk/bg) can sit within 0.01 on a text ELD still
  // gets right. So ELD's own reliability check decides the band (≥ 0.6 or below 0.4) and the
  // margin (full at 0.1) places the answer inside it.
  const margin = Math.min(1, (second ? best[1] - second[1] : 1) / 0.1);
  const lengthFactor = Math.min(1, letters / TRUSTED_LETTERS);
  const confidence = round(lengthFactor * (result.isReliable() ? 0.6 + 0.4 * margin : 0.4 * margin));
  if (declared && declared !== code) {
    const hintRank = ranked.findIndex(([c]) => c === declared);
    // Unsure and the declared language is a close runner-up: trust the page's own declaration.
    // Only on short texts: on a long one the detector has read enough to overrule a wrong declaration.
    if (letters < TRUSTED_LETTERS && confidence < 0.6 && hintRank > 0 && hintRank < 3 && best[1] - (ranked[hintRank]?.[1] ?? 0) < 0.05) {
      return { code: declared, confidence: 0.5, reason: `detector unsure between ${code} and declared ${declared}: declared used` };
    }
    return { code, confidence, reason: `declared language ${declared} differs from the text` };
  }
  return { code, confidence };
}

/** Head and middle of a long text. */
function sampleOf(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text;
  const half = SAMPLE_CHARS / 2;
  const mid = Math.floor(text.length / 2);
  return `${text.slice(0, half)} ${text.slice(mid, mid + half)}`;
}

const LETTER = /\p{L}/u;
const DENSE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Letters, with CJK ideographs, kana and hangul counted as 3: one such character carries about a
 * word. ASCII is counted by code, the rest by the Unicode classes (no array of matches built).
 * Stops at TRUSTED_LETTERS: beyond it the count changes no result.
 */
function countLetters(text: string): number {
  let n = 0;
  for (const ch of text) {
    // Past TRUSTED_LETTERS the count changes nothing (the length factor is 1, no hint rule applies).
    if (n >= TRUSTED_LETTERS) return n;
    const c = ch.charCodeAt(0);
    if (c < 128) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) n += 1;
    } else if (LETTER.test(ch)) n += DENSE.test(ch) ? 3 : 1;
  }
  return n;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
