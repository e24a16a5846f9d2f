import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import { HeatwireError } from '../../core/errors.js';
import { packSealed, parseSecured } from '../../secure/secured-format.js';
import { SQLITE_MIGRATIONS } from '../migrations/sqlite/index.js';
import type {
  ArticleRow,
  ArticleWrite,
  EnrichmentUpdate,
  ListOptions,
  SearchHit,
  Store,
  TopicCorrection,
  UpsertOutcome,
} from '../store.js';
import { applyMigrations } from './apply-migrations.js';
import { openDatabase, type DatabaseOptions } from './open-database.js';
import { ARTICLE_COLUMNS, prepareLinkStatements, readArticleRows, type LinkStatements } from './read-article-rows.js';
import { DEFAULT_SEARCH_LIMIT, prepareSearch, type ArticleSearcher, type SearchPlanOptions } from './search-articles.js';
import { prepareEnrichmentStatements, type EnrichmentStatements } from './topic-corrections.js';
import { prepareUpsert, type ArticleUpserter } from './upsert-articles.js';

/** Options of `openSqliteStore`. */
export interface SqliteStoreOptions extends DatabaseOptions {
  /** Search plan tuning (rank window, bm25 weights). */
  search?: SearchPlanOptions;
}

const DEFAULT_LIST_LIMIT = 50;
const MAX_LIST_LIMIT = 1000;
const CountSchema = z.object({ n: z.number().int() });
const TopicCountSchema = z.array(z.object({ name: z.string(), count: z.number().int() }));
const IdSchema = z.object({ id: z.string() });

/**
 * Opens (creating when absent) the SQLite store at `path` — `:memory:` for tests — and brings
 * its schema up to date. `readonly` opens an existing, up-to-date file without writing to it.
 *
 * @example const store = await openSqliteStore('./data/heatwire.db');
 */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
  const db = openDatabase(path, options);
  try {
    applyMigrations(db, SQLITE_MIGRATIONS, { readonly: options.readonly ?? false });
    return new SqliteStore(db, options);
  } catch (err) {
    db.close();
    throw err;
  }
}

/** The embedded Store (DESIGN.md §5): one better-sqlite3 connection, statements prepared once. */
export class SqliteStore implements Store {
  readonly #db: Database;
  readonly #upsert: ArticleUpserter;
  readonly #search: ArticleSearcher;
  readonly #links: LinkStatements;
  readonly #enrichment: EnrichmentStatements;
  readonly #s: Record<'byId' | 'byUrl' | 'count' | 'topics' | 'page' | 'updateSecured', Statement>;
  readonly #list: Record<'published' | 'firstSeen' | 'topicPublished' | 'topicFirstSeen', Statement>;

