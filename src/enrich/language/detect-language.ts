import { francAll } from 'franc-min';
import { ISO_639_3_TO_1, normaliseLanguageTag } from './iso-codes.js';

/** The language of a text: ISO 639-1 (or 639-3 when no 639-1 code exists), or 'und'. */
export interface LanguageResult {
  code: string;
  /** 0..1; how far the best guess stands above the runner-up, scaled down for short texts. */
  confidence: number;
  /** Why the answer is 'und', came from the hint, or disagrees with the hint. */
  reason?: string;
}

/** Below this many letters the trigram statistics are noise: use the hint or say 'und'. */
export const MIN_LETTERS = 20;
/** From this many letters on, the detector is trusted fully (franc's authors suggest ~100+ chars). */
export const TRUSTED_LETTERS = 200;
/** franc only ever reads the first 2048 characters; we sample head and middle for long texts. */
const SAMPLE_CHARS = 2048;

/**
 * Detects the language of `text` with franc-min (trigram profiles, 82 languages), mapped to
 * ISO 639-1. `hint` is the page's declared language (any BCP 47 tag); it is used when the text is
 * too short to judge, or when the detector is unsure and the hint is one of its top candidates.
 * Never throws: empty, too-short and letterless inputs give `{code: 'und', reason}`.
 *
 * @example detectLanguage('Die Regierung stellte heute einen Gesetzentwurf zur KI vor …') // {code: 'de', …}
 */
export function detectLanguage(text: string, hint?: string): LanguageResult {
  const declared = normaliseLanguageTag(hint);
  const sample = sampleOf(typeof text === 'string' ? text : '');
  const letters = countLetters(sample);
  if (letters < MIN_LETTERS) {
    if (declared)
      return {
        code: declared,
        confidence: 0.5,
        reason: `text too short (${letters} letters): declared language used`,
      };
    return {
      code: 'und',
      confidence: 0,
      reason:
        letters === 0
          ? 'no letters in the text'
          : `text too short (${letters} letters) and no declared language`,
    };
  }
  const ranked = francAll(sample, { minLength: 1 });
  const [best, second] = ranked;
  if (!best || best[0] === 'und') {
    if (declared)
      return { code: declared, confidence: 0.5, reason: 'script not recognised: declared language used' };
    return { code: 'und', confidence: 0, reason: 'script not recognised by the detector' };
  }
  let code = ISO_639_3_TO_1[best[0]] ?? best[0];
  // franc-min gives Han-script text to Mandarin even when kana show it is Japanese.
  if (code === 'zh' && /[\u3040-\u30ff]/.test(sample)) code = 'ja';
  const margin = second ? best[1] - second[1] : 1;
  const lengthFactor = Math.min(1, letters / TRUSTED_LETTERS);
  // franc's scores are distances normalised by text length, so the margin is a per-character
  // quantity: ~0.02 already separates English from French on a long page, ~0.25 German from Dutch
  // on one sentence. 0.4 + 8·margin maps those to ~0.55 and 1.
  const confidence = round(lengthFactor * Math.min(1, 0.4 + 8 * margin));
  if (declared && declared !== code) {
    const hintRank = ranked.findIndex(([c]) => (ISO_639_3_TO_1[c] ?? c) === declared);
    // Unsure and the declared language is a close runner-up: trust the page's own declaration.
    // Only on short texts: on a long one the detector has read enough to overrule a wrong declaration.
    if (
      letters < TRUSTED_LETTERS &&
      confidence < 0.6 &&
      hintRank > 0 &&
      hintRank < 3 &&
      best[1] - (ranked[hintRank]?.[1] ?? 0) < 0.05
    ) {
      return {
        code: declared,
        confidence: 0.5,
        reason: `detector unsure between ${code} and declared ${declared}: declared used`,
      };
    }
    return { code, confidence, reason: `declared language ${declared} differs from the text` };
  }
  return { code, confidence };
}

/** Head and middle of a long text: one boilerplate-heavy start should not decide alone. */
function sampleOf(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text;
  const half = SAMPLE_CHARS / 2;
  const mid = Math.floor(text.length / 2);
  return `${text.slice(0, half)} ${text.slice(mid, mid + half)}`;
}

/** Letters, with CJK ideographs, kana and hangul counted as 3: one such character carries about a word. */
function countLetters(text: string): number {
  const all = text.match(/\p{L}/gu)?.length ?? 0;
  const dense =
    text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0;
  return all + 2 * dense;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
