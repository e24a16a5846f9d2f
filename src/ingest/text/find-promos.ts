import { flattenLexicon } from './boilerplate-lexicon.js';
import { contentStems } from './content-stems.js';
import { ATTRIBUTION_WORDS, PROMO_STRONG_CUES, PROMO_WEAK_CUES, SPEC_UNITS } from './promo-lexicon.js';

/** Why a paragraph was (or was not) judged an inline promo; exposed for tests and tuning. */
export interface PromoSignal {
  index: number;
  /** Share of the paragraph's content stems found in the title or the two paragraphs each side. */
  overlap: number;
  /** Median `overlap` of all paragraphs: what "related" means in this document. */
  medianOverlap: number;
  /** Off-topic promo cues: sales/feature phrases, spec numbers, prices the rest never mentions. */
  cues: string[];
  /** Strong cues count 1, weak ones ½. */
  cueScore: number;
  promo: boolean;
}

/**
 * Phrases indexed by their first word, matched word by word: a trailing "*" matches any word
 * ending. Much cheaper than a big alternation or one `includes` per phrase on every paragraph
 * of a long text.
 */
interface PhraseIndex {
  byFirst: Map<string, string[][]>;
  /** Phrases whose first word is itself a prefix ("indirim*"), by its first three letters. */
  byStart: Map<string, string[][]>;
}
function phraseIndex(lists: Parameters<typeof flattenLexicon>[0]): PhraseIndex {
  const index: PhraseIndex = { byFirst: new Map(), byStart: new Map() };
  for (const phrase of flattenLexicon(lists)) {
    const words = phrase.split(' ');
    const first = words[0] ?? '';
    const [map, key] = first.endsWith('*') ? [index.byStart, first.slice(0, 3)] : [index.byFirst, first];
    map.set(key, [...(map.get(key) ?? []), words]);
  }
  return index;
}
const STRONG = phraseIndex(PROMO_STRONG_CUES);
const WEAK = phraseIndex(PROMO_WEAK_CUES);
const ATTRIBUTION = phraseIndex(ATTRIBUTION_WORDS);

/** Lower-case words of a text: letters and digits, with inner ' and - ("don't", "pre-order"). */
function wordsOf(lower: string): string[] {
  return (
    lower
      .replace(/\u0307/g, '')
      .replace(/’/g, "'")
      .match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? []
  );
}

/** The distinct phrases of `index` found in `words`, as they appear in the text. */
function findPhrases(words: readonly string[], index: PhraseIndex): string[] {
  const found = new Set<string>();
  const wordMatches = (word: string | undefined, pattern: string): boolean =>
    word !== undefined && (pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : word === pattern);
  words.forEach((word, i) => {
    for (const candidates of [index.byFirst.get(word), index.byStart.get(word.slice(0, 3))]) {
      for (const phrase of candidates ?? []) {
        if (phrase.every((p, k) => wordMatches(words[i + k], p)))
          found.add(words.slice(i, i + phrase.length).join(' '));
      }
    }
  });
  return [...found];
}

