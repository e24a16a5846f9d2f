import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import { HeatwireError } from '../../core/errors.js';
import type { SearchHit } from '../store.js';
import { matchAllTerms, tokenizeQuery } from './build-fts-query.js';

/** Tuning of the search plan; the defaults are the measured ones of docs/storage.md. */
export interface SearchPlanOptions {
  /** Newest title/excerpt matches scored with bm25 per query; older ones are not scored. */
  rankWindow?: number;
  /** A word in more articles than this is "common": it filters but is not scored (see below). */
  commonTermDocs?: number;
  /** bm25 column weights: a title hit counts this many times an excerpt hit. */
  titleWeight?: number;
  excerptWeight?: number;
}

/** Runs one search; `limit` is clamped to 1…100. */
export type ArticleSearcher = (query: string, limit: number) => SearchHit[];

export const DEFAULT_SEARCH_LIMIT = 20;
/** bm25 costs ~2.5 µs per scored row (measured), so 1,000 rows bound scoring to a few ms. */
export const DEFAULT_RANK_WINDOW = 1000;
/** Counting 5,000 doclist entries costs well under a millisecond (measured). */
export const DEFAULT_COMMON_TERM_DOCS = 5000;
const MAX_SEARCH_LIMIT = 100;
/** Scores by tier: every tier-1 hit scores ≥ 1, full-text-only hits 0.5. */
const TITLE_SCORE = 2;
const FIELD_SCORE = 1;
const TEXT_SCORE = 0.5;

const ScoredSchema = z.array(z.tuple([z.number().int(), z.number()]));
const SeqsSchema = z.array(z.number().int());
const HitRowSchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  title: z.string(),
  excerpt: z.string().nullable(),
  published_at: z.string().nullable(),
  provider_name: z.string().nullable(),
});

/**
 * Prepares the search statements and returns the searcher. Every step reads a bounded number of
 * index entries, however common the words (docs/storage.md, "Search plan"):
 *
 * 0. Each word is probed: does it occur in more than `commonTermDocs` articles? This matters
 *    because FTS5's bm25 computes each word's IDF by visiting EVERY article that contains it,
 *    whatever the LIMIT — on "ai" over 100,000 articles that alone is ~100,000 entries.
 * 1. Title/excerpt tier (`articles_fts`), all words required:
 *    a. some word is not common: the newest `rankWindow` matches are scored with bm25 over the
 *       non-common words only (title weighted above excerpt; common words still filter, and
 *       their IDF is low anyway) and the best `limit` kept. Score = 1 + (−bm25).
 *    b. every word is common: bm25 would rank near-ties at full-scan cost, so recency decides:
 *       the newest matches with every word in the title (score 2), then the newest other
 *       title/excerpt matches (score 1), both within the newest `rankWindow` matches.
 * 2. Only when tier 1 found fewer than `limit`: the contentless `articles_text_fts` (title +
 *    excerpt + full text, terms only) gives the newest articles where every word occurs
 *    somewhere — in the full text, or split across fields — score 0.5. bm25 cannot score that
 *    index (detail=none keeps no term counts), and it never outranks tier 1.
 * All the FTS5 queries walk doclists newest first (`ORDER BY rowid DESC LIMIT n`) and stop early.
 */
