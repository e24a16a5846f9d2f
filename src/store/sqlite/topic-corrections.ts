import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { HeatwireError } from '../../core/errors.js';
import type { EnrichmentUpdate, TopicCorrection } from '../store.js';

const CorrectionRowSchema = z.object({
  article_id: z.string(),
  add_json: z.string(),
  remove_json: z.string(),
  created_at: z.string(),
  trained_at: z.string().nullable(),
});
const Names = z.array(z.string());

/** The statements behind `updateEnrichment` and the topic-correction methods of the SQLite store. */
export interface EnrichmentStatements {
  updateEnrichment(updates: EnrichmentUpdate[]): void;
  saveCorrection(c: Omit<TopicCorrection, 'trainedAt'>): void;
  listCorrections(pending: boolean): TopicCorrection[];
  markTrained(ids: string[], at: string): void;
}

/** Prepares the statements once for a migrated connection. */
export function prepareEnrichmentStatements(db: Database): EnrichmentStatements {
  const s = {
    seqOf: db.prepare('SELECT seq, published_at FROM articles WHERE id = ?'),
    update: db.prepare(`UPDATE articles SET topics_json = ?, extended_json = ?,
      record_json = coalesce(?, record_json) WHERE seq = ?`),
    deleteTopics: db.prepare('DELETE FROM article_topics WHERE article_id = ?'),
    insertTopic: db.prepare(`INSERT OR IGNORE INTO article_topics (article_id, topic, published_at, article_seq)
      VALUES (?, ?, ?, ?)`),
    saveCorrection: db.prepare(`INSERT INTO topic_corrections (article_id, add_json, remove_json, created_at, trained_at)
      VALUES (?, ?, ?, ?, NULL) ON CONFLICT (article_id) DO UPDATE SET add_json = excluded.add_json,
      remove_json = excluded.remove_json, created_at = excluded.created_at, trained_at = NULL`),
    all: db.prepare('SELECT * FROM topic_corrections ORDER BY created_at, article_id'),
    pending: db.prepare('SELECT * FROM topic_corrections WHERE trained_at IS NULL ORDER BY created_at, article_id'),
    markTrained: db.prepare('UPDATE topic_corrections SET trained_at = ? WHERE article_id = ?'),
  };
  const SeqSchema = z.object({ seq: z.number().int(), published_at: z.string().nullable() });

  const updateMany = db.transaction((updates: EnrichmentUpdate[]) => {
    for (const u of updates) {
      const found = s.seqOf.get(u.id);
      if (!found) throw new HeatwireError('NOT_FOUND', `article ${u.id}`, { input: u.id });
      const { seq, published_at } = SeqSchema.parse(found);
      s.update.run(JSON.stringify(u.topics), JSON.stringify(u.extended), u.record ? JSON.stringify(u.record) : null, seq);
      s.deleteTopics.run(u.id);
      for (const topic of u.topics) s.insertTopic.run(u.id, topic, published_at, seq);
    }
  });
  const markMany = db.transaction((ids: string[], at: string) => {
    for (const id of ids) s.markTrained.run(at, id);
  });

  return {
    updateEnrichment(updates) {
      try {
        updateMany.immediate(updates);
      } catch (err) {
        if (err instanceof HeatwireError) throw err;
        throw new HeatwireError('STORE_FAILED', `updateEnrichment rolled back: ${(err as Error).message}`, { cause: err });
      }
    },
    saveCorrection(c) {
      try {
        s.saveCorrection.run(c.articleId, JSON.stringify(c.add), JSON.stringify(c.remove), c.createdAt);
      } catch (err) {
        // The only constraint a valid call can break is the foreign key: no such article.
        throw new HeatwireError('NOT_FOUND', `article ${c.articleId}: ${(err as Error).message}`, { input: c.articleId });
      }
    },
    listCorrections(pending) {
      return (pending ? s.pending : s.all).all().map((raw) => {
        const r = CorrectionRowSchema.parse(raw);
        return {
          articleId: r.article_id,
          add: Names.parse(JSON.parse(r.add_json)),
          remove: Names.parse(JSON.parse(r.remove_json)),
          createdAt: r.created_at,
          trainedAt: r.trained_at,
        };
      });
    },
    markTrained(ids, at) {
      markMany.immediate(ids, at);
    },
  };
}
