import type { Migration } from '../migration.js';

/**
 * v8: FTS5 settings for the full-text index (`articles_text_fts`), stored in its config table so
 * every connection uses them (https://sqlite.org/fts5.html#fts5_configuration_options):
 * - `hashsize` 16 MiB: FTS5 collects new terms in an in-memory hash and writes a segment whenever
 *   the hash passes this size (default 1 MiB). Real text brings thousands of distinct words per
 *   batch, so at 1 MiB one batch was written as many small segments that then had to be sorted
 *   and merged again; at 16 MiB a batch of 2,000 articles is about one segment.
 * - `automerge` 16: a level is merged once it holds 16 segments instead of 4, so each term's
 *   entries are rewritten fewer times as the index grows. Queries read a few more segments;
 *   bench:ingest's search p99 stays far inside its target.
 * Measured on the bench's Zipf text (bench/synthetic-text.ts), the text index alone:
 * ~115–150 → ~58–68 µs per 3 KB article (docs/benchmarks/ingest.md).
 */
export const migration0008TextIndexTuning: Migration = {
  version: 8,
  name: 'text-index-tuning',
  up: `
INSERT INTO articles_text_fts (articles_text_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO articles_text_fts (articles_text_fts, rank) VALUES ('automerge', 16);
`,
};
