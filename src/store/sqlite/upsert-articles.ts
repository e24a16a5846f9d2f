import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { HeatwireError } from '../../core/errors.js';
import type { ArticleWrite, UpsertOutcome } from '../store.js';

/** Writes one batch in one transaction; outcomes in input order. */
export type ArticleUpserter = (batch: Iterable<ArticleWrite>, now: string) => UpsertOutcome[];

const MatchSchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  content_hash: z.string(),
  title: z.string(),
  excerpt: z.string().nullable(),
});
type Match = z.infer<typeof MatchSchema>;

/**
 * Prepares the upsert statements once and returns the batch writer.
 *
 * Matching: by `id`, else by any of the item's URLs (an AMP or cache URL reaching a stored
 * article is that article, and it keeps its id). Then:
 * - no match ⇒ insert ('new'), for both modes;
 * - `reference` item that matches ⇒ 'duplicate', nothing written (a nested copy never
 *   overwrites the article itself);
 * - same content hash ⇒ 'duplicate', nothing written;
 * - otherwise ⇒ 'updated' in place: columns replaced, first_seen_at and seq kept,
 *   updated_at = now, URLs merged (never removed), topics and record-related links replaced,
 *   the full-text entry deleted and written again.
 * Items are handled in order inside the transaction, so an id repeated within a batch sees its
 * earlier occurrence. Any failure rolls the whole batch back and is rethrown as STORE_FAILED
 * naming the item's origin.
 *
 * The two full-text indexes are written last, after all of the batch's rows, each in rowid order;
 * an article written twice in the batch is indexed once, as it was last written. FTS5 collects new
 * entries in an in-memory hash of several MiB that every word of a text looks up. Interleaved
 * with the row writes, that hash kept being evicted from the CPU caches; written in one run, the
 * text index costs less (bench:ingest, interleaved A/B: median 5,580 → 6,260 records/s CPU). In
 * rowid order, an update of an older article no longer makes FTS5 flush the hash early, which it
 * does whenever a rowid goes backwards.
 */
