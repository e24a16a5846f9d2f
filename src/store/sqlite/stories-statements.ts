import type { Database, Statement } from 'better-sqlite3';

/** A timeline reads at most this many articles of one topic/org/person (newest first). */
const TIMELINE_ROW_CAP = 20_000;

const MEMBER_COLUMNS = `a.id AS article_id, a.title, a.canonical_url, a.published_at, a.first_seen_at,
  coalesce(a.provider_domain, a.provider_name, '') AS provider, a.topics_json,
  coalesce(json_extract(a.extended_json, '$.quality.score'), json_extract(a.record_json, '$.quality')) AS quality`;

/** Prepares the statements of the stories repository (once per connection). */
export function prepareStoriesStatements(db: Database) {
  const p = (sql: string): Statement => db.prepare(sql);
  return {
    articleById: p('SELECT id FROM articles WHERE id = ?'),
    articleByUrl: p('SELECT article_id AS id FROM article_urls WHERE url = ?'),
    linkDuplicate: p(`INSERT INTO article_duplicates (article_id, canonical_id, kind, similarity, created_at)
      VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET canonical_id = excluded.canonical_id,
      kind = excluded.kind, similarity = excluded.similarity`),
    deleteEntities: p('DELETE FROM article_entities WHERE article_id = ?'),
    insertEntity: p(
      'INSERT OR IGNORE INTO article_entities (name_key, article_id, name, type, published_at) VALUES (?, ?, ?, ?, ?)',
    ),
    members: p(`SELECT ${MEMBER_COLUMNS} FROM story_articles s JOIN articles a ON a.id = s.article_id
      WHERE s.story_id = ? ORDER BY s.rowid LIMIT ?`),
    saveHeat: p(
      'UPDATE stories SET heat = ?, heat_reasons_json = ?, heat_trend = ?, heat_at = ? WHERE id = ?',
    ),
    topicWindow:
      p(`SELECT article_id, published_at FROM article_topics WHERE topic = ? AND published_at BETWEEN ? AND ?
      ORDER BY published_at DESC LIMIT ?`),
    entityWindow:
      p(`SELECT article_id, published_at FROM article_entities WHERE name_key = ? AND published_at BETWEEN ? AND ?
      ORDER BY published_at DESC LIMIT ?`),
    computedRelated: p(
      "SELECT related_id FROM article_related WHERE article_id = ? AND origin = 'computed' ORDER BY position",
    ),
    deleteComputed: p("DELETE FROM article_related WHERE article_id = ? AND origin = 'computed'"),
    insertComputed: p(
      "INSERT INTO article_related (article_id, related_id, position, origin) VALUES (?, ?, ?, 'computed')",
    ),
    flagMerge: p('UPDATE stories SET edited_merge = 1 WHERE id = ?'),
    flagSplit: p('UPDATE stories SET edited_split = 1 WHERE id = ?'),
    story: p('SELECT * FROM stories WHERE id = ?'),
    redirect: p('SELECT into_id FROM story_redirects WHERE id = ?'),
    listRecent: p('SELECT * FROM stories WHERE last_seen_ms >= ? ORDER BY last_seen_ms DESC LIMIT ?'),
    listTopic: p(`SELECT st.* FROM stories st WHERE st.id IN (
        SELECT s.story_id FROM article_topics t JOIN story_articles s ON s.article_id = t.article_id
        WHERE t.topic = ? ORDER BY t.published_at DESC LIMIT ${TIMELINE_ROW_CAP})
      AND st.last_seen_ms >= ? ORDER BY st.last_seen_ms DESC LIMIT ?`),
    storyOfArticle: p('SELECT story_id FROM story_articles WHERE article_id = ?'),
    canonicalOf: p(
      'SELECT article_id, canonical_id, kind, similarity FROM article_duplicates WHERE article_id = ?',
    ),
    duplicatesOf: p(
      'SELECT article_id, canonical_id, kind, similarity FROM article_duplicates WHERE canonical_id = ? ORDER BY article_id',
    ),
    timelineTopic:
      p(`SELECT s.story_id, a.published_at, a.topics_json, a.id AS article_id FROM article_topics t
      JOIN story_articles s ON s.article_id = t.article_id JOIN articles a ON a.id = t.article_id
      WHERE t.topic = ? AND a.published_at IS NOT NULL ORDER BY t.published_at DESC LIMIT ${TIMELINE_ROW_CAP}`),
    timelineEntity:
      p(`SELECT s.story_id, a.published_at, a.topics_json, a.id AS article_id FROM article_entities e
      JOIN story_articles s ON s.article_id = e.article_id JOIN articles a ON a.id = e.article_id
      WHERE e.name_key = ? AND e.type = ? AND a.published_at IS NOT NULL ORDER BY e.published_at DESC LIMIT ${TIMELINE_ROW_CAP}`),
    entitiesOf: p('SELECT name, type FROM article_entities WHERE article_id = ?'),
  };
}
/** The prepared statements of the stories repository. */
export type StoriesStatements = ReturnType<typeof prepareStoriesStatements>;
