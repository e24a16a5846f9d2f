/**
 * Deterministic synthetic news text for bench:ingest: words drawn by Zipf's law (frequency ∝ 1/rank,
 * as in real text) from a ranked vocabulary of English function words, the desk's topic words and a
 * long tail of pronounceable pseudo-words of varied length and spelling.
 *
 * Two properties matter for an honest ingest figure, and an earlier generator had neither:
 * - a full-period PRNG (mulberry32). The old one computed `seed * 1103515245` in doubles, lost
 *   precision and cycled after ~10,000 draws, so 20,000 "different" records used 4,003 words in all;
 * - varied spelling. Words like `term6ap`, `term6aq` (one prefix, a short counter) fall into a few
 *   slots of FTS5's in-memory term hash (3,081 slots for 20,000 such words, measured), which real
 *   text does not do (the sample corpus's words fill the slots near-evenly).
 * docs/benchmarks/ingest.md has the figures before and after.
 *
 * Real news is rarely pure ASCII, and that matters as much: text with one non-ASCII character takes
 * the slower Unicode paths of normalisation, hashing, encryption and tokenising. So the texts carry
 * punctuation as news has it: in four texts of five typographic (’ “ ” —), in the rest typed
 * (' " --), plus commas; and some tail words (names) carry an accented letter (é, ü, ñ…).
 */
import { mulberry32 } from '../test/support/mulberry32.js';

/** The most frequent English words, most frequent first (ranks 1–10 and 21–). */
const FUNCTION_WORDS = [
  'the',
  'of',
  'and',
  'to',
  'a',
  'in',
  'that',
  'is',
  'for',
  'on',
  'it',
  'with',
  'as',
  'was',
  'said',
  'by',
  'at',
  'from',
  'has',
  'its',
  'be',
  'an',
  'are',
  'this',
  'have',
  'will',
  'but',
  'not',
  'which',
  'or',
  'they',
  'were',
  'their',
  'been',
  'had',
  'also',
  'after',
  'new',
  'more',
  'than',
  'would',
  'year',
  'about',
  'who',
  'one',
  'two',
  'into',
  'over',
  'last',
  'could',
];

/** Words in nearly every article (ranks 11–20): the "common word" search queries. */
export const TOPIC_WORDS = [
  'ai',
  'model',
  'company',
  'data',
  'chips',
  'training',
  'startup',
  'cloud',
  'research',
  'policy',
];

const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'w',
  'z',
  'br',
  'ch',
  'cl',
  'cr',
  'dr',
  'fl',
  'gr',
  'pl',
  'pr',
  'sh',
  'st',
  'str',
  'th',
  'tr',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ee', 'io', 'ou', 'y'];
/** Accented vowels for the share of tail words spelled like foreign names. */
const ACCENTED = ['é', 'è', 'á', 'í', 'ó', 'ü', 'ö', 'ä', 'ñ', 'ç'];
/** Share of tail words with an accented letter. */
const ACCENTED_SHARE = 0.03;
/** Share of texts with typographic punctuation (the rest type it in ASCII). */
const TYPOGRAPHIC_SHARE = 0.8;
const CODAS = ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'nt', 'rs', 'st', 'ck', 'ng'];

/** Pseudo-words after the function and topic words: the long tail of names and rarer words. */
const TAIL_WORDS = 50_000;

export interface TextGenerator {
  /** A float in [0, 1) from the generator's stream. */
  random: () => number;
  /** One word, drawn by Zipf's law. */
  word: () => string;
  /** The word of a rank (1 = most frequent). */
  rank: (r: number) => string;
  /** Sentences of 12 words until the text has at least `bytes` characters. */
  text: (bytes: number) => string;
  /** How many words the vocabulary has. */
  readonly size: number;
}

export function createTextGenerator(seed: number): TextGenerator {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const vocabulary = [...FUNCTION_WORDS.slice(0, 10), ...TOPIC_WORDS, ...FUNCTION_WORDS.slice(10)];
  const seen = new Set(vocabulary);
  while (vocabulary.length < FUNCTION_WORDS.length + TOPIC_WORDS.length + TAIL_WORDS) {
    const syllables = pick([1, 2, 2, 3]);
    let w = '';
    for (let i = 0; i < syllables; i++) w += pick(ONSETS) + pick(VOWELS) + pick(CODAS);
    if (random() < ACCENTED_SHARE) {
      const at = Math.floor(random() * w.length);
      w = w.slice(0, at) + pick(ACCENTED) + w.slice(at + 1);
    }
    if (!seen.has(w)) {
      seen.add(w);
      vocabulary.push(w);
    }
  }
  const cdf = new Float64Array(vocabulary.length);
  let total = 0;
  for (let r = 0; r < vocabulary.length; r++) cdf[r] = total += 1 / (r + 1);
  const word = (): string => {
    const x = random() * total;
    let lo = 0;
    let hi = vocabulary.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo]!;
  };
  const text = (bytes: number): string => {
    const typographic = random() < TYPOGRAPHIC_SHARE;
    const [apostrophe, open, close, dash] = typographic ? ['’', '“', '”', ' — '] : ["'", '"', '"', ' -- '];
    const parts: string[] = [];
    let length = 0;
    while (length < bytes) {
      const words = Array.from({ length: 12 }, word);
      words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
      // About one possessive in 50 words, a quoted span in one sentence of three, a dash in one
      // of four, a comma in one of two.
      for (let i = 0; i < words.length; i++) if (random() < 0.02) words[i] += `${apostrophe}s`;
      if (random() < 1 / 3) {
        const at = Math.floor(random() * 9) + 1;
        words[at] = open + words[at]!;
        words[at + 2] += close;
      }
      if (random() < 0.5) words[Math.floor(random() * 10) + 1] += ',';
      let sentence = words.join(' ');
      if (random() < 0.25) {
        const gap = sentence.indexOf(' ', Math.floor(sentence.length / 2));
        if (gap > 0) sentence = sentence.slice(0, gap) + dash + sentence.slice(gap + 1);
      }
      sentence += '.';
      parts.push(sentence);
      length += sentence.length + 1;
    }
    return parts.join(' ');
  };
  return {
    random,
    word,
    rank: (r) => vocabulary[Math.min(Math.max(r, 1), vocabulary.length) - 1]!,
    text,
    size: vocabulary.length,
  };
}
