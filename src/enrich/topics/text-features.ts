import { tokenize } from './tokenize.js';

/** A sparse feature vector: feature → value. */
export type SparseVector = Map<string, number>;

// Function words carry no topic; a short English list is enough because IDF discounts the rest.
const STOP = new Set(
  (
    'a an and are as at be been but by for from had has have he her his i if in into is it its of on or our she so ' +
    'than that the their them then there these they this to was we were what when which who will with would you ' +
    'said says also after before over more most new about up out one two year years not no can could may'
  ).split(' '),
);
/** Features are read from the first part only, as the rules do: the topic is set early. */
const MAX_FEATURE_CHARS = 20_000;

/**
 * Term counts of an article: lower-cased unigrams (no stop words, no bare numbers) and adjacent
 * bigrams, title tokens counted twice (a headline states the subject).
 *
 * With `known` (a model's vocabulary) only known terms are counted: what `vectorize` would keep
 * anyway, at a fraction of the cost when predicting. A bigram is built only when both its words
 * are known: a bigram's document frequency never exceeds either word's, so a bigram with enough
 * documents to be in the vocabulary always has both words in it too.
 */
export function countTerms(
  title: string | undefined,
  text: string,
  known?: { has(term: string): boolean },
): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (tokens: string[], times: number): void => {
    let prev: string | undefined;
    for (const t of tokens) {
      if (t.length < 2 || STOP.has(t) || isDigits(t)) {
        prev = undefined;
        continue;
      }
      if (known && !known.has(t)) {
        prev = undefined;
        continue;
      }
      counts.set(t, (counts.get(t) ?? 0) + times);
      if (prev) {
        const bigram = `${prev} ${t}`;
        if (!known || known.has(bigram)) counts.set(bigram, (counts.get(bigram) ?? 0) + times);
      }
      prev = t;
    }
  };
  add(tokenize(title ?? '').lower, 2);
  add(tokenize(text.slice(0, MAX_FEATURE_CHARS)).lower, 1);
  return counts;
}

/** Only ASCII digits (as /^\d+$/, without running a regex per token). */
function isDigits(t: string): boolean {
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return t.length > 0;
}

/** IDF with add-one smoothing: log((1 + N) / (1 + df)) + 1 (as scikit-learn's smooth_idf). */
export function idf(docCount: number, df: number): number {
  return Math.log((1 + docCount) / (1 + df)) + 1;
}

/**
 * TF-IDF vector over a known vocabulary (features missing from `df` are dropped): sublinear tf
 * (1 + ln tf), times idf, L2-normalised so long and short articles weigh alike.
 */
export function vectorize(
  counts: Map<string, number>,
  df: Readonly<Record<string, number>>,
  docCount: number,
): SparseVector {
  const v: SparseVector = new Map();
  let norm = 0;
  for (const [term, tf] of counts) {
    // Own keys only: "constructor" in an article must not find Object.prototype's.
    const d = Object.hasOwn(df, term) ? df[term] : undefined;
    if (d === undefined) continue;
    const w = (1 + Math.log(tf)) * idf(docCount, d);
    v.set(term, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [k, w] of v) v.set(k, w / norm);
  return v;
}