export function prepareUpsert(db: Database): ArticleUpserter {
  const s = {
    byId: db.prepare('SELECT seq, id, content_hash, title, excerpt FROM articles WHERE id = ?'),
    byUrl: db.prepare(`SELECT a.seq, a.id, a.content_hash, a.title, a.excerpt FROM article_urls u
      JOIN articles a ON a.id = u.article_id WHERE u.url = ?`),
    // Positional parameters in COLUMNS order (see columnsOf): binding an array is cheaper than
    // looking up 17 named parameters on an object for every article.
    insert: db.prepare(`INSERT INTO articles (${COLUMNS.join(', ')}, id, first_seen_at, updated_at)
      VALUES (${COLUMNS.map(() => '?').join(', ')}, ?, ?, ?)`),
    update: db.prepare(
      `UPDATE articles SET ${COLUMNS.map((c) =>
        c === 'canonical_url' ? 'canonical_url = coalesce(?, canonical_url)' : `${c} = ?`,
      ).join(', ')}, updated_at = ? WHERE seq = ?`,
    ),
    // A URL already attached to another article stays with it (first owner wins): merging never
    // moves URLs between articles, it only adds the ones nobody holds.
    insertUrl: db.prepare('INSERT OR IGNORE INTO article_urls (url, article_id) VALUES (?, ?)'),
    deleteTopics: db.prepare('DELETE FROM article_topics WHERE article_id = ?'),
    insertTopic:
      db.prepare(`INSERT OR IGNORE INTO article_topics (article_id, topic, published_at, article_seq)
      VALUES (?, ?, ?, ?)`),
    deleteRelated: db.prepare("DELETE FROM article_related WHERE article_id = ? AND origin = 'record'"),
    insertRelated: db.prepare(`INSERT INTO article_related (article_id, related_id, position, origin)
      VALUES (?, ?, ?, 'record')`),
    // The external-content index is written here rather than by triggers (see 0002-search.ts);
    // its 'delete' command needs the exact old values to remove their terms.
    insertTitle: db.prepare('INSERT INTO articles_fts (rowid, title, excerpt) VALUES (?, ?, ?)'),
    deleteTitle: db.prepare(`INSERT INTO articles_fts (articles_fts, rowid, title, excerpt)
      VALUES ('delete', ?, ?, ?)`),
    // contentless_delete=1 makes a plain DELETE by rowid work on the contentless index.
    deleteText: db.prepare('DELETE FROM articles_text_fts WHERE rowid = ?'),
    insertText: db.prepare('INSERT INTO articles_text_fts (rowid, body) VALUES (?, ?)'),
  };

  const findMatch = (item: ArticleWrite): Match | null => {
    const byId = s.byId.get(item.id);
    if (byId) return MatchSchema.parse(byId);
    for (const url of urlsOf(item)) {
      const byUrl = s.byUrl.get(url);
      if (byUrl) return MatchSchema.parse(byUrl);
    }
    return null;
  };

  // Full-text entries wait for the end of the batch (see the function's comment). A text entry
  // keeps the item's own strings and is joined only when written, so no copy of a text waits.
  const pendingTitles = new Map<number, { title: string; excerpt: string | null }>();
  const pendingTexts = new Map<number, { title: string; excerpt: string | null; text: string | null }>();

  const writeLinks = (id: string, seq: number, item: ArticleWrite, replace: boolean): void => {
    for (const url of urlsOf(item)) s.insertUrl.run(url, id);
    if (replace) s.deleteTopics.run(id);
    for (const topic of item.topics) s.insertTopic.run(id, topic, item.publishedAt, seq);
    if (replace) s.deleteRelated.run(id);
    item.relatedIds.forEach((relatedId, position) => s.insertRelated.run(id, relatedId, position));
    // A stored entry is deleted now; one still pending (the same article earlier in this batch)
    // is simply replaced.
    if (replace && !pendingTexts.has(seq)) s.deleteText.run(seq);
    pendingTexts.set(seq, { title: item.title, excerpt: item.excerpt, text: item.textForIndex });
  };

  const upsertOne = (item: ArticleWrite, now: string): UpsertOutcome => {
    const match = findMatch(item);
    if (match && (item.mode === 'reference' || match.content_hash === item.contentHash)) return 'duplicate';
    if (match) {
      s.update.run(...columnsOf(item), now, match.seq);
      if (pendingTitles.has(match.seq)) {
        pendingTitles.set(match.seq, { title: item.title, excerpt: item.excerpt });
      } else if (match.title !== item.title || match.excerpt !== item.excerpt) {
        s.deleteTitle.run(match.seq, match.title, match.excerpt);
        pendingTitles.set(match.seq, { title: item.title, excerpt: item.excerpt });
      }
      writeLinks(match.id, match.seq, item, true);
      return 'updated';
    }
    const seq = Number(s.insert.run(...columnsOf(item), item.id, now, now).lastInsertRowid);
    pendingTitles.set(seq, { title: item.title, excerpt: item.excerpt });
    writeLinks(item.id, seq, item, false);
    return 'new';
  };

  /** Writes the batch's full-text entries, each index in rowid order. */
  const writePendingIndexes = (): void => {
    try {
      for (const seq of [...pendingTitles.keys()].sort((a, b) => a - b)) {
        const { title, excerpt } = pendingTitles.get(seq)!;
        s.insertTitle.run(seq, title, excerpt);
      }
      for (const seq of [...pendingTexts.keys()].sort((a, b) => a - b)) {
        const { title, excerpt, text } = pendingTexts.get(seq)!;
        s.insertText.run(seq, [title, excerpt ?? '', text ?? ''].join('\n'));
      }
    } catch (err) {
      throw new HeatwireError(
        'STORE_FAILED',
        `batch rolled back while writing its full-text index: ${(err as Error).message}`,
        { cause: err },
      );
    }
  };

  return (batch, now) => {
    let current: ArticleWrite | undefined;
    let written = 0;
    const run = db.transaction(() => {
      const outcomes: UpsertOutcome[] = [];
      // One item at a time, so a lazy batch prepares each write just before it is stored.
      for (const item of batch) {
        current = item;
        written += 1;
        outcomes.push(upsertOne(item, now));
      }
      writePendingIndexes();
      return outcomes;
    });
    try {
      // IMMEDIATE: take the write lock up front; a deferred transaction that reads first and
      // then writes can fail with SQLITE_BUSY when another connection wrote in between.
      return run.immediate();
    } catch (err) {
      if (err instanceof HeatwireError) throw err;
      throw new HeatwireError(
        'STORE_FAILED',
        `batch rolled back at its article ${written} (${current?.id ?? '?'}): ${(err as Error).message}`,
        { input: current?.origin, cause: err },
      );
    } finally {
      // Committed or rolled back: nothing pending may leak into the next batch.
      pendingTitles.clear();
      pendingTexts.clear();
    }
  };
}

function urlsOf(item: ArticleWrite): string[] {
  return item.canonicalUrl && !item.urls.includes(item.canonicalUrl)
    ? [...item.urls, item.canonicalUrl]
    : item.urls;
}

/** The columns an insert and an update both write, in the order of {@link columnsOf}. */
const COLUMNS = [
  'record_json',
  'canonical_url',
  'fingerprint',
  'content_hash',
  'title',
  'excerpt',
  'published_at',
  'provider_name',
  'provider_domain',
  'topics_json',
  'secured_kind',
  'secured_value',
  'secured_sealed',
  'secured_key_id',
  'extended_json',
  'origin',
] as const;

function columnsOf(item: ArticleWrite): Array<string | Buffer | null> {
  const secured = item.secured;
  return [
    item.recordJson ?? JSON.stringify(item.record),
    item.canonicalUrl,
    item.fingerprint,
    item.contentHash,
    item.title,
    item.excerpt,
    item.publishedAt,
    item.providerName,
    item.providerDomain,
    JSON.stringify(item.topics),
    secured?.kind ?? null,
    // An own ciphertext lives in secured_sealed; '' keeps v1's CHECK (see 0007-sealed-text.ts).
    secured === null ? null : secured.kind === 'own' ? '' : secured.value,
    secured?.kind === 'own' ? secured.sealed : null,
    secured?.kind === 'own' ? secured.keyId : null,
    JSON.stringify(item.extended),
    item.origin,
  ];
}
