import type { Database, Statement } from 'better-sqlite3';
import { HeatwireError } from '../../core/errors.js';
import type { ClusterState } from '../../cluster/cluster-article.js';
import type { IndexedCopy } from '../../cluster/find-near-duplicate.js';
import { bandHashes, type LshIndex } from '../../cluster/lsh-index.js';
import { isEmptySignature } from '../../cluster/minhash-signature.js';
import type { ArticleFeatures, EditorConstraint, StoryIndex, StoryState } from '../../cluster/story-index.js';

/** At most this many ids are read from one LSH bucket (the oldest: the original comes first). */
export const BUCKET_READ_CAP = 64;
/**
 * At most this many stories are read per posting key ("term@day"), the most recently posted. A
 * term so common that a day holds more stories under it says little about the event; the article's
 * other salient terms still find its story. This bounds a lookup on a busy day.
 */
export const POSTING_READ_CAP = 64;
const BAND_SPAN = 2 ** 32;

type Row = Record<string, unknown>;

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
    features: p('SELECT article_id, provider, title, published_ms, vector_json, entities_json, salient_json FROM cluster_articles WHERE article_id = ?'),
    putFeatures: p(`INSERT INTO cluster_articles (article_id, provider, title, published_ms, vector_json, entities_json, salient_json)
      VALUES (@id, @provider, @title, @published, @vector, @entities, @salient)
      ON CONFLICT (article_id) DO UPDATE SET provider = excluded.provider, title = excluded.title,
      published_ms = excluded.published_ms, vector_json = excluded.vector_json,
      entities_json = excluded.entities_json, salient_json = excluded.salient_json`),
    docCount: p("SELECT value FROM cluster_meta WHERE key = 'documents'"),
    setDocCount: p("INSERT INTO cluster_meta (key, value) VALUES ('documents', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
    df: p('SELECT df FROM cluster_terms WHERE term = ?'),
    bumpDf: p('INSERT INTO cluster_terms (term, df) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET df = df + 1'),
    postings: p(`SELECT story_id FROM story_postings WHERE key = ? ORDER BY seq DESC LIMIT ${POSTING_READ_CAP}`),
    lastPosting: p('SELECT story_id FROM story_postings WHERE key = ? ORDER BY seq DESC LIMIT 1'),
    post: p('INSERT INTO story_postings (key, seq, story_id) VALUES (?, ?, ?)'),
    postingSeq: p("SELECT value FROM cluster_meta WHERE key = 'postings'"),
    setPostingSeq: p("INSERT INTO cluster_meta (key, value) VALUES ('postings', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
    redirect: p('SELECT into_id FROM story_redirects WHERE id = ?'),
    story: p('SELECT * FROM stories WHERE id = ?'),
    storyArticleIds: p('SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY rowid'),
    putStory: p(`INSERT INTO stories (id, title, title_article_id, centroid_json, providers_json, entities_json,
      first_seen_ms, last_seen_ms, article_count) VALUES (@id, @title, @titleArticleId, @centroid, @providers,
      @entities, @firstSeen, @lastSeen, @count) ON CONFLICT (id) DO UPDATE SET title = excluded.title,
      title_article_id = excluded.title_article_id, centroid_json = excluded.centroid_json,
      providers_json = excluded.providers_json, entities_json = excluded.entities_json,
      first_seen_ms = excluded.first_seen_ms, last_seen_ms = excluded.last_seen_ms, article_count = excluded.article_count`),
    deleteStory: p('DELETE FROM stories WHERE id = ?'),
    deleteRedirect: p('DELETE FROM story_redirects WHERE id = ?'),
    addRedirect: p('INSERT OR REPLACE INTO story_redirects (id, into_id) VALUES (?, ?)'),
    hasStory: p('SELECT 1 FROM stories WHERE id = ? UNION ALL SELECT 1 FROM story_redirects WHERE id = ? LIMIT 1'),
    storyOf: p('SELECT story_id FROM story_articles WHERE article_id = ?'),
    setStoryOf: p('INSERT INTO story_articles (article_id, story_id) VALUES (?, ?) ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id'),
    isCannot: p('SELECT 1 FROM story_cannot_links WHERE a = ? AND b = ?'),
    addCannot: p('INSERT OR IGNORE INTO story_cannot_links (a, b) VALUES (?, ?)'),
    deleteCannot: p('DELETE FROM story_cannot_links WHERE a = ? AND b = ?'),
    cannotOf: p('SELECT b FROM story_cannot_links WHERE a = ?'),
    addDecision: p('INSERT INTO story_decisions (kind, story_a, story_b, article_ids_json, at) VALUES (?, ?, ?, ?, ?)'),
    decisions: p('SELECT kind, story_a, story_b, article_ids_json, at FROM story_decisions ORDER BY seq'),
    allStories: p('SELECT id FROM stories'),
  };
}

