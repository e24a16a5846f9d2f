import type { Migration } from '../migration.js';

/**
 * v1: articles and the tables that answer "which article has this URL", "which articles carry
 * this topic" and "which articles does this one relate to".
 *
 * STRICT tables so a wrong type is an error rather than a silent coercion
 * (https://sqlite.org/stricttables.html). `seq` is the rowid: insertion order for keyset
 * pagination and the rowid the FTS5 tables (v2) index. AUTOINCREMENT so a seq is never reused
 * after a purge, which keeps keyset cursors and contentless-index rowids unambiguous.
 */
export const migration0001Initial: Migration = {
  version: 1,
  name: 'initial',
  up: `
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE CHECK (length(id) > 0),
  record_json TEXT NOT NULL CHECK (json_valid(record_json)),
  canonical_url TEXT,
  fingerprint TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  title TEXT NOT NULL CHECK (length(title) > 0),
  excerpt TEXT,
  published_at TEXT,
  provider_name TEXT,
  provider_domain TEXT,
  topics_json TEXT NOT NULL DEFAULT '[]',
  secured_kind TEXT CHECK (secured_kind IN ('own', 'foreign')),
  secured_value TEXT,
  secured_key_id TEXT,
  extended_json TEXT NOT NULL DEFAULT '{}',
  origin TEXT NOT NULL,
  first_seen_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (
    (secured_kind IS NULL AND secured_value IS NULL AND secured_key_id IS NULL)
    OR (secured_kind = 'foreign' AND secured_value IS NOT NULL AND secured_key_id IS NULL)
    OR (secured_kind = 'own' AND secured_value IS NOT NULL AND secured_key_id IS NOT NULL)
  )
) STRICT;

-- Newest first: a backward scan gives published_at DESC, seq DESC (seq is the implicit last
-- column of every index). NULL sorts lowest in SQLite, so undated articles come last.
CREATE INDEX articles_by_published_at ON articles (published_at);

CREATE TABLE article_urls (
  url TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE ON UPDATE CASCADE
) STRICT;
CREATE INDEX article_urls_by_article ON article_urls (article_id);

-- published_at and article_seq are copied from articles so that listing a topic is one index
-- range scan in either order, however many articles the topic has.
CREATE TABLE article_topics (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE ON UPDATE CASCADE,
  topic TEXT NOT NULL,
  published_at TEXT,
  article_seq INTEGER NOT NULL,
  PRIMARY KEY (article_id, topic)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_topics_by_published_at ON article_topics (topic, published_at, article_seq);
CREATE INDEX article_topics_by_seq ON article_topics (topic, article_seq);

-- related_id has no foreign key: a record may name related records that arrive later in the
-- same batch, or never (a nested record that failed to prepare).
CREATE TABLE article_related (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE ON UPDATE CASCADE,
  related_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('record', 'computed')),
  PRIMARY KEY (article_id, origin, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_related_by_related ON article_related (related_id);
`,
};
