/**
 * Text-completeness cues: paywall phrases, truncation, word counts. Pure string functions used by
 * scoreQuality; bounded on huge texts (only the head and tail are scanned for cues).
 */
import { countWordRuns } from '../text/count-word-runs.js';

// Phrases a paywall or registration wall leaves in extracted text, in the languages Heatwire reads
// most. Lower case; matched against lower-cased text.
const PAYWALL_CUES = [
  'subscribe to continue',
  'subscribe to read',
  'subscribe now to read',
  'to read the full article',
  'to read the full story',
  'to continue reading',
  'continue reading with a subscription',
  'this article is for subscribers',
  'this content is for subscribers',
  'for subscribers only',
  'subscribers only',
  'already a subscriber',
  'sign in to read',
  'log in to continue',
  'create a free account to',
  'register to continue',
  'reached your free article limit',
  'you have reached your article limit',
  'unlock this article',
  'become a member to read',
  'jetzt abonnieren',
  'weiterlesen mit',
  'réservé aux abonnés',
  'la suite est réservée',
  'suscríbete para seguir leyendo',
  'abone olun',
];

/** How much of a long text's head and tail is scanned for paywall cues (walls sit at the ends). */
const CUE_WINDOW = 8_000;

// One case-insensitive alternation (a single pass over the text); any run of spaces between words.
const PAYWALL_RE = new RegExp(PAYWALL_CUES.map((c) => c.replace(/ /g, '\\s+')).join('|'), 'giu');

/** The paywall cues present in `text` (head and tail scanned), in list order. */
export function findPaywallCues(text: string): string[] {
  const sample = text.length > 2 * CUE_WINDOW ? `${text.slice(0, CUE_WINDOW)}\n${text.slice(-CUE_WINDOW)}` : text;
  const found = new Set<string>();
  for (const m of sample.matchAll(PAYWALL_RE)) found.add(m[0].toLowerCase().replace(/\s+/g, ' '));
  return PAYWALL_CUES.filter((cue) => found.has(cue));
}

/** How a text ends, when it looks cut off: an ellipsis, or mid-sentence (no closing punctuation). */
export function findTruncation(text: string): 'ellipsis' | 'mid-sentence' | null {
  const tail = text.slice(-200).trimEnd();
  if (!tail) return null;
  if (/(?:…|\.\.\.|\[…\]|\[\.\.\.\]|\(…\))$/u.test(tail)) return 'ellipsis';
  // Sentence-final punctuation in Latin, CJK (。！？), Arabic (؟ ۔) and Devanagari (।) text, possibly
  // followed by closing quotes or brackets.
  if (/[.!?。！？؟۔।:;][\s"'”’»)\]」』]*$/u.test(tail)) return null;
  // A last line that is a signature, credit or link-like footer is not a cut sentence.
  const lastLine = tail.split('\n').pop() ?? '';
  if (lastLine.length < 40 && !/[,]$/.test(lastLine) && lastLine.split(/\s+/).length <= 5) return null;
  return 'mid-sentence';
}

// Han, Hiragana, Katakana: scripts without spaces between words. ~1.5 characters per word is the
// usual rule of thumb for Chinese and Japanese news text.
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Word count (runs of `[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*`); spaceless scripts (Chinese, Japanese)
 * count ~1.5 characters per word.
 */
export function countWords(text: string): number {
  const { words, spaceless } = countWordRuns(text, { spacelessChar: SPACELESS, spacelessBreaks: true });
  return spaceless === 0 ? words : words + Math.round(spaceless / 1.5);
}
