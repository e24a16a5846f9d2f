import type { Migration } from '../migration.js';

/**
 * v6: editors' topic corrections (`heatwire topics set ID +T -T`). The correction applies to the
 * article at once; it stays here so that `topics train` can learn from it (trained_at set then)
 * and so the decision survives re-ingest and reprocess.
 */
export const migration0006TopicCorrections: Migration = {
  version: 6,
  name: 'topic-corrections',
  up: `
CREATE TABLE topic_corrections (
  article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE ON UPDATE CASCADE,
  add_json TEXT NOT NULL CHECK (json_valid(add_json)),
  remove_json TEXT NOT NULL CHECK (json_valid(remove_json)),
  created_at TEXT NOT NULL,
  trained_at TEXT
) STRICT;
CREATE INDEX topic_corrections_pending ON topic_corrections (created_at) WHERE trained_at IS NULL;
`,
};
