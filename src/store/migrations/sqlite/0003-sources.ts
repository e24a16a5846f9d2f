import type { Migration } from '../migration.js';

/**
 * v3: the sources Heatwire polls (feeds), with what the scheduler needs to be polite and
 * persistent — the database is the scheduler, as in Miniflux (`next_check_at`, error counters).
 *
 * - `feed_url` is the canonical feed URL (src/sources/canonical-feed-url.ts) and unique, so the
 *   same feed is never subscribed twice (OPML imports rely on it).
 * - `etag` / `last_modified` are the validators of the last 200 answer, sent back as
 *   If-None-Match / If-Modified-Since (RFC 9110 §13.1).
 * - `error_count` counts every failed poll ever; `consecutive_failures` resets on success and
 *   drives the backoff; `consecutive_unchanged` drives adaptive polling.
 * - `settings_json` is validated with zod on every read (SourceSettingsSchema).
 * The index on `next_check_at` answers "which sources are due" without a scan.
 */
export const migration0003Sources: Migration = {
  version: 3,
  name: 'sources',
  up: `
CREATE TABLE sources (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  feed_url TEXT NOT NULL UNIQUE CHECK (length(feed_url) > 0),
  site_url TEXT,
  title TEXT,
  etag TEXT,
  last_modified TEXT,
  next_check_at TEXT NOT NULL,
  last_checked_at TEXT,
  last_success_at TEXT,
  error_count INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  consecutive_unchanged INTEGER NOT NULL DEFAULT 0,
  settings_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings_json)),
  created_at TEXT NOT NULL
) STRICT;

CREATE INDEX sources_next_check ON sources (next_check_at);
`,
};
