import type { Migration } from '../migration.js';

/**
 * v5: stories. Everything online clustering reads and writes (src/cluster/story-index.ts), so
 * clustering resumes after a restart without recomputation and never loads the whole state:
 * every lookup below is a primary-key or index probe.
 *
 * - `cluster_articles`: one row per article seen by dedup/clustering. `n` is a compact integer
 *   handle for the LSH bucket table; `signature` the MinHash (128 × uint32, little-endian BLOB);
 *   the features (`vector_json`, `salient_json`…) are what a join or an editor split re-reads.
 * - `lsh_buckets`: `(band_key, n)`, band_key = band × 2^32 + band hash. A candidate lookup reads
 *   16 keys; WITHOUT ROWID keeps the rows in key order (https://sqlite.org/withoutrowid.html).
 * - `cluster_terms`/`cluster_meta`: running document frequencies and the document count (IDF).
 * - `story_postings`: the inverted index `"term@day" → story ids` of candidate search, newest
 *   first per key (`seq` from `cluster_meta.postings`).
 * - `stories`, `story_redirects` (ids of stories absorbed by a merge), `story_articles`
 *   (membership; rowid = arrival order), `story_cannot_links`, `story_decisions` (editor log).
 * - `article_duplicates`: article → canonical article (url | near-duplicate | syndicated).
 * - `article_entities`: people and organisations per article by folded name and date, for
 *   related articles and timelines.
 * Times in `*_ms` columns are epoch milliseconds (cheap window arithmetic); others ISO 8601.
 */
export const migration0005Stories: Migration = {
  version: 5,
  name: 'stories',
  up: `
CREATE TABLE cluster_articles (
  n INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL UNIQUE,
  provider TEXT NOT NULL,
  signature BLOB,
  title TEXT,
  published_ms INTEGER,
  vector_json TEXT,
  entities_json TEXT,
  salient_json TEXT
) STRICT;

CREATE TABLE lsh_buckets (
  band_key INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (band_key, n)
) STRICT, WITHOUT ROWID;

CREATE TABLE cluster_terms (
  term TEXT PRIMARY KEY,
  df INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE cluster_meta (
  key TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- seq orders a key's postings by time, so a lookup reads the most recent ones first and can
-- stop at a cap: a very common term on a busy day never makes one lookup read thousands of rows.
CREATE TABLE story_postings (
  key TEXT NOT NULL,
  seq INTEGER NOT NULL,
  story_id TEXT NOT NULL,
  PRIMARY KEY (key, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  title_article_id TEXT NOT NULL,
  centroid_json TEXT NOT NULL,
  providers_json TEXT NOT NULL,
  entities_json TEXT NOT NULL,
  first_seen_ms INTEGER NOT NULL,
  last_seen_ms INTEGER NOT NULL,
  article_count INTEGER NOT NULL,
  heat REAL NOT NULL DEFAULT -1,
  heat_reasons_json TEXT NOT NULL DEFAULT '[]',
  heat_trend TEXT NOT NULL DEFAULT 'steady',
  heat_at TEXT,
  edited_merge INTEGER NOT NULL DEFAULT 0,
  edited_split INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;
CREATE INDEX stories_by_last_seen ON stories (last_seen_ms);

CREATE TABLE story_redirects (
  id TEXT PRIMARY KEY,
  into_id TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE story_articles (
  article_id TEXT PRIMARY KEY,
  story_id TEXT NOT NULL
) STRICT;
CREATE INDEX story_articles_by_story ON story_articles (story_id);

CREATE TABLE story_cannot_links (
  a TEXT NOT NULL,
  b TEXT NOT NULL,
  PRIMARY KEY (a, b)
) STRICT, WITHOUT ROWID;

CREATE TABLE story_decisions (
  seq INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('must-link', 'cannot-link')),
  story_a TEXT NOT NULL,
  story_b TEXT NOT NULL,
  article_ids_json TEXT,
  at TEXT NOT NULL
) STRICT;

CREATE TABLE article_duplicates (
  article_id TEXT PRIMARY KEY,
  canonical_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('url', 'near-duplicate', 'syndicated')),
  similarity REAL,
  created_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX article_duplicates_by_canonical ON article_duplicates (canonical_id);

CREATE TABLE article_entities (
  name_key TEXT NOT NULL,
  article_id TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  published_at TEXT,
  PRIMARY KEY (name_key, article_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_entities_by_date ON article_entities (name_key, published_at);
CREATE INDEX article_entities_by_article ON article_entities (article_id);
`,
};
