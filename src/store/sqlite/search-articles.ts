import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { HeatwireError } from '../../core/errors.js';
import type { SearchHit } from '../store.js';
import { buildFtsQuery } from './build-fts-query.js';

/** Tuning of the search plan; the defaults meet p99 ≤ 20 ms at 100,000 articles (docs/storage.md). */
export interface SearchPlanOptions {
  /** Newest title/excerpt matches ranked by bm25 per query; older ones are not ranked. */
  rankWindow?: number;
  /** bm25 column weights: a title hit counts this many times an excerpt hit. */
  titleWeight?: number;
  excerptWeight?: number;
}

/** Runs one search; `limit` is clamped to 1…100. */
export type ArticleSearcher = (query: string, limit: number) => SearchHit[];

export const DEFAULT_SEARCH_LIMIT = 20;
const MAX_SEARCH_LIMIT = 100;
/** Score of an article whose words match only across fields or in the full text. */
const TEXT_TIER_SCORE = 0.5;

const RankedSchema = z.array(z.object({ seq: z.number().int(), bm25: z.number() }));
const SeqSchema = z.array(z.object({ seq: z.number().int() }));
const HitRowSchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  title: z.string(),
  excerpt: z.string().nullable(),
  published_at: z.string().nullable(),
  provider_name: z.string().nullable(),
});

/**
 * Prepares the search statements and returns the searcher. The plan (docs/storage.md):
 * 1. `articles_fts` (title, excerpt): the newest `rankWindow` matches by rowid
 *    (`ORDER BY rowid DESC LIMIT n` walks the doclist backwards and stops early, so a term in
 *    every article costs the same as a rarer one), each scored with bm25 — title weighted above
 *    excerpt. Score = 1 + (−bm25), so every title/excerpt hit ranks above the next tier.
 * 2. Only when step 1 found fewer than `limit`: the contentless `articles_text_fts` (title +
 *    excerpt + full text, terms only) gives the newest articles where every word occurs
 *    somewhere — in the full text, or split across fields. bm25 cannot score a `detail=none`
 *    contentless index (it has no term counts), so this tier is ranked by recency.
 * Ties break newest first.
 */
export function prepareSearch(db: Database, options: SearchPlanOptions = {}): ArticleSearcher {
  const window = options.rankWindow ?? 2000;
  const weights = `${options.titleWeight ?? 10}, ${options.excerptWeight ?? 4}`;
  const ranked = db.prepare(`SELECT rowid AS seq, bm25(articles_fts, ${weights}) AS bm25 FROM articles_fts
    WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?`);
  const textTier = db.prepare(`SELECT rowid AS seq FROM articles_text_fts
    WHERE articles_text_fts MATCH ? ORDER BY rowid DESC LIMIT ?`);
  const hits = db.prepare(`SELECT seq, id, title, excerpt, published_at, provider_name FROM articles
    WHERE seq IN (SELECT value FROM json_each(?))`);

  return (query, limit) => {
    const k = Math.min(Math.max(Math.trunc(limit) || DEFAULT_SEARCH_LIMIT, 1), MAX_SEARCH_LIMIT);
    const match = buildFtsQuery(query);
    if (match === null) return [];
    try {
      const scores = new Map<number, number>();
      for (const row of RankedSchema.parse(ranked.all(match, window))) scores.set(row.seq, 1 - row.bm25);
      if (scores.size < k) {
        // Enough rows to fill k after skipping the ones already scored above.
        for (const row of SeqSchema.parse(textTier.all(match, k + scores.size))) {
          if (!scores.has(row.seq)) scores.set(row.seq, TEXT_TIER_SCORE);
        }
      }
      const top = [...scores].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, k);
      const rows = new Map(
        hits.all(JSON.stringify(top.map(([seq]) => seq))).map((r) => {
          const row = HitRowSchema.parse(r);
          return [row.seq, row] as const;
        }),
      );
      return top.flatMap(([seq, score]) => {
        const row = rows.get(seq);
        return row
          ? [{ id: row.id, title: row.title, excerpt: row.excerpt, publishedAt: row.published_at, providerName: row.provider_name, score }]
          : [];
      });
    } catch (err) {
      throw new HeatwireError('STORE_FAILED', `search failed: ${(err as Error).message}`, { input: query, cause: err });
    }
  };
}
