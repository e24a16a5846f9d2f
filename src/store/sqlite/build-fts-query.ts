/**
 * User query → FTS5 MATCH expression, safe for any input.
 *
 * Users type `AI"`, `-foo`, `NEAR(`, `title:x`, `a*`, emoji… FTS5 query syntax
 * (https://sqlite.org/fts5.html §3) would read those as operators or fail with a syntax error.
 * So the query is split into words exactly as the index tokenizer does (unicode61 with token
 * categories L*, N*, Co, M*: letters, digits, private-use and combining marks; everything else
 * separates), and each word becomes a double-quoted string joined by AND. A quoted string is
 * always literal in FTS5, and since each holds one token it is never a multi-token phrase, which
 * the contentless `detail=none` index could not answer.
 */

/** Most terms a query may have; extra terms are dropped (bounded work). */
export const MAX_QUERY_TERMS = 12;
/** Longest term kept, in code points; longer runs are not words anyone types. */
export const MAX_TERM_LENGTH = 64;

const WORD_RE = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;
// A run of marks alone folds to nothing under remove_diacritics; it must not become `""`.
const HAS_BASE_RE = /[\p{L}\p{N}\p{Co}]/u;

/** The distinct words of a query, lowercased and NFC-normalised, in order, at most MAX_QUERY_TERMS. */
export function tokenizeQuery(query: string): string[] {
  const words = query.normalize('NFC').toLowerCase().match(WORD_RE) ?? [];
  const seen = new Set<string>();
  for (const word of words) {
    if (!HAS_BASE_RE.test(word)) continue;
    const term = [...word].slice(0, MAX_TERM_LENGTH).join('');
    seen.add(term);
    if (seen.size === MAX_QUERY_TERMS) break;
  }
  return [...seen];
}

/**
 * The FTS5 expression for a user query: every word must occur (`"a" AND "b"`); null when the
 * query has no words (the caller answers with no hits).
 *
 * @example buildFtsQuery('AI" -chips NEAR(') === '"ai" AND "chips" AND "near"'
 */
export function buildFtsQuery(query: string): string | null {
  const terms = tokenizeQuery(query);
  return terms.length === 0 ? null : matchAllTerms(terms);
}

/** `"a" AND "b"` for terms from `tokenizeQuery` (they hold no `"`, so nothing needs escaping). */
export function matchAllTerms(terms: readonly string[]): string {
  return terms.map((t) => `"${t}"`).join(' AND ');
}