  /** Use `openSqliteStore`; this expects a migrated connection. */
  constructor(db: Database, options: SqliteStoreOptions = {}) {
    this.#db = db;
    this.#upsert = prepareUpsert(db);
    this.#search = prepareSearch(db, options.search);
    this.#links = prepareLinkStatements(db);
    this.#enrichment = prepareEnrichmentStatements(db);
    this.#s = {
      byId: db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?`),
      byUrl: db.prepare('SELECT article_id AS id FROM article_urls WHERE url = ?'),
      count: db.prepare('SELECT count(*) AS n FROM articles'),
      topics: db.prepare(`SELECT topic AS name, count(*) AS count FROM article_topics
        GROUP BY topic ORDER BY count DESC, name`),
      page: db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.seq > ? ORDER BY a.seq LIMIT ?`),
      updateSecured: db.prepare(`UPDATE articles SET secured_kind = 'own', secured_value = '', secured_sealed = ?,
        secured_key_id = ? WHERE id = ?`),
    };
    const byTopic = (order: string): Statement =>
      db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM article_topics t JOIN articles a ON a.seq = t.article_seq
        WHERE t.topic = ? ORDER BY ${order} LIMIT ? OFFSET ?`);
    this.#list = {
      published: db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles a
        ORDER BY a.published_at DESC, a.seq DESC LIMIT ? OFFSET ?`),
      firstSeen: db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles a ORDER BY a.seq LIMIT ? OFFSET ?`),
      topicPublished: byTopic('t.published_at DESC, t.article_seq DESC'),
      topicFirstSeen: byTopic('t.article_seq'),
    };
  }

  /** The file this store holds (`:memory:` for an in-memory one). */
  get path(): string {
    return this.#db.name;
  }

  /**
   * The migrated connection, for the sibling SQLite repositories of this folder (sources,
   * stories, images) that share the store's file and transactions. Not for stages: they get ports.
   */
  get database(): Database {
    return this.#db;
  }

  async upsertArticles(batch: Iterable<ArticleWrite>, now: string): Promise<UpsertOutcome[]> {
    if (Array.isArray(batch) && batch.length === 0) return [];
    return this.#upsert(batch, now);
  }

  async getArticle(id: string): Promise<ArticleRow | null> {
    const row = this.#s.byId.get(id);
    return row ? (readArticleRows(this.#links, [row])[0] ?? null) : null;
  }

  async findIdByUrl(url: string): Promise<string | null> {
    const row = this.#s.byUrl.get(url);
    return row ? IdSchema.parse(row).id : null;
  }

  async listArticles(options: ListOptions = {}): Promise<ArticleRow[]> {
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_LIST_LIMIT), 0), MAX_LIST_LIMIT);
    const offset = Math.max(Math.trunc(options.offset ?? 0), 0);
    const newest = (options.order ?? 'published_desc') === 'published_desc';
    const rows =
      options.topic === undefined
        ? (newest ? this.#list.published : this.#list.firstSeen).all(limit, offset)
        : (newest ? this.#list.topicPublished : this.#list.topicFirstSeen).all(options.topic, limit, offset);
    return readArticleRows(this.#links, rows);
  }

  async *iterateArticles(pageSize = 500): AsyncIterable<ArticleRow> {
    const size = Math.max(Math.trunc(pageSize), 1);
    let after = 0;
    for (;;) {
      // Keyset pagination: each page starts after the last seq seen, so a page costs the same
      // at the end of the table as at the start, and rows added meanwhile are not skipped.
      const rows = this.#s.page.all(after, size) as Array<{ seq: number }>;
      if (rows.length === 0) return;
      after = rows[rows.length - 1]?.seq ?? after;
      yield* readArticleRows(this.#links, rows);
      if (rows.length < size) return;
    }
  }

  async countArticles(): Promise<number> {
    return CountSchema.parse(this.#s.count.get()).n;
  }

  async listTopics(): Promise<Array<{ name: string; count: number }>> {
    return TopicCountSchema.parse(this.#s.topics.all());
  }

  async search(query: string, options: { limit?: number } = {}): Promise<SearchHit[]> {
    return this.#search(query, options.limit ?? DEFAULT_SEARCH_LIMIT);
  }

  async updateSecured(updates: Array<{ id: string; ciphertext: string; keyId: string }>): Promise<void> {
    const run = this.#db.transaction(() => {
      for (const u of updates) {
        // Unknown id: fail the whole rotation rather than leave it half done.
        if (this.#s.updateSecured.run(packSealed(parseSecured(u.ciphertext)), u.keyId, u.id).changes === 0) {
          throw new HeatwireError('NOT_FOUND', `article ${u.id}`, { input: u.id });
        }
      }
    });
    try {
      run.immediate();
    } catch (err) {
      if (err instanceof HeatwireError) throw err;
      throw new HeatwireError('STORE_FAILED', `updateSecured rolled back: ${(err as Error).message}`, { cause: err });
    }
  }

  async updateEnrichment(updates: EnrichmentUpdate[]): Promise<void> {
    if (updates.length) this.#enrichment.updateEnrichment(updates);
  }

  async saveTopicCorrection(correction: Omit<TopicCorrection, 'trainedAt'>): Promise<void> {
    this.#enrichment.saveCorrection(correction);
  }

  async listTopicCorrections(options: { pending?: boolean } = {}): Promise<TopicCorrection[]> {
    return this.#enrichment.listCorrections(options.pending ?? false);
  }

  async markTopicCorrectionsTrained(articleIds: string[], at: string): Promise<void> {
    this.#enrichment.markTrained(articleIds, at);
  }

  /**
   * Merges the full-text indexes into one segment each (also purging the terms of deleted or
   * replaced text, which otherwise stay in old segments until merged) and refreshes planner
   * statistics. Run after a bulk import or from a maintenance job.
   */
  async optimize(): Promise<void> {
    this.#db.exec(`INSERT INTO articles_fts (articles_fts) VALUES ('optimize');
      INSERT INTO articles_text_fts (articles_text_fts) VALUES ('optimize');
      PRAGMA optimize;`);
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}
