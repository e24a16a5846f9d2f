import type { Database, Statement } from 'better-sqlite3';

/** At most this many ids are read from one LSH bucket (the oldest: the original comes first). */
export const BUCKET_READ_CAP = 64;
/**
 * At most this many stories are read per posting key ("term@day"), the most recently posted. A
 * term so common that a day holds more stories under it says little about the event; the article's
 * other salient terms still find its story. This bounds a lookup on a busy day.
 */
export const POSTING_READ_CAP = 64;

/** The prepared statements of the cluster tables (prepared once per connection). */
export type ClusterStatements = ReturnType<typeof prepareClusterStatements>;

/** Prepares every statement the table-backed cluster state runs. */
export function prepareClusterStatements(db: Database) {
  const p = (sql: string): Statement => db.prepare(sql);
  return {
    articleByIdN: p('SELECT n, provider, signature FROM cluster_articles WHERE article_id = ?'),
    ensureArticle: p("INSERT OR IGNORE INTO cluster_articles (article_id, provider) VALUES (?, '')"),
    setCopy: p('UPDATE cluster_articles SET provider = ?, signature = ? WHERE article_id = ?'),
    bucketIds: p(`SELECT n FROM lsh_buckets WHERE band_key = ? ORDER BY n LIMIT ${BUCKET_READ_CAP}`),
    idOfN: p('SELECT article_id FROM cluster_articles WHERE n = ?'),
    addBucket: p('INSERT OR IGNORE INTO lsh_buckets (band_key, n) VALUES (?, ?)'),
    deleteBucket: p('DELETE FROM lsh_buckets WHERE band_key = ? AND n = ?'),
    features: p(
      'SELECT article_id, provider, title, published_ms, vector_json, entities_json, salient_json FROM cluster_articles WHERE article_id = ?',
    ),
    putFeatures:
      p(`INSERT INTO cluster_articles (article_id, provider, title, published_ms, vector_json, entities_json, salient_json)
      VALUES (@id, @provider, @title, @published, @vector, @entities, @salient)
      ON CONFLICT (article_id) DO UPDATE SET provider = excluded.provider, title = excluded.title,
      published_ms = excluded.published_ms, vector_json = excluded.vector_json,
      entities_json = excluded.entities_json, salient_json = excluded.salient_json`),
    docCount: p("SELECT value FROM cluster_meta WHERE key = 'documents'"),
    setDocCount: p(
      "INSERT INTO cluster_meta (key, value) VALUES ('documents', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ),
    df: p('SELECT df FROM cluster_terms WHERE term = ?'),
    bumpDf: p(
      'INSERT INTO cluster_terms (term, df) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET df = df + 1',
    ),
    postings: p(
      `SELECT story_id FROM story_postings WHERE key = ? ORDER BY seq DESC LIMIT ${POSTING_READ_CAP}`,
    ),
    lastPosting: p('SELECT story_id FROM story_postings WHERE key = ? ORDER BY seq DESC LIMIT 1'),
    post: p('INSERT INTO story_postings (key, seq, story_id) VALUES (?, ?, ?)'),
    postingSeq: p("SELECT value FROM cluster_meta WHERE key = 'postings'"),
    setPostingSeq: p(
      "INSERT INTO cluster_meta (key, value) VALUES ('postings', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ),
    redirect: p('SELECT into_id FROM story_redirects WHERE id = ?'),
    story: p('SELECT * FROM stories WHERE id = ?'),
    storyArticleIds: p('SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY rowid'),
    putStory:
      p(`INSERT INTO stories (id, title, title_article_id, centroid_json, providers_json, entities_json,
      first_seen_ms, last_seen_ms, article_count) VALUES (@id, @title, @titleArticleId, @centroid, @providers,
      @entities, @firstSeen, @lastSeen, @count) ON CONFLICT (id) DO UPDATE SET title = excluded.title,
      title_article_id = excluded.title_article_id, centroid_json = excluded.centroid_json,
      providers_json = excluded.providers_json, entities_json = excluded.entities_json,
      first_seen_ms = excluded.first_seen_ms, last_seen_ms = excluded.last_seen_ms, article_count = excluded.article_count`),
    deleteStory: p('DELETE FROM stories WHERE id = ?'),
    deleteRedirect: p('DELETE FROM story_redirects WHERE id = ?'),
    addRedirect: p('INSERT OR REPLACE INTO story_redirects (id, into_id) VALUES (?, ?)'),
    hasStory: p(
      'SELECT 1 FROM stories WHERE id = ? UNION ALL SELECT 1 FROM story_redirects WHERE id = ? LIMIT 1',
    ),
    storyOf: p('SELECT story_id FROM story_articles WHERE article_id = ?'),
    setStoryOf: p(
      'INSERT INTO story_articles (article_id, story_id) VALUES (?, ?) ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id',
    ),
    isCannot: p('SELECT 1 FROM story_cannot_links WHERE a = ? AND b = ?'),
    addCannot: p('INSERT OR IGNORE INTO story_cannot_links (a, b) VALUES (?, ?)'),
    deleteCannot: p('DELETE FROM story_cannot_links WHERE a = ? AND b = ?'),
    cannotOf: p('SELECT b FROM story_cannot_links WHERE a = ?'),
    addDecision: p(
      'INSERT INTO story_decisions (kind, story_a, story_b, article_ids_json, at) VALUES (?, ?, ?, ?, ?)',
    ),
    decisions: p('SELECT kind, story_a, story_b, article_ids_json, at FROM story_decisions ORDER BY seq'),
    allStories: p('SELECT id FROM stories'),
  };
}