/** Encodes a signature as a BLOB (platform byte order; every supported platform is little-endian). */
export function signatureToBlob(signature: Uint32Array): Buffer {
  return Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength);
}

function blobToSignature(blob: unknown): Uint32Array {
  if (!(blob instanceof Uint8Array) || blob.byteLength % 4 !== 0) throw new HeatwireError('STORE_FAILED', 'bad signature blob');
  // Copy: a Buffer from SQLite may sit at an offset not aligned to 4 bytes.
  return new Uint32Array(new Uint8Array(blob).buffer);
}

const json = (v: unknown): string => JSON.stringify(v);
const mapJson = (m: Map<string, number>): string => JSON.stringify([...m]);
const parseMap = (s: unknown): Map<string, number> => new Map(JSON.parse(String(s)) as Array<[string, number]>);

/** The integer bucket key of band `b` with hash `h`. */
export function bandKey(b: number, h: number): number {
  return b * BAND_SPAN + h;
}

/**
 * Dedup + clustering state over the cluster tables, for ONE transaction: reads go to SQLite by
 * key; stories and document frequencies read in this transaction are cached in it (bounded by
 * the batch), so scoring a candidate does not re-query a term's frequency per comparison.
 */
export function createSqliteClusterState(s: ClusterStatements): ClusterState {
  const idOf = (n: number): string | undefined => (s.idOfN.get(n) as Row | undefined)?.article_id as string | undefined;
  const signatureOf = (id: string): { n: number; signature: Uint32Array | null } | undefined => {
    const row = s.articleByIdN.get(id) as Row | undefined;
    if (!row) return undefined;
    return { n: Number(row.n), signature: row.signature == null ? null : blobToSignature(row.signature) };
  };
  const removeBands = (id: string): void => {
    const old = signatureOf(id);
    if (!old?.signature || isEmptySignature(old.signature)) return;
    bandHashes(old.signature).forEach((h, b) => s.deleteBucket.run(bandKey(b, h), old.n));
  };
  const lsh: LshIndex = {
    add(id, signature) {
      s.ensureArticle.run(id);
      removeBands(id);
      // A text with no words has the same signature as every other such text: indexing it
      // would build one ever-growing bucket, and it can never be a near-duplicate anyway.
      if (isEmptySignature(signature)) return;
      const n = signatureOf(id)!.n;
      bandHashes(signature).forEach((h, b) => s.addBucket.run(bandKey(b, h), n));
    },
    candidates(signature) {
      const ns = new Set<number>();
      bandHashes(signature).forEach((h, b) => {
        for (const row of s.bucketIds.all(bandKey(b, h)) as Row[]) ns.add(Number(row.n));
      });
      return [...ns]
        .sort((a, b) => a - b)
        .map(idOf)
        .filter((id): id is string => id !== undefined);
    },
    remove: removeBands,
    serialize() {
      throw new HeatwireError('USAGE', 'a store-backed LSH index is not serialised whole; it is already persistent');
    },
    load() {
      throw new HeatwireError('USAGE', 'a store-backed LSH index is not loaded whole');
    },
  };
  const copies = {
    get(id: string): IndexedCopy | undefined {
      const row = s.articleByIdN.get(id) as Row | undefined;
      if (!row || row.signature == null) return undefined;
      return { provider: String(row.provider), signature: blobToSignature(row.signature) };
    },
    set(id: string, copy: IndexedCopy): void {
      s.ensureArticle.run(id);
      s.setCopy.run(copy.provider, signatureToBlob(copy.signature), id);
    },
  };
  return { lsh, copies, stories: createSqliteStoryIndex(s) };
}

