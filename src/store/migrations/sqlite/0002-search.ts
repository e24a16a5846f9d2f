import type { Migration } from '../migration.js';

/**
 * v2: full-text search (DESIGN.md §8), two FTS5 tables over `articles.seq`.
 *
 * - `articles_fts(title, excerpt)`: an external-content table (content=articles) — the text
 *   lives once, in `articles` (https://sqlite.org/fts5.html §4.4.3). Used to rank: bm25 with
 *   title weighted above excerpt. The store writes it next to each insert/update, NOT through
 *   AFTER INSERT/UPDATE triggers: a trigger runs in a statement savepoint, and FTS5 flushes its
 *   pending in-memory index to a new segment at every savepoint, so a trigger made every article
 *   flush the full-text index of the batch so far (measured 3× slower inserts). Only deletion,
 *   which is rare, goes through a trigger, so a purge can never leave stale index entries.
 * - `articles_text_fts(body)`: a CONTENTLESS table (content='') fed by the store with
 *   title + excerpt + the plaintext full text. It stores no text, only which terms occur in which
 *   rowid (detail=none: no positions, no columns, no counts), so it cannot give the text back;
 *   contentless_delete=1 (SQLite ≥ 3.43) lets the store DELETE a row when the text changes.
 *   It answers "do all the query terms occur somewhere in this article" (recall).
 *
 * Tokenizer: unicode61 with diacritics folded; `M*` added to the token categories so that
 * combining marks (Devanagari vowel signs, decomposed accents) stay inside a word instead of
 * splitting it. `buildFtsQuery` tokenizes queries with the same categories.
 *
 * Existing articles are indexed here: title/excerpt fully, the full text not (it is encrypted;
 * it is indexed again when the article is next written).
 */
export const migration0002Search: Migration = {
  version: 2,
  name: 'search',
  up: `
CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title, excerpt,
  content = 'articles', content_rowid = 'seq',
  tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
);

CREATE VIRTUAL TABLE articles_text_fts USING fts5 (
  body,
  content = '', contentless_delete = 1, detail = none,
  tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
);

CREATE TRIGGER articles_fts_after_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, excerpt)
    VALUES ('delete', old.seq, old.title, old.excerpt);
  DELETE FROM articles_text_fts WHERE rowid = old.seq;
END;

INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
INSERT INTO articles_text_fts (rowid, body)
  SELECT seq, title || char(10) || coalesce(excerpt, '') FROM articles;
`,
};
