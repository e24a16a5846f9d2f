import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import { HeatwireError } from '../../core/errors.js';
import {
  SourceSettingsSchema,
  type NewSource,
  type PollRecord,
  type Source,
  type SourceStore,
} from '../sources.js';

const SourceRowSchema = z.object({
  id: z.number().int(),
  feed_url: z.string(),
  site_url: z.string().nullable(),
  title: z.string().nullable(),
  etag: z.string().nullable(),
  last_modified: z.string().nullable(),
  next_check_at: z.string(),
  last_checked_at: z.string().nullable(),
  last_success_at: z.string().nullable(),
  error_count: z.number().int(),
  last_error: z.string().nullable(),
  consecutive_failures: z.number().int(),
  consecutive_unchanged: z.number().int(),
  settings_json: z.string(),
  created_at: z.string(),
});

/** Longest last_error kept: a whole HTML error page is not an error message. */
const MAX_ERROR_CHARS = 500;

function toSource(raw: unknown): Source {
  const row = SourceRowSchema.parse(raw);
  // A hand-edited or older settings blob falls back to defaults field by field, never fails a read.
  const settings = SourceSettingsSchema.safeParse(safeJson(row.settings_json));
  return {
    id: row.id,
    feedUrl: row.feed_url,
    siteUrl: row.site_url,
    title: row.title,
    etag: row.etag,
    lastModified: row.last_modified,
    nextCheckAt: row.next_check_at,
    lastCheckedAt: row.last_checked_at,
    lastSuccessAt: row.last_success_at,
    errorCount: row.error_count,
    lastError: row.last_error,
    consecutiveFailures: row.consecutive_failures,
    consecutiveUnchanged: row.consecutive_unchanged,
    settings: settings.success ? settings.data : SourceSettingsSchema.parse({}),
    createdAt: row.created_at,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

/** The SQLite SourceStore over the store's migrated connection (table `sources`, migration 0003). */
export class SqliteSourceStore implements SourceStore {
  readonly #s: Record<
    'insert' | 'byId' | 'byUrl' | 'all' | 'remove' | 'success' | 'failure' | 'due' | 'move',
    Statement
  >;

  constructor(db: Database) {
    this.#s = {
      insert: db.prepare(`INSERT INTO sources (feed_url, site_url, title, next_check_at, settings_json, created_at)
        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (feed_url) DO NOTHING`),
      byId: db.prepare('SELECT * FROM sources WHERE id = ?'),
      byUrl: db.prepare('SELECT * FROM sources WHERE feed_url = ?'),
      all: db.prepare('SELECT * FROM sources ORDER BY id'),
      remove: db.prepare('DELETE FROM sources WHERE id = ?'),
      success: db.prepare(`UPDATE sources SET
          last_checked_at = @checkedAt, last_success_at = @checkedAt, next_check_at = @nextCheckAt,
          etag = @etag, last_modified = @lastModified, consecutive_failures = 0,
          consecutive_unchanged = CASE WHEN @changed = 1 THEN 0 ELSE consecutive_unchanged + 1 END,
          title = coalesce(title, @title), site_url = coalesce(site_url, @siteUrl)
        WHERE id = @id`),
      // error_count and last_error are history: a later success keeps them for `sources list`.
      failure: db.prepare(`UPDATE sources SET
          last_checked_at = @checkedAt, next_check_at = @nextCheckAt, error_count = error_count + 1,
          last_error = @error, consecutive_failures = consecutive_failures + 1
        WHERE id = @id`),
      // A feed that moved permanently keeps its id and history under the new address, unless
      // another source already follows that address (then both stay as they are).
      move: db.prepare(`UPDATE sources SET feed_url = @url WHERE id = @id
        AND NOT EXISTS (SELECT 1 FROM sources WHERE feed_url = @url)`),
      due: db.prepare('SELECT * FROM sources WHERE next_check_at <= ? ORDER BY next_check_at, id LIMIT ?'),
    };
  }

  async addSource(source: NewSource, now: string): Promise<{ source: Source; added: boolean }> {
    const settings = SourceSettingsSchema.parse(source.settings ?? {});
    const info = this.#s.insert.run(
      source.feedUrl,
      source.siteUrl ?? null,
      source.title ?? null,
      now, // due at once: the first poll happens on the next scheduler tick
      JSON.stringify(settings),
      now,
    );
    const row = this.#s.byUrl.get(source.feedUrl);
    return { source: toSource(row), added: info.changes === 1 };
  }

  async getSource(idOrUrl: number | string): Promise<Source | null> {
    const row = typeof idOrUrl === 'number' ? this.#s.byId.get(idOrUrl) : this.#s.byUrl.get(idOrUrl);
    return row ? toSource(row) : null;
  }

  async listSources(): Promise<Source[]> {
    return this.#s.all.all().map(toSource);
  }

  async removeSource(id: number): Promise<boolean> {
    return this.#s.remove.run(id).changes === 1;
  }

  async recordPoll(id: number, poll: PollRecord): Promise<Source> {
    const info = poll.ok
      ? this.#s.success.run({
          id,
          checkedAt: poll.checkedAt,
          nextCheckAt: poll.nextCheckAt,
          etag: poll.etag,
          lastModified: poll.lastModified,
          changed: poll.changed ? 1 : 0,
          title: poll.title ?? null,
          siteUrl: poll.siteUrl ?? null,
        })
      : this.#s.failure.run({
          id,
          checkedAt: poll.checkedAt,
          nextCheckAt: poll.nextCheckAt,
          error: poll.error.slice(0, MAX_ERROR_CHARS),
        });
    if (info.changes !== 1) throw new HeatwireError('NOT_FOUND', `source ${id}`);
    if (poll.ok && poll.movedTo) this.#s.move.run({ id, url: poll.movedTo });
    return toSource(this.#s.byId.get(id));
  }

  async dueSources(now: string, limit: number): Promise<Source[]> {
    return this.#s.due.all(now, Math.max(0, Math.floor(limit))).map(toSource);
  }
}
