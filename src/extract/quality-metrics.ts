/**
 * Extraction quality metrics of the devsets README (`../shared/devsets/README.md`), shared by the
 * benchmark and the devset test so that both measure the same thing:
 * - body text: tokens `\w+` (Unicode: letters, digits, underscore), 4-token shingles with counts,
 *   per page tp/fp/fn normalised by tp+fp+fn (every page weighs the same), pooled over pages into
 *   precision and recall, F1 = 2PR/(P+R); accuracy = share of pages with the exact token sequence;
 * - snippets: a `with` snippet must occur in the text, a `without` snippet must not, after both are
 *   normalised by `normalizeForMatch`.
 */

const WORD = /[\p{L}\p{N}_]+/gu;

/** Unicode `\w+` tokens (Python's definition: letters, digits, underscore). */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

function shingles(tokens: string[], n = 4): Map<string, number> {
  const out = new Map<string, number>();
  // A text shorter than n tokens is one shingle, so that it still counts.
  const size = Math.min(n, tokens.length);
  for (let i = 0; size > 0 && i + size <= tokens.length; i++) {
    const key = tokens.slice(i, i + size).join(' ');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** One page's shingle counts, normalised so that tp + fp + fn = 1 (both empty: a perfect page). */
export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  exact: boolean;
}

/** Compares predicted text with the reference text of one page. */
export function scorePage(reference: string, predicted: string): PageScore {
  const ref = tokenize(reference);
  const pred = tokenize(predicted);
  const exact = ref.length === pred.length && ref.every((t, i) => t === pred[i]);
  const a = shingles(ref);
  const b = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of a) {
    const other = b.get(key) ?? 0;
    tp += Math.min(count, other);
    fn += Math.max(0, count - other);
  }
  for (const [key, count] of b) fp += Math.max(0, count - (a.get(key) ?? 0));
  const total = tp + fp + fn;
  return total === 0 ? { tp: 1, fp: 0, fn: 0, exact } : { tp: tp / total, fp: fp / total, fn: fn / total, exact };
}

/** Pools page scores into precision, recall, F1 and exact-match accuracy. */
export function summarizeScores(pages: PageScore[]): { precision: number; recall: number; f1: number; accuracy: number } {
  const sum = (k: 'tp' | 'fp' | 'fn'): number => pages.reduce((s, p) => s + p[k], 0);
  const tp = sum('tp');
  const precision = tp + sum('fp') ? tp / (tp + sum('fp')) : 0;
  const recall = tp + sum('fn') ? tp / (tp + sum('fn')) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const accuracy = pages.length ? pages.filter((p) => p.exact).length / pages.length : 0;
  return { precision, recall, f1, accuracy };
}

/** NFKC, every whitespace run (including no-break spaces) to one space, trimmed. */
export function normalizeForMatch(text: string): string {
  return text.normalize('NFKC').replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/** Snippet results for one page: how many snippets were right, and whether all were. */
export function checkSnippets(text: string, withSnippets: string[], withoutSnippets: string[]): { right: number; total: number; passed: boolean } {
  const norm = normalizeForMatch(text);
  let right = 0;
  for (const s of withSnippets) if (norm.includes(normalizeForMatch(s))) right++;
  for (const s of withoutSnippets) if (!norm.includes(normalizeForMatch(s))) right++;
  const total = withSnippets.length + withoutSnippets.length;
  return { right, total, passed: right === total };
}