const SPEC_RE = new RegExp(
  `(?<![\\p{L}\\p{N}.,])\\d+(?:[.,]\\d+)?\\s?-?\\s?(?:${[...SPEC_UNITS].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}])`,
  'iu',
);
const PRICE_RE = /[$€£₺₽¥]\s?\d|\d\s?(?:[$€£₺₽¥]|tl|usd|eur|euros?|dollars?|lira|руб\p{L}*)(?!\p{L})/iu;
const PERCENT_OFF_RE = /(?:\d+\s?%|%\s?\d+)\s?(?:off|indirim|de descuento|rabatt|de réduction|скидк)/iu;
/** A quotation of three words or more: reporting, not a plug. */
const QUOTE_RE = /["“„«‘][^"“”„«»]*?\s[^"“”„«»]*?\s[^"“”„«»]*?["”»’]/u;

/** Paragraphs compared on each side ("neighbouring paragraphs"). */
const REACH = 2;
/** Cue score that marks a promo whatever its overlap, and the one that needs low overlap too. */
const SURE_SCORE = 3;
const MIN_SCORE = 2;
/** Inline plugs are a sentence or two; longer paragraphs are never dropped as promos. */
const MAX_PROMO_WORDS = 70;

/**
 * Scores each paragraph of an article body for being an inline promo: it reads like a sales
 * pitch (offer, discount, feature list, spec numbers, price) in words the rest of the article
 * never uses, speaks in no one's name (no "said", no quotation), and — unless the pitch is
 * plain — shares no more vocabulary with the title and its neighbours than paragraphs here
 * usually do. The lead paragraph is never a promo: precision over recall.
 */
export function scorePromos(paragraphs: readonly string[], title: string): PromoSignal[] {
  const stems = paragraphs.map(contentStems);
  const titleStems = contentStems(title);
  // Checked stem by stem against the window, without building a context set per paragraph.
  const overlaps = stems.map((own, i) => {
    if (own.size === 0) return 0;
    const from = Math.max(0, i - REACH);
    const to = Math.min(stems.length - 1, i + REACH);
    let shared = 0;
    for (const s of own) {
      let seen = titleStems.has(s);
      for (let j = from; j <= to && !seen; j++) seen = j !== i && (stems[j]?.has(s) ?? false);
      if (seen) shared++;
    }
    return shared / own.size;
  });
  const medianOverlap = medianOf(overlaps);
  const lower = paragraphs.map((p) => p.toLowerCase());
  const whole = `${title.toLowerCase()}\n${lower.join('\n')}`;
  // In how many of title + paragraphs each stem occurs, to tell a topic word from a plug.
  const spread = new Map<string, number>();
  for (const set of [titleStems, ...stems]) for (const s of set) spread.set(s, (spread.get(s) ?? 0) + 1);
  let specParagraphs: number | undefined;
  let priceParagraphs: number | undefined;

  return paragraphs.map((text, index) => {
    const overlap = overlaps[index] ?? 0;
    const own = lower[index] ?? '';
    const words = eligibleShape(index, paragraphs.length, text) ? wordsOf(own) : [];
    const eligible = words.length > 0 && findPhrases(words, ATTRIBUTION).length === 0 && !QUOTE_RE.test(text);
    const cues: string[] = [];
    let cueScore = 0;
    const addCue = (cue: string, weight: number): void => {
      cues.push(cue);
      cueScore += weight;
    };
    if (eligible) {
      // A cue counts only when the rest of the article never uses its words: in a phone
      // review "battery life" is the topic, not a plug.
      const ownStems = stems[index] ?? new Set<string>();
      const usedElsewhere = (s: string): boolean => (spread.get(s) ?? 0) > (ownStems.has(s) ? 1 : 0);
      for (const [list, weight] of [
        [STRONG, 1],
        [WEAK, 0.5],
      ] as const) {
        for (const phrase of findPhrases(words, list)) {
          if (![...contentStems(phrase)].some(usedElsewhere)) addCue(phrase, weight);
        }
      }
      const digits = /\d/.test(own);
      if (digits && SPEC_RE.test(own) && (specParagraphs ??= countMatching(whole, lower, SPEC_RE)) === 1) {
        addCue('<spec>', 1);
      }
      if (digits && PRICE_RE.test(own) && (priceParagraphs ??= countMatching(whole, lower, PRICE_RE)) === 1) {
        addCue('<price>', 1);
      }
      if (digits && PERCENT_OFF_RE.test(own)) addCue('<percent-off>', 1);
    }
    const promo = eligible && (cueScore >= SURE_SCORE || (cueScore >= MIN_SCORE && overlap <= medianOverlap));
    return { index, overlap, medianOverlap, cues, cueScore, promo };
  });
}

/** Not the lead, not in a text too short to compare, not longer than a plug. */
function eligibleShape(index: number, count: number, text: string): boolean {
  if (index === 0 || count < 3) return false;
  let words = 1;
  for (let i = 0; i < text.length && words <= MAX_PROMO_WORDS; i++) if (text.charCodeAt(i) === 32) words++;
  return words <= MAX_PROMO_WORDS;
}

/** Indices of the paragraphs judged inline promos; none when over a third would go. */
export function findPromoParagraphs(paragraphs: readonly string[], title: string): Set<number> {
  const promos = scorePromos(paragraphs, title).filter((s) => s.promo);
  if (promos.length > Math.floor(paragraphs.length / 3)) return new Set();
  return new Set(promos.map((s) => s.index));
}

/** How many of the title (first line of `whole`) and paragraphs match `re`. */
function countMatching(whole: string, paragraphs: readonly string[], re: RegExp): number {
  const title = whole.slice(0, whole.indexOf('\n'));
  return paragraphs.filter((p) => re.test(p)).length + (re.test(title) ? 1 : 0);
}

function medianOf(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