export function prepareSearch(db: Database, options: SearchPlanOptions = {}): ArticleSearcher {
  const window = Math.max(Math.trunc(options.rankWindow ?? DEFAULT_RANK_WINDOW), MAX_SEARCH_LIMIT);
  const commonDocs = Math.max(Math.trunc(options.commonTermDocs ?? DEFAULT_COMMON_TERM_DOCS), 1);
  const bm25 = `bm25(articles_fts, ${Number(options.titleWeight ?? 10)}, ${Number(options.excerptWeight ?? 4)})`;
  const s = {
    // The (commonDocs+1)-th match exists ⇔ the word is common.
    probe: db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1 OFFSET ?').pluck(),
    // Scored inside SQLite so that only `limit` rows cross into JavaScript.
    ranked: prepareRanked(db, bm25, false),
    // Common words left out of @rank still filter, through the rowids that match @all.
    rankedFiltered: prepareRanked(db, bm25, true),
    floor: db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?').pluck(),
    newestSince: db
      .prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ? ORDER BY rowid DESC LIMIT ?')
      .pluck(),
    newestText: db
      .prepare('SELECT rowid FROM articles_text_fts WHERE articles_text_fts MATCH ? ORDER BY rowid DESC LIMIT ?')
      .pluck(),
    rows: db.prepare(`SELECT seq, id, title, excerpt, published_at, provider_name FROM articles
      WHERE seq IN (SELECT value FROM json_each(?))`),
  };

  const isCommon = (term: string): boolean => s.probe.get(matchAllTerms([term]), commonDocs) !== undefined;

  /** Tier 1b: recency within the window, every-word-in-title first. */
  const newestFields = (all: string, k: number): Array<[number, number]> => {
    const floor = (s.floor.get(all, window - 1) as number | undefined) ?? 0;
    const inTitle = SeqsSchema.parse(s.newestSince.all(`{title} : (${all})`, floor, k));
    const others = SeqsSchema.parse(s.newestSince.all(all, floor, k + inTitle.length));
    const taken = new Set(inTitle);
    return [
      ...inTitle.map((seq): [number, number] => [seq, TITLE_SCORE]),
      ...others.filter((seq) => !taken.has(seq)).map((seq): [number, number] => [seq, FIELD_SCORE]),
    ].slice(0, k);
  };

  const search = (query: string, k: number): Array<[number, number]> => {
    const terms = tokenizeQuery(query);
    if (terms.length === 0) return [];
    const all = matchAllTerms(terms);
    const scored = terms.filter((t) => !isCommon(t));
    let hits: Array<[number, number]>;
    if (scored.length === terms.length) hits = ScoredSchema.parse(s.ranked.all({ rank: all, window, limit: k }));
    else if (scored.length > 0) {
      hits = ScoredSchema.parse(s.rankedFiltered.all({ rank: matchAllTerms(scored), all, window, limit: k }));
    } else hits = newestFields(all, k);
    if (hits.length < k) {
      const seen = new Set(hits.map(([seq]) => seq));
      for (const seq of SeqsSchema.parse(s.newestText.all(all, k + hits.length))) {
        if (hits.length === k) break;
        if (!seen.has(seq)) hits.push([seq, TEXT_SCORE]);
      }
    }
    return hits;
  };

  return (query, limit) => {
    const k = Math.min(Math.max(Math.trunc(limit) || DEFAULT_SEARCH_LIMIT, 1), MAX_SEARCH_LIMIT);
    try {
      const hits = search(query, k);
      if (hits.length === 0) return [];
      const rows = new Map(
        s.rows.all(JSON.stringify(hits.map(([seq]) => seq))).map((r) => {
          const row = HitRowSchema.parse(r);
          return [row.seq, row] as const;
        }),
      );
      return hits.flatMap(([seq, score]) => {
        const r = rows.get(seq);
        if (!r) return [];
        return [{ id: r.id, title: r.title, excerpt: r.excerpt, publishedAt: r.published_at, providerName: r.provider_name, score }];
      });
    } catch (err) {
      throw new HeatwireError('STORE_FAILED', `search failed: ${(err as Error).message}`, { input: query, cause: err });
    }
  };
}

function prepareRanked(db: Database, bm25: string, filtered: boolean): Statement {
  // `+rowid`, not `rowid`: a plain rowid IN (…) is pushed down into FTS5, which then runs the
  // whole MATCH once per listed rowid (measured 108 ms instead of 1.9 ms); the unary + keeps it
  // a filter on one backwards scan of the @rank matches.
  const filter = filtered
    ? 'AND +rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @all ORDER BY rowid DESC LIMIT @window)'
    : '';
  return db
    .prepare(`SELECT seq, 1.0 - score FROM (
        SELECT rowid AS seq, ${bm25} AS score FROM articles_fts
        WHERE articles_fts MATCH @rank ${filter} ORDER BY rowid DESC LIMIT @window
      ) ORDER BY score, seq DESC LIMIT @limit`)
    .raw();
}