function createSqliteStoryIndex(s: ClusterStatements): StoryIndex {
  const df = new Map<string, number>();
  const stories = new Map<string, StoryState>();
  let documents: number | undefined;
  let postingSeq: number | undefined;
  // Redirects only change by retireStory/putStory in this transaction, which update the cache.
  const resolved = new Map<string, string>();
  const resolve = (id: string): string => {
    const hit = resolved.get(id);
    if (hit !== undefined) return hit;
    let cur = id;
    for (let hops = 0; hops < 64; hops++) {
      const next = (s.redirect.get(cur) as Row | undefined)?.into_id;
      if (typeof next !== 'string') break;
      cur = next;
    }
    resolved.set(id, cur);
    return cur;
  };
  const loadStory = (id: string): StoryState | undefined => {
    const cached = stories.get(id);
    if (cached) return cached;
    const row = s.story.get(id) as Row | undefined;
    if (!row) return undefined;
    const story: StoryState = {
      id,
      title: String(row.title),
      titleArticleId: String(row.title_article_id),
      centroid: parseMap(row.centroid_json),
      articleIds: (s.storyArticleIds.all(id) as Row[]).map((r) => String(r.article_id)),
      firstSeen: Number(row.first_seen_ms),
      lastSeen: Number(row.last_seen_ms),
      providers: parseMap(row.providers_json),
      entities: parseMap(row.entities_json),
    };
    stories.set(id, story);
    return story;
  };
  const documentFrequency = (t: string): number => {
    let n = df.get(t);
    if (n === undefined) {
      n = Number((s.df.get(t) as Row | undefined)?.df ?? 0);
      df.set(t, n);
    }
    return n;
  };
  return {
    documentCount: () => (documents ??= Number((s.docCount.get() as Row | undefined)?.value ?? 0)),
    documentFrequency,
    countDocument(terms) {
      documents = (documents ?? Number((s.docCount.get() as Row | undefined)?.value ?? 0)) + 1;
      s.setDocCount.run(documents);
      for (const t of new Set(terms)) {
        df.set(t, documentFrequency(t) + 1);
        s.bumpDf.run(t);
      }
    },
    lookupPostings(keys) {
      const hits = new Map<string, number>();
      for (const key of keys) {
        const seen = new Set<string>();
        for (const row of s.postings.all(key) as Row[]) {
          const id = resolve(String(row.story_id));
          if (seen.has(id)) continue;
          seen.add(id);
          hits.set(id, (hits.get(id) ?? 0) + 1);
        }
      }
      return hits;
    },
    post(keys, storyId) {
      postingSeq ??= Number((s.postingSeq.get() as Row | undefined)?.value ?? 0);
      for (const key of keys) {
        // Same story as the key's latest posting: nothing new to record (keeps keys short).
        if ((s.lastPosting.get(key) as Row | undefined)?.story_id === storyId) continue;
        s.post.run(key, ++postingSeq, storyId);
      }
      s.setPostingSeq.run(postingSeq);
    },
    getStory: (id) => loadStory(resolve(id)),
    putStory(story) {
      s.deleteRedirect.run(story.id);
      resolved.clear();
      stories.set(story.id, story);
      s.putStory.run({
        id: story.id,
        title: story.title,
        titleArticleId: story.titleArticleId,
        centroid: mapJson(story.centroid),
        providers: mapJson(story.providers),
        entities: mapJson(story.entities),
        firstSeen: story.firstSeen,
        lastSeen: story.lastSeen,
        count: story.articleIds.length,
      });
    },
    retireStory(id, into) {
      resolved.clear();
      stories.delete(id);
      s.deleteStory.run(id);
      s.addRedirect.run(id, into);
    },
    hasStoryId: (id) => s.hasStory.get(id, id) !== undefined,
    getArticle(id) {
      const row = s.features.get(id) as Row | undefined;
      if (!row || row.vector_json == null) return undefined;
      return {
        id,
        title: String(row.title),
        provider: String(row.provider),
        publishedAt: Number(row.published_ms),
        vector: parseMap(row.vector_json),
        entities: JSON.parse(String(row.entities_json)) as string[],
        salient: JSON.parse(String(row.salient_json)) as string[],
      } satisfies ArticleFeatures;
    },
    putArticle(a) {
      s.putFeatures.run({ id: a.id, provider: a.provider, title: a.title, published: a.publishedAt, vector: mapJson(a.vector), entities: json(a.entities), salient: json(a.salient) });
    },
    storyOf(articleId) {
      const id = (s.storyOf.get(articleId) as Row | undefined)?.story_id;
      return typeof id === 'string' ? resolve(id) : undefined;
    },
    setStoryOf: (articleId, storyId) => void s.setStoryOf.run(articleId, storyId),
    isCannotLinked: (a, b) => s.isCannot.get(resolve(a), resolve(b)) !== undefined,
    setCannotLinked(a, b, value) {
      const [x, y] = [resolve(a), resolve(b)];
      for (const [p, q] of [
        [x, y],
        [y, x],
      ] as const) {
        if (value) s.addCannot.run(p, q);
        else s.deleteCannot.run(p, q);
      }
    },
    cannotLinksOf: (id) => (s.cannotOf.all(resolve(id)) as Row[]).map((r) => resolve(String(r.b))),
    recordConstraint: (c) => void s.addDecision.run(c.kind, c.stories[0], c.stories[1], c.articleIds ? json(c.articleIds) : null, c.at),
    constraints: () => readDecisions(s),
    *stories() {
      // .all(), not .iterate(): the connection cannot run the story reads while an iterator is open.
      for (const row of s.allStories.all() as Row[]) {
        const story = loadStory(String(row.id));
        if (story) yield story;
      }
    },
  };
}

/** Editor decisions, oldest first. */
export function readDecisions(s: ClusterStatements): EditorConstraint[] {
  return (s.decisions.all() as Row[]).map((r) => ({
    kind: r.kind === 'must-link' ? 'must-link' : 'cannot-link',
    stories: [String(r.story_a), String(r.story_b)],
    ...(typeof r.article_ids_json === 'string' ? { articleIds: JSON.parse(r.article_ids_json) as string[] } : {}),
    at: String(r.at),
  }));
}
