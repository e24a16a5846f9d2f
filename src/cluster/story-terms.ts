import { tokenizeText } from './tokenize-text.js';

/** A sparse term → weight vector (term frequency, field-weighted; IDF applied at scoring time). */
export type TermVector = Map<string, number>;

// Function words carry no event identity; dropping them keeps the inverted index small.
const STOPWORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it its ' +
    'it’s just more most new no not of on or our out over says said say she so than that the their them then there these ' +
    'they this those to up was we were what when where which while who will with would you your after before about also ' +
    'amid against all any because between both during each may might now off only other per since some such through ' +
    'under until very via year years week weeks day days today yesterday tomorrow monday tuesday wednesday thursday friday ' +
    'saturday sunday one two three first last report reports reported according told news update updated'
  ).split(' '),
);

/** Weights of the fields of an article in its term vector: the headline counts most. */
export const FIELD_WEIGHTS = { title: 3, lead: 1.5, text: 0.5 } as const;

/** How many characters of the body text are used for the term vector (the opening carries the event). */
export const TEXT_CHARS = 1200;

/** Content words of `text`: tokens of ≥ 2 characters that are not stop words or bare short numbers. */
export function contentTerms(text: string): string[] {
  return tokenizeText(text).filter((t) => t.length >= 2 && !STOPWORDS.has(t) && !/^\d{1,2}$/.test(t));
}

/**
 * Field-weighted term frequencies of an article: title × 3, lead × 1.5, the first
 * TEXT_CHARS characters of the text × 0.5. Entity names enter as one `e:` term each.
 */
export function buildTermVector(article: { title: string; lead: string; text?: string; entities?: readonly string[] }): TermVector {
  const v: TermVector = new Map();
  const addAll = (terms: string[], w: number): void => {
    for (const t of terms) v.set(t, (v.get(t) ?? 0) + w);
  };
  addAll(contentTerms(article.title), FIELD_WEIGHTS.title);
  addAll(contentTerms(article.lead), FIELD_WEIGHTS.lead);
  if (article.text) addAll(contentTerms(article.text.slice(0, TEXT_CHARS)), FIELD_WEIGHTS.text);
  for (const e of article.entities ?? []) {
    const key = entityKey(e);
    if (key !== 'e:') v.set(key, (v.get(key) ?? 0) + FIELD_WEIGHTS.title);
  }
  return v;
}

/** The vector key of an entity name ("Acme Corp." → "e:acme corp"). */
export function entityKey(name: string): string {
  return `e:${tokenizeText(name).join(' ')}`;
}

/** Smoothed inverse document frequency, ln(1 + N / df): never 0, never infinite. */
export function inverseDocumentFrequency(documents: number, frequency: number): number {
  return Math.log(1 + Math.max(documents, 1) / Math.max(frequency, 1));
}

/** Keeps the `limit` heaviest entries of `v` (ties broken by term for determinism). */
export function truncateVector(v: TermVector, limit: number, weight: (term: string, value: number) => number = (_t, x) => x): TermVector {
  if (v.size <= limit) return v;
  const ranked = [...v].map(([t, x]) => [t, x, weight(t, x)] as const);
  ranked.sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1));
  return new Map(ranked.slice(0, limit).map(([t, x]) => [t, x]));
}

/** Cosine of two TF vectors after multiplying each term by `idf(term)`. */
export function cosineSimilarity(a: TermVector, b: TermVector, idf: (term: string) => number): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [t, x] of small) {
    const y = large.get(t);
    if (y !== undefined) {
      const w = idf(t);
      dot += x * y * w * w;
    }
  }
  for (const [t, x] of a) na += (x * idf(t)) ** 2;
  for (const [t, y] of b) nb += (y * idf(t)) ** 2;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
