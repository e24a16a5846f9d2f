import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import type {
  CachedImage,
  ImageFailureWrite,
  ImageState,
  ImageStore,
  LeadImageCandidate,
} from '../images.js';

const ImageRowSchema = z.object({
  source_url: z.string(),
  sha256: z.string().nullable(),
  ext: z.string().nullable(),
  content_type: z.string().nullable(),
  bytes: z.number().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  fetched_at: z.string().nullable(),
  error: z.string().nullable(),
  attempts: z.number(),
  next_attempt_at: z.string().nullable(),
});
type ImageRow = z.infer<typeof ImageRowSchema>;

// The lead image of an article: its record's first image, else the extracted one Heatwire keeps
// in its extended fields (as a URL or {url}). Mirrors src/images/lead-image-url.ts.
const LEAD_URL_SQL = `trim(coalesce(
  json_extract(a.record_json, '$.images[0].url'),
  CASE json_type(a.extended_json, '$.leadImage')
    WHEN 'text' THEN json_extract(a.extended_json, '$.leadImage')
    WHEN 'object' THEN json_extract(a.extended_json, '$.leadImage.url')
  END))`;

/**
 * The SQLite image cache (tables of migration 0004), on the store's own connection so that the
 * foreign key to `articles` holds. Only this file holds the cache's SQL.
 */
export class SqliteImageStore implements ImageStore {
  readonly #db: Database;
  readonly #s: Record<
    'get' | 'bySha' | 'cached' | 'failed' | 'link' | 'candidates' | 'all' | 'counts',
    Statement
  >;

  constructor(db: Database) {
    this.#db = db;
    this.#s = {
      get: db.prepare('SELECT * FROM images WHERE source_url = ?'),
      bySha: db.prepare('SELECT * FROM images WHERE sha256 = ? LIMIT 1'),
      cached: db.prepare(`
        INSERT INTO images (source_url, sha256, ext, content_type, bytes, width, height, fetched_at, error, attempts, next_attempt_at)
        VALUES (@sourceUrl, @sha256, @ext, @contentType, @bytes, @width, @height, @fetchedAt, NULL, 1, NULL)
        ON CONFLICT (source_url) DO UPDATE SET
          sha256 = excluded.sha256, ext = excluded.ext, content_type = excluded.content_type,
          bytes = excluded.bytes, width = excluded.width, height = excluded.height,
          fetched_at = excluded.fetched_at, error = NULL, attempts = images.attempts + 1,
          next_attempt_at = NULL`),
      failed: db.prepare(`
        INSERT INTO images (source_url, error, attempts, next_attempt_at, fetched_at)
        VALUES (@sourceUrl, @error, 1, @nextAttemptAt, @now)
        ON CONFLICT (source_url) DO UPDATE SET
          error = excluded.error, attempts = images.attempts + 1,
          next_attempt_at = excluded.next_attempt_at, fetched_at = excluded.fetched_at
        WHERE images.sha256 IS NULL`),
      // INSERT … SELECT so that a link to an article deleted meanwhile is skipped, not an error.
      link: db.prepare(
        'INSERT OR IGNORE INTO article_images (article_id, source_url) SELECT id, ? FROM articles WHERE id = ?',
      ),
      candidates: db.prepare(`
        SELECT c.id AS articleId, c.url AS url FROM (
          SELECT a.seq, a.id, ${LEAD_URL_SQL} AS url FROM articles a
        ) c
        LEFT JOIN images i ON i.source_url = c.url
        WHERE (c.url LIKE 'http://%' OR c.url LIKE 'https://%')
          AND (
            NOT EXISTS (SELECT 1 FROM article_images l WHERE l.article_id = c.id AND l.source_url = c.url)
            OR (i.sha256 IS NULL AND i.next_attempt_at IS NOT NULL AND i.next_attempt_at <= @now)
          )
        ORDER BY c.seq DESC
        LIMIT @limit`),
      all: db.prepare('SELECT * FROM images WHERE sha256 IS NOT NULL'),
      counts: db.prepare(`
        SELECT count(sha256) AS cached,
               count(*) FILTER (WHERE sha256 IS NULL AND next_attempt_at IS NOT NULL) AS failed,
               count(*) FILTER (WHERE sha256 IS NULL AND next_attempt_at IS NULL) AS givenUp
        FROM images`),
    };
  }

  async getImage(sourceUrl: string): Promise<ImageState | null> {
    const row = this.#s.get.get(sourceUrl);
    return row ? toState(ImageRowSchema.parse(row)) : null;
  }

  async findBySha256(sha256: string): Promise<CachedImage | null> {
    const row = this.#s.bySha.get(sha256);
    return row ? toCached(ImageRowSchema.parse(row)) : null;
  }

  async recordCached(image: CachedImage, articleIds: string[]): Promise<void> {
    this.#db.transaction(() => {
      this.#s.cached.run(image);
      this.#link(image.sourceUrl, articleIds);
    })();
  }

  async recordFailure(sourceUrl: string, failure: ImageFailureWrite, articleIds: string[], now: string): Promise<void> {
    this.#db.transaction(() => {
      this.#s.failed.run({ sourceUrl, error: failure.error, nextAttemptAt: failure.nextAttemptAt, now });
      this.#link(sourceUrl, articleIds);
    })();
  }

  async linkArticles(sourceUrl: string, articleIds: string[]): Promise<void> {
    this.#db.transaction(() => this.#link(sourceUrl, articleIds))();
  }

  async listCandidates(options: { now: string; limit?: number }): Promise<LeadImageCandidate[]> {
    const rows = this.#s.candidates.all({ now: options.now, limit: options.limit ?? -1 });
    return z.array(z.object({ articleId: z.string(), url: z.string() })).parse(rows);
  }

  async cachedByUrl(sourceUrls: string[]): Promise<Map<string, CachedImage>> {
    const out = new Map<string, CachedImage>();
    for (const url of new Set(sourceUrls)) {
      const row = this.#s.get.get(url);
      const cached = row ? toCached(ImageRowSchema.parse(row)) : null;
      if (cached) out.set(url, cached);
    }
    return out;
  }

  async allCached(): Promise<Map<string, CachedImage>> {
    const out = new Map<string, CachedImage>();
    for (const row of this.#s.all.iterate()) {
      const cached = toCached(ImageRowSchema.parse(row));
      if (cached) out.set(cached.sourceUrl, cached);
    }
    return out;
  }

  async countImages(): Promise<{ cached: number; failed: number; givenUp: number }> {
    return z.object({ cached: z.number(), failed: z.number(), givenUp: z.number() }).parse(this.#s.counts.get());
  }

  #link(sourceUrl: string, articleIds: string[]): void {
    for (const id of new Set(articleIds)) this.#s.link.run(sourceUrl, id);
  }
}

function toCached(row: ImageRow): CachedImage | null {
  if (!row.sha256 || !row.ext) return null;
  return {
    sourceUrl: row.source_url,
    sha256: row.sha256,
    ext: row.ext,
    contentType: row.content_type ?? 'application/octet-stream',
    bytes: row.bytes ?? 0,
    width: row.width ?? 0,
    height: row.height ?? 0,
    fetchedAt: row.fetched_at ?? '',
  };
}

function toState(row: ImageRow): ImageState {
  const cached = toCached(row);
  return {
    sourceUrl: row.source_url,
    cached,
    error: cached ? null : row.error,
    attempts: row.attempts,
    nextAttemptAt: cached ? null : row.next_attempt_at,
  };
}
