import type { Migration } from '../migration.js';

/**
 * v4: the lead-image cache (issue 3 item 6).
 *
 * - `images`: one row per source URL tried. A cached image has its sha256, type and size; a
 *   failed one its last error, attempt count and next attempt time (NULL once given up). The
 *   bytes live on disk as `<dataDir>/images/<sha256>.<ext>`, so two URLs serving the same bytes
 *   share one file.
 * - `article_images`: which article uses which image URL (an article's lead image may change;
 *   a stale link is harmless because presentation matches records by URL).
 */
export const migration0004Images: Migration = {
  version: 4,
  name: 'images',
  up: `
CREATE TABLE images (
  source_url TEXT PRIMARY KEY CHECK (length(source_url) > 0),
  sha256 TEXT CHECK (sha256 IS NULL OR (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')),
  ext TEXT CHECK (ext IS NULL OR ext IN ('jpg', 'png', 'gif', 'webp', 'avif')),
  content_type TEXT,
  bytes INTEGER,
  width INTEGER,
  height INTEGER,
  fetched_at TEXT,
  error TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  CHECK ((sha256 IS NULL) = (ext IS NULL))
) STRICT;
CREATE INDEX images_by_sha256 ON images (sha256) WHERE sha256 IS NOT NULL;

CREATE TABLE article_images (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE ON UPDATE CASCADE,
  source_url TEXT NOT NULL,
  PRIMARY KEY (article_id, source_url)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_images_by_url ON article_images (source_url);
`,
};
