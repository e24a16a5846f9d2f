import { flattenLexicon } from './boilerplate-lexicon.js';
import { contentStems, overlapRatio } from './content-stems.js';
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

const escape = (s: string): string => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*$/, '\\p{L}*');
/** One alternation per list, longest phrase first, bounded by non-letters (\b is ASCII-only). */
function phraseRegex(lists: Parameters<typeof flattenLexicon>[0]): RegExp {
  const phrases = [...flattenLexicon(lists)].sort((a, b) => b.length - a.length).map(escape);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}
const STRONG_RE = phraseRegex(PROMO_STRONG_CUES);
const WEAK_RE = phraseRegex(PROMO_WEAK_CUES);
const ATTRIBUTION_RE = new RegExp(phraseRegex(ATTRIBUTION_WORDS).source, 'u');
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
  const overlaps = stems.map((own, i) => {
    const context = new Set(titleStems);
    for (let j = Math.max(0, i - REACH); j <= Math.min(stems.length - 1, i + REACH); j++) {
      if (j !== i) for (const s of stems[j] ?? []) context.add(s);
    }
    return overlapRatio(own, context);
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
    const words = text.split(/\s+/).length;
    const eligible =
      index > 0 && paragraphs.length >= 3 && words <= MAX_PROMO_WORDS && !ATTRIBUTION_RE.test(own) && !QUOTE_RE.test(text);
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
      for (const [re, weight] of [[STRONG_RE, 1], [WEAK_RE, 0.5]] as const) {
        for (const phrase of new Set([...own.matchAll(re)].map((m) => m[0]))) {
          if (![...contentStems(phrase)].some(usedElsewhere)) addCue(phrase, weight);
        }
      }
      if (SPEC_RE.test(own) && (specParagraphs ??= countMatching(whole, lower, SPEC_RE)) === 1) {
        addCue('<spec>', 1);
      }
      if (PRICE_RE.test(own) && (priceParagraphs ??= countMatching(whole, lower, PRICE_RE)) === 1) {
        addCue('<price>', 1);
      }
      if (PERCENT_OFF_RE.test(own)) addCue('<percent-off>', 1);
    }
    const promo = eligible && (cueScore >= SURE_SCORE || (cueScore >= MIN_SCORE && overlap <= medianOverlap));
    return { index, overlap, medianOverlap, cues, cueScore, promo };
  });
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
